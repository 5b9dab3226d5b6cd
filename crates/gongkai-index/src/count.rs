// The total, facets and trend counts of a query straight from its postings, without scores and
// without gathering the matches first: each segment's docs go to one Counter (tally.rs) as
// tantivy decodes them. Gathering 1.4 M matches into a list and counting them after cost
// twice the time of counting them as they come.
use std::sync::{Arc, Mutex};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::Weight;
use tantivy::{DocId, Score, SegmentReader};

use crate::pids::PidCache;
use crate::tally::{Columns, Counter, Filter};

pub struct CountAll<'a> {
    pub pids: &'a PidCache,
    pub columns: Arc<Columns>,
    pub filter: Arc<Filter>,
    /// One counter for every segment: distinct reports are counted with flags per report.
    pub counter: Mutex<Counter>,
}

/// A segment's passage ids, for when tantivy collects doc by doc (collect_segment counts
/// them directly instead); merge_fruits counts them then.
pub struct SegmentPids {
    pids: Arc<Vec<u32>>,
    out: Vec<u32>,
}

impl SegmentCollector for SegmentPids {
    type Fruit = Vec<u32>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.out.push(self.pids[doc as usize]);
    }

    fn harvest(self) -> Vec<u32> {
        self.out
    }
}

impl Collector for CountAll<'_> {
    type Fruit = ();
    type Child = SegmentPids;

    fn for_segment(&self, _ord: u32, segment: &SegmentReader) -> tantivy::Result<SegmentPids> {
        Ok(SegmentPids { pids: self.pids.of(segment)?, out: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<u32>>) -> tantivy::Result<()> {
        let mut counter = self.counter.lock().unwrap();
        for pid in fruits.into_iter().flatten() { counter.count(&self.columns, &self.filter, pid); }
        Ok(())
    }

    fn collect_segment(&self, weight: &dyn Weight, _ord: u32, reader: &SegmentReader) -> tantivy::Result<Vec<u32>> {
        let pids = self.pids.of(reader)?;
        let alive = reader.alive_bitset();
        let mut counter = self.counter.lock().unwrap();
        let (columns, filter) = (&*self.columns, &*self.filter);
        weight.for_each_no_score(reader, &mut |docs| {
            for &doc in docs {
                if alive.is_none_or(|a| a.is_alive(doc)) { counter.count(columns, filter, pids[doc as usize]); }
            }
        })?;
        Ok(Vec::new())
    }
}
