// The index's fields. Text fields hold pre-tokenized streams (our segmenter's), so no
// tantivy tokenizer ever runs; positions are kept only on the field that phrases need.
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED};

pub const PID: &str = "pid";
pub const REPORT: &str = "report";
/// jieba word tokens: ranking (BM25), frequencies and norms, no positions.
pub const WORDS: &str = "words";
/// Every character 1- to 4-gram: a substring of up to four characters is one term; no positions.
pub const NGRAMS: &str = "ngrams";
/// The 4-grams again, with positions: a longer substring is a phrase of a few rare 4-grams.
pub const LONGEST: &str = "longest";

/// The longest n-gram indexed as a term.
pub const MAX_GRAM: usize = 4;

fn text(option: IndexRecordOption) -> TextOptions {
    TextOptions::default().set_indexing_options(TextFieldIndexing::default().set_tokenizer("raw").set_index_option(option))
}

pub fn build() -> Schema {
    let mut b = Schema::builder();
    // The SQLite passage id: answers are ids, the TypeScript side reads the rest from SQLite.
    b.add_u64_field(PID, FAST);
    // Indexed to delete a report's passages by one term; fast for per-report counting.
    b.add_u64_field(REPORT, INDEXED | FAST);
    b.add_text_field(WORDS, text(IndexRecordOption::WithFreqs));
    b.add_text_field(NGRAMS, text(IndexRecordOption::WithFreqs));
    b.add_text_field(LONGEST, text(IndexRecordOption::WithFreqsAndPositions));
    b.build()
}

#[derive(Clone, Copy)]
pub struct Fields {
    pub pid: Field,
    pub report: Field,
    pub words: Field,
    pub ngrams: Field,
    pub longest: Field,
}

impl Fields {
    pub fn of(schema: &Schema) -> tantivy::Result<Fields> {
        Ok(Fields {
            pid: schema.get_field(PID)?,
            report: schema.get_field(REPORT)?,
            words: schema.get_field(WORDS)?,
            ngrams: schema.get_field(NGRAMS)?,
            longest: schema.get_field(LONGEST)?,
        })
    }
}
