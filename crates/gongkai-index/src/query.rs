// A Gongkai query (services/search/query/ast.ts) as tantivy queries. Matching is by the
// character n-grams alone (a word token is a substring, so its grams match wherever it
// does); the word tokens add their BM25, weighted as today, so that a whole-word match ranks
// above a match inside another word.
use std::sync::Arc;

use napi_derive::napi;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, EmptyQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Score, SegmentReader, Term};

use crate::grams::{chars_of_bigrams, covering_grams};
use crate::pids::PidCache;
use crate::schema::{Fields, MAX_GRAM};

/// Words weigh four times grams (the FTS5 backend's bm25(passage_fts, 4.0, 1.0)).
const WORD_WEIGHT: f32 = 4.0;

#[napi(object)]
pub struct TermSpec {
    /// Folded text of the term.
    pub text: String,
    pub words: Vec<String>,
    /// The term's character bigrams.
    pub grams: Vec<String>,
    pub exact: bool,
}

#[napi(object)]
pub struct QuerySpec {
    /// Every group required; a group matches when any of its terms does.
    pub groups: Vec<Vec<TermSpec>>,
    pub exclude: Vec<TermSpec>,
    /// The whole query, verbatim, for the phrase flag.
    pub phrase: Option<TermSpec>,
}

/// ASCII quotes inside tokens are written full-width by the segmenter (safeToken).
fn safe(c: char) -> char {
    match c { '"' => '\u{ff02}', '\'' => '\u{ff07}', c => c }
}

/// The term's characters as the index has them.
pub fn chars_of(t: &TermSpec) -> Vec<char> {
    if t.grams.is_empty() { t.text.chars().map(safe).collect() } else { chars_of_bigrams(&t.grams.join(" ")) }
}

/// Passages holding the term verbatim: one n-gram term up to MAX_GRAM characters, else a
/// phrase of covering MAX_GRAM-grams.
pub fn verbatim(t: &TermSpec, f: &Fields) -> Box<dyn Query> {
    let chars = chars_of(t);
    if chars.is_empty() {
        return Box::new(EmptyQuery);
    }
    if chars.len() <= MAX_GRAM {
        let term = Term::from_field_text(f.ngrams, &chars.iter().collect::<String>());
        return Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
    }
    let terms = covering_grams(&chars).into_iter().map(|(at, g)| (at, Term::from_field_text(f.longest, &g))).collect();
    Box::new(PhraseQuery::new_with_offset(terms))
}

/// Without scoring a term is its verbatim n-grams alone: its word matches nowhere they do not,
/// and one posting list is walked instead of a union of two.
fn term_query(t: &TermSpec, f: &Fields, scoring: bool) -> Box<dyn Query> {
    if t.exact || t.words.len() != 1 || !scoring {
        return verbatim(t, f);
    }
    let word = TermQuery::new(Term::from_field_text(f.words, &t.words[0]), IndexRecordOption::WithFreqs);
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, Box::new(BoostQuery::new(Box::new(word), WORD_WEIGHT)) as Box<dyn Query>),
        (Occur::Should, verbatim(t, f)),
    ]))
}

/// The query's matches, or None when it has neither terms nor exclusions (every passage: the
/// caller's case); `scoring`: the words' BM25 is wanted too.
pub fn compile(q: &QuerySpec, f: &Fields, scoring: bool) -> tantivy::Result<Option<Box<dyn Query>>> {
    if q.groups.is_empty() && q.exclude.is_empty() {
        return Ok(None);
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if q.groups.is_empty() {
        // Only exclusions: every passage but those (scored by the caller as 0).
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    for g in &q.groups {
        let any: Vec<(Occur, Box<dyn Query>)> = g.iter().map(|t| (Occur::Should, term_query(t, f, scoring))).collect();
        clauses.push((Occur::Must, if any.len() == 1 { any.into_iter().next().unwrap().1 } else { Box::new(BooleanQuery::new(any)) }));
    }
    for t in &q.exclude {
        clauses.push((Occur::MustNot, verbatim(t, f)));
    }
    if clauses.len() == 1 {
        return Ok(Some(clauses.pop().unwrap().1));
    }
    Ok(Some(Box::new(BooleanQuery::new(clauses))))
}

pub fn compile_phrase(q: &QuerySpec, f: &Fields) -> tantivy::Result<Option<Box<dyn Query>>> {
    Ok(match (&q.phrase, q.groups.is_empty()) {
        (Some(p), false) => Some(verbatim(p, f)),
        _ => None,
    })
}

/// A match: the SQLite passage id, its BM25 score (0 unless asked for), and whether it also
/// matches the query's phrase (the whole query verbatim).
#[derive(Clone, Copy)]
pub struct Match {
    pub pid: u32,
    pub score: f32,
    pub phrase: bool,
}

/// Every match, segment by segment. The phrase's matches, gathered first as each segment's
/// ascending doc ids, are walked beside the query's (a scorer hands docs over in ascending order).
pub struct Gather<'a> {
    pub scores: bool,
    pub phrase: Option<Arc<Vec<Vec<DocId>>>>,
    pub pids: &'a PidCache,
}

pub struct GatherSegment {
    pids: Arc<Vec<u32>>,
    phrase: Option<(Arc<Vec<Vec<DocId>>>, usize)>,
    cursor: usize,
    out: Vec<Match>,
}

impl Collector for Gather<'_> {
    type Fruit = Vec<Match>;
    type Child = GatherSegment;

    fn for_segment(&self, ord: u32, segment: &SegmentReader) -> tantivy::Result<GatherSegment> {
        Ok(GatherSegment {
            pids: self.pids.of(segment)?,
            phrase: self.phrase.as_ref().map(|p| (p.clone(), ord as usize)),
            cursor: 0,
            out: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scores
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Match>>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.concat())
    }
}

impl SegmentCollector for GatherSegment {
    type Fruit = Vec<Match>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let pid = self.pids[doc as usize];
        let mut phrase = false;
        if let Some((docs, ord)) = &self.phrase {
            let docs = docs.get(*ord).map_or(&[][..], |d| &d[..]);
            while self.cursor < docs.len() && docs[self.cursor] < doc { self.cursor += 1; }
            phrase = docs.get(self.cursor) == Some(&doc);
        }
        self.out.push(Match { pid, score, phrase });
    }

    fn harvest(self) -> Self::Fruit {
        self.out
    }
}

/// Each segment's matching doc ids, ascending, indexed by segment ordinal.
pub struct SegmentDocs;

pub struct SegmentDocsChild {
    ord: u32,
    docs: Vec<DocId>,
}

impl Collector for SegmentDocs {
    type Fruit = Vec<Vec<DocId>>;
    type Child = SegmentDocsChild;

    fn for_segment(&self, ord: u32, _segment: &SegmentReader) -> tantivy::Result<SegmentDocsChild> {
        Ok(SegmentDocsChild { ord, docs: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<(u32, Vec<DocId>)>) -> tantivy::Result<Self::Fruit> {
        let mut out = vec![Vec::new(); fruits.iter().map(|(o, _)| *o as usize + 1).max().unwrap_or(0)];
        for (ord, docs) in fruits { out[ord as usize] = docs; }
        Ok(out)
    }
}

impl SegmentCollector for SegmentDocsChild {
    type Fruit = (u32, Vec<DocId>);

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.docs.push(doc);
    }

    fn harvest(self) -> Self::Fruit {
        (self.ord, self.docs)
    }
}
