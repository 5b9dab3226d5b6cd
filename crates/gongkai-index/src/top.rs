// The best k matches by score under the filters, with block-max WAND: tantivy skips the
// blocks of postings whose best possible score cannot beat the k-th kept, so a frequent term
// (公开, in 1.4 M passages) is not scored through. Ties are broken as rank.ts breaks them (the
// report's public id, then the ordinal), so the threshold handed back is just below the k-th
// score: a match equal to it is still offered and may win on the tie-break.
//
// Used when the order is by relevance alone (no phrase flag to rank first, no collapse);
// tally.rs counts the total and the facets in a pass without scores.
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicU32, Ordering as AtomicOrdering};
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::Weight;
use tantivy::{DocId, Score, SegmentReader};

use crate::query::Match;
use crate::pids::PidCache;
use crate::tally::{Columns, Filter, Sort};

pub struct TopByScore<'a> {
    pub k: usize,
    pub pids: &'a PidCache,
    pub columns: Arc<Columns>,
    pub filter: Arc<Filter>,
    /// The best k-th score any segment has reached (f32 bits; scores are never negative, so
    /// their bits order as they do): where the next segment starts pruning.
    pub floor: AtomicU32,
}

impl<'a> TopByScore<'a> {
    pub fn new(k: usize, pids: &'a PidCache, columns: Arc<Columns>, filter: Arc<Filter>) -> Self {
        TopByScore { k, pids, columns, filter, floor: AtomicU32::new(0) }
    }
}

/// A kept match, ordered as the search orders them: the heap's greatest is the worst kept.
struct Kept {
    m: Match,
    columns: Arc<Columns>,
}

impl PartialEq for Kept { fn eq(&self, o: &Self) -> bool { self.cmp(o) == Ordering::Equal } }
impl Eq for Kept {}
impl PartialOrd for Kept { fn partial_cmp(&self, o: &Self) -> Option<Ordering> { Some(self.cmp(o)) } }
impl Ord for Kept { fn cmp(&self, o: &Self) -> Ordering { self.columns.cmp(&Sort::Relevance, &self.m, &o.m) } }

pub struct TopSegment {
    k: usize,
    pids: Arc<Vec<u32>>,
    columns: Arc<Columns>,
    filter: Arc<Filter>,
    heap: BinaryHeap<Kept>,
    floor: Score,
}

impl TopSegment {
    /// Below this a match cannot enter: just under the k-th score kept (or reached before).
    fn threshold(&self) -> Score {
        let kth = if self.heap.len() >= self.k { self.heap.peek().map_or(0.0, |w| w.m.score).max(self.floor) } else { self.floor };
        if kth > 0.0 { f32::from_bits(kth.to_bits() - 1) } else { Score::MIN }
    }
}

impl SegmentCollector for TopSegment {
    type Fruit = Vec<Match>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let pid = self.pids[doc as usize];
        let Some(r) = self.columns.known(pid) else { return };
        if self.columns.bits(&self.filter, pid, r) != 0 { return; }
        let m = Match { pid, score, phrase: false };
        if self.heap.len() >= self.k {
            match self.heap.peek() {
                Some(worst) if self.columns.cmp(&Sort::Relevance, &m, &worst.m).is_lt() => { self.heap.pop(); }
                _ => return,
            }
        }
        self.heap.push(Kept { m, columns: self.columns.clone() });
    }

    fn harvest(self) -> Vec<Match> {
        self.heap.into_vec().into_iter().map(|k| k.m).collect()
    }
}

impl Collector for TopByScore<'_> {
    type Fruit = Vec<Match>;
    type Child = TopSegment;

    fn for_segment(&self, _ord: u32, segment: &SegmentReader) -> tantivy::Result<TopSegment> {
        Ok(TopSegment {
            k: self.k, pids: self.pids.of(segment)?, columns: self.columns.clone(), filter: self.filter.clone(),
            heap: BinaryHeap::with_capacity(self.k + 1), floor: f32::from_bits(self.floor.load(AtomicOrdering::Relaxed)),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    /// The k best of every segment's k best, best first.
    fn merge_fruits(&self, fruits: Vec<Vec<Match>>) -> tantivy::Result<Vec<Match>> {
        let mut all = fruits.concat();
        all.sort_by(|a, b| self.columns.cmp(&Sort::Relevance, a, b));
        all.truncate(self.k);
        Ok(all)
    }

    fn collect_segment(&self, weight: &dyn Weight, ord: u32, reader: &SegmentReader) -> tantivy::Result<Vec<Match>> {
        let mut child = self.for_segment(ord, reader)?;
        if self.k == 0 { return Ok(Vec::new()); }
        let alive = reader.alive_bitset();
        weight.for_each_pruning(child.threshold(), reader, &mut |doc, score| {
            if alive.is_none_or(|a| a.is_alive(doc)) { child.collect(doc, score); }
            child.threshold()
        })?;
        if child.heap.len() >= self.k {
            if let Some(worst) = child.heap.peek() {
                self.floor.fetch_max(worst.m.score.to_bits(), AtomicOrdering::Relaxed);
            }
        }
        Ok(child.harvest())
    }
}
