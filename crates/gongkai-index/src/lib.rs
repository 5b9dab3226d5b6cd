// Gongkai's inverted index: tantivy behind the narrowest interface the TypeScript backend
// needs. The segmenter stays in TypeScript; this crate receives its token streams (word
// tokens and character bigrams, as IndexedReport carries them), derives the character
// n-grams that make every verbatim substring one lookup or a short phrase, and answers
// with passage ids, BM25 scores and counts. Reports, metadata and stored text stay in SQLite.
mod count;
mod grams;
mod occurrences;
mod pids;
mod query;
mod schema;
mod statistics;
mod tally;
mod top;

use std::sync::{Arc, Mutex};

use napi::bindgen_prelude::{Float64Array, Int32Array, Uint8Array};
use napi::{Error, Result, Status};
use napi_derive::napi;
use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::schema::Fields;
use crate::pids::PidCache;
use crate::query::Match;
use crate::statistics::{LengthCache, LiveStatistics};
pub use crate::tally::{Answer, Ask, FilterSpec, Table};
use crate::count::CountAll;
use crate::tally::{Counter, Filter};
use crate::top::TopByScore;

fn fail<E: std::fmt::Display>(e: E) -> Error {
    Error::new(Status::GenericFailure, e.to_string())
}

/// One passage's token streams, exactly as the segmenter produced them (space-joined).
#[napi(object)]
pub struct PassageTokens {
    /// The passage's id in SQLite: what every answer refers to.
    pub id: u32,
    pub words: String,
    pub grams: String,
}

/// All matches of a query, ascending by passage id (the order the TypeScript side merges in).
#[napi(object)]
pub struct MatchList {
    pub ids: Int32Array,
    /// BM25 per match when scores were asked for, else empty.
    pub scores: Float64Array,
    /// 1 where the passage also matches the query's phrase (the whole query verbatim).
    pub phrase: Uint8Array,
}

#[napi]
pub struct PassageIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// Created on the first write and kept: tantivy allows one writer per index (a lock file
    /// that the OS releases when the process dies, so a kill -9 never leaves it held).
    writer: Mutex<Option<IndexWriter>>,
    writer_heap: usize,
    lengths: LengthCache,
    pids: PidCache,
}

#[napi]
impl PassageIndex {
    /// Opens the index in `dir`, creating it when the directory holds none.
    #[napi(constructor)]
    pub fn new(dir: String, writer_heap_mb: Option<u32>) -> Result<Self> {
        std::fs::create_dir_all(&dir).map_err(fail)?;
        let directory = MmapDirectory::open(&dir).map_err(fail)?;
        let index = Index::open_or_create(directory, schema::build()).map_err(fail)?;
        let fields = Fields::of(&index.schema()).map_err(fail)?;
        // Reloaded by the caller, who knows when another process has written (SQLite tells it).
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(fail)?;
        Ok(PassageIndex {
            index, reader, fields, writer: Mutex::new(None),
            writer_heap: (writer_heap_mb.unwrap_or(200) as usize) * 1_000_000,
            lengths: LengthCache::default(),
            pids: PidCache::default(),
        })
    }

    fn with_writer<T>(&self, f: impl FnOnce(&mut IndexWriter) -> Result<T>) -> Result<T> {
        let mut guard = self.writer.lock().map_err(fail)?;
        if guard.is_none() {
            // One indexing thread: the machine's other core answers searches meanwhile.
            *guard = Some(self.index.writer_with_num_threads(1, self.writer_heap).map_err(fail)?);
        }
        f(guard.as_mut().unwrap())
    }

    /// Adds a report's passages (the caller deletes an older version first, in the same commit).
    #[napi]
    pub fn add(&self, report: u32, passages: Vec<PassageTokens>) -> Result<()> {
        let f = &self.fields;
        self.with_writer(|w| {
            for p in passages {
                let mut doc = TantivyDocument::default();
                doc.add_u64(f.pid, p.id as u64);
                doc.add_u64(f.report, report as u64);
                doc.add_pre_tokenized_text(f.words, grams::word_tokens(&p.words));
                let chars = grams::chars_of_bigrams(&p.grams);
                doc.add_pre_tokenized_text(f.ngrams, grams::ngram_tokens(&chars));
                doc.add_pre_tokenized_text(f.longest, grams::longest_gram_tokens(&chars));
                w.add_document(doc).map_err(fail)?;
            }
            Ok(())
        })
    }

    /// Deletes every passage of a report (effective at the next commit).
    #[napi]
    pub fn delete_report(&self, report: u32) -> Result<()> {
        let term = Term::from_field_u64(self.fields.report, report as u64);
        self.with_writer(|w| { w.delete_term(term); Ok(()) })
    }

    /// Makes every add and delete since the last commit durable, with `payload` (the SQLite
    /// write sequence they bring the index level with), then shows them to this reader.
    #[napi]
    pub fn commit(&self, payload: String) -> Result<()> {
        self.with_writer(|w| {
            let mut prepared = w.prepare_commit().map_err(fail)?;
            prepared.set_payload(&payload);
            prepared.commit().map_err(fail)?;
            Ok(())
        })?;
        self.reader.reload().map_err(fail)?;
        self.pids.keep_only(&self.reader.searcher());
        Ok(())
    }

    /// Deletes every passage (effective at the next commit): the index is rebuilt from SQLite.
    #[napi]
    pub fn delete_all(&self) -> Result<()> {
        self.with_writer(|w| { w.delete_all_documents().map_err(fail)?; Ok(()) })
    }

    /// Drops whatever was added or deleted since the last commit.
    #[napi]
    pub fn rollback(&self) -> Result<()> {
        let mut guard = self.writer.lock().map_err(fail)?;
        if let Some(w) = guard.as_mut() { w.rollback().map_err(fail)?; }
        Ok(())
    }

    /// The payload of the last commit: how far the index is level with SQLite.
    #[napi]
    pub fn committed_payload(&self) -> Result<Option<String>> {
        Ok(self.index.load_metas().map_err(fail)?.payload)
    }

    /// Sees what other processes (or this one) committed since.
    #[napi]
    pub fn reload(&self) -> Result<()> {
        self.reader.reload().map_err(fail)?;
        self.pids.keep_only(&self.reader.searcher());
        Ok(())
    }

    /// Releases the writer and its lock (for another process to write).
    #[napi]
    pub fn release_writer(&self) -> Result<()> {
        let mut guard = self.writer.lock().map_err(fail)?;
        if let Some(w) = guard.take() { w.wait_merging_threads().map_err(fail)?; }
        Ok(())
    }

    /// Every match of `query` with its phrase flag, and its score when asked for, in no order;
    /// None when the query has neither terms nor exclusions (every passage).
    fn gather(&self, spec: &query::QuerySpec, searcher: &tantivy::Searcher, with_scores: bool) -> Result<Option<Vec<Match>>> {
        let Some(q) = query::compile(spec, &self.fields, with_scores).map_err(fail)? else { return Ok(None) };
        let phrase = match query::compile_phrase(spec, &self.fields).map_err(fail)? {
            Some(pq) => Some(Arc::new(searcher.search(pq.as_ref(), &query::SegmentDocs).map_err(fail)?)),
            None => None,
        };
        let stats = LiveStatistics { searcher, lengths: &self.lengths };
        searcher.search_with_statistics_provider(q.as_ref(), &query::Gather { scores: with_scores, phrase, pids: &self.pids }, &stats).map(Some).map_err(fail)
    }

    /// Every match of `query`, ascending by passage id.
    #[napi]
    pub fn matches(&self, query: query::QuerySpec, with_scores: bool) -> Result<MatchList> {
        let searcher = self.reader.searcher();
        let mut found = self.gather(&query, &searcher, with_scores)?.unwrap_or_default();
        found.sort_unstable_by_key(|m| m.pid);
        let ids: Vec<i32> = found.iter().map(|m| m.pid as i32).collect();
        let scores: Vec<f64> = if with_scores { found.iter().map(|m| m.score as f64).collect() } else { Vec::new() };
        let phrase: Vec<u8> = found.iter().map(|m| m.phrase as u8).collect();
        Ok(MatchList { ids: ids.into(), scores: scores.into(), phrase: phrase.into() })
    }

    /// A search answered here: the page, the total, and the facets or a trend's counts, under
    /// the filters, over the columns of `table` (see tally.rs). A query without terms matches
    /// every passage the table has, scored 0. Ordered by relevance alone, the page is chosen by
    /// block-max WAND (top.rs), and the total and counts come without scores straight from the
    /// postings (count.rs), as they do when no page is asked for.
    #[napi]
    pub fn answer(&self, query: query::QuerySpec, table: &Table, filter: FilterSpec, ask: Ask) -> Result<Answer> {
        let searcher = self.reader.searcher();
        let columns = &table.columns;
        let filter = Arc::new(Filter::from(&filter));
        let by_score_alone = ask.sort == "relevance" && !ask.collapse && query.phrase.is_none() && !query.groups.is_empty();
        let mut answer = match query::compile(&query, &self.fields, false).map_err(fail)? {
            Some(unscored) if ask.limit == 0 || by_score_alone => {
                let mut chosen = Vec::new();
                if ask.limit > 0 {
                    let q = query::compile(&query, &self.fields, true).map_err(fail)?.ok_or_else(|| fail("no query"))?;
                    let stats = LiveStatistics { searcher: &searcher, lengths: &self.lengths };
                    let top = TopByScore::new((ask.offset + ask.limit) as usize, &self.pids, columns.clone(), filter.clone());
                    chosen = searcher.search_with_statistics_provider(q.as_ref(), &top, &stats).map_err(fail)?;
                }
                let count = CountAll { pids: &self.pids, columns: columns.clone(), filter: filter.clone(), counter: Mutex::new(Counter::new(columns, &ask)) };
                searcher.search(unscored.as_ref(), &count).map_err(fail)?;
                let page: Vec<(Match, i32)> = chosen.into_iter().skip(ask.offset as usize).map(|m| (m, 0)).collect();
                count.counter.into_inner().map_err(fail)?.into_answer(columns, &page)
            }
            // No terms and no page (a theme's trend, facets of filters alone): every passage counted from the table.
            None if ask.limit == 0 => {
                let mut counter = Counter::new(columns, &ask);
                columns.each_passage(|pid| { counter.count(columns, &filter, pid); });
                counter.into_answer(columns, &[])
            }
            _ => {
                let found = match self.gather(&query, &searcher, ask.limit > 0 && !query.groups.is_empty())? {
                    Some(found) => found,
                    None => columns.every_passage(),
                };
                columns.answer(&found, &filter, &ask, None)
            }
        };
        if let Some(needle) = &ask.occurrences_of {
            answer.occurrences = Some(occurrences::count(&searcher, &self.fields, &self.pids, needle, &answer.ids).map_err(fail)?.into());
        }
        Ok(answer)
    }

    /// Names what the reader sees: its segments and their deletions. The same after a reload
    /// that found nothing new (tantivy's own generation id moves at every reload), so the match
    /// cache, keyed by it, survives the reload every search does.
    #[napi]
    pub fn generation(&self) -> String {
        let searcher = self.reader.searcher();
        searcher.generation().segments().iter()
            .map(|(id, deletes)| format!("{}.{}", id.uuid_string(), deletes.map_or(0, |d| d)))
            .collect::<Vec<_>>().join(",")
    }

    /// Live passages in the index (for checks: SQLite and the index must agree).
    #[napi]
    pub fn passages(&self) -> u32 {
        self.reader.searcher().num_docs() as u32
    }
}
