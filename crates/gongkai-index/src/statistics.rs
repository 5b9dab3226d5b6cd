// BM25 statistics of the live passages only. tantivy (like Lucene) counts deleted documents
// until a merge drops them, so the same passages would score differently before and after a
// report is replaced, an index is rebuilt or a backup imported. Here N, each term's document
// frequency and the fields' total length are those of the passages alive now: the same
// content always gets the same scores, whatever its history.
use std::collections::HashMap;
use std::sync::Mutex;

use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocSet, Searcher, Term, TERMINATED};

/// Total field lengths per (searcher generation, field): a pass over every norm, done once per reload.
#[derive(Default)]
pub struct LengthCache {
    totals: Mutex<HashMap<(u64, u32), u64>>,
}

pub struct LiveStatistics<'a> {
    pub searcher: &'a Searcher,
    pub lengths: &'a LengthCache,
}

impl LiveStatistics<'_> {
    /// The sum of the (encoded, then decoded) field norms of the live documents: tantivy's own
    /// total counts exact lengths, which deleted documents' norms can no longer be taken from.
    fn total_length(&self, field: Field) -> tantivy::Result<u64> {
        let key = (self.searcher.generation().generation_id(), field.field_id());
        if let Some(total) = self.lengths.totals.lock().unwrap().get(&key) {
            return Ok(*total);
        }
        let mut total = 0u64;
        for segment in self.searcher.segment_readers() {
            let norms = segment.get_fieldnorms_reader(field)?;
            match segment.alive_bitset() {
                None => for doc in 0..segment.max_doc() { total += norms.fieldnorm(doc) as u64; },
                Some(alive) => for doc in 0..segment.max_doc() { if alive.is_alive(doc) { total += norms.fieldnorm(doc) as u64; } },
            }
        }
        let mut totals = self.lengths.totals.lock().unwrap();
        totals.retain(|(generation, _), _| *generation == key.0);
        totals.insert(key, total);
        Ok(total)
    }
}

impl Bm25StatisticsProvider for LiveStatistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.total_length(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.searcher.num_docs())
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        let mut n = 0u64;
        for segment in self.searcher.segment_readers() {
            let index = segment.inverted_index(term.field())?;
            match segment.alive_bitset() {
                // No deletion in this segment: the dictionary's count is the live count.
                None => n += index.doc_freq(term)? as u64,
                Some(alive) => {
                    if let Some(mut postings) = index.read_postings(term, IndexRecordOption::Basic)? {
                        let mut doc = postings.doc();
                        while doc != TERMINATED {
                            if alive.is_alive(doc) { n += 1; }
                            doc = postings.advance();
                        }
                    }
                }
            }
        }
        Ok(n)
    }
}
