// A search answered inside the core: the filters, the page in the search's order, the five
// facets and a trend's counts, over the matches the collector gathered. The rules are those
// of the TypeScript reference (services/search/sqlite/{filter-mask,rank,facets}.ts), which the
// FTS5 core still runs and a test compares with this one; only the place of the loop moved.
// At 100k reports a frequent term has 1.4 M matches: handing them to JavaScript as typed
// arrays and counting there cost about 340 ms, counting here a few nanoseconds each.
//
// Distinct reports are counted with a flag per report, not with "the last report seen", so
// nothing depends on the order in which segments hand their matches over.
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::Arc;

use napi::bindgen_prelude::{Float64Array, Int16Array, Int32Array, Uint32Array, Uint8Array};
use napi_derive::napi;

use crate::query::{Match, TermSpec};

/// What counting, filtering and ordering need of every passage and report, copied from the
/// TypeScript columns (services/search/sqlite/columns.ts) once per generation of them.
#[napi]
pub struct Table {
    pub(crate) columns: Arc<Columns>,
}

pub struct Columns {
    /// Per passage id: its report row (0: no such passage), ordinal, section index, theme bits.
    report: Vec<u32>,
    ordinal: Vec<u32>,
    section: Vec<u8>,
    themes: Vec<u32>,
    /// Per report row: year (0 unknown), level index, region key index, rank of its public id.
    year: Vec<i16>,
    level: Vec<u8>,
    region: Vec<u32>,
    doc_rank: Vec<u32>,
    /// Per region key: its rank in code order (keys without a code last, all equal).
    region_rank: Vec<u32>,
}

#[napi(object)]
pub struct TableColumns {
    pub report: Int32Array,
    pub ordinal: Uint32Array,
    pub section: Uint8Array,
    pub themes: Uint32Array,
    pub year: Int16Array,
    pub level: Uint8Array,
    pub region: Int32Array,
    pub doc_rank: Uint32Array,
    pub region_rank: Uint32Array,
}

#[napi]
impl Table {
    #[napi(constructor)]
    pub fn new(c: TableColumns) -> Self {
        Table { columns: Arc::new(Columns {
            report: c.report.iter().map(|&r| r.max(0) as u32).collect(),
            ordinal: c.ordinal.to_vec(),
            section: c.section.to_vec(),
            themes: c.themes.to_vec(),
            year: c.year.to_vec(),
            level: c.level.to_vec(),
            region: c.region.iter().map(|&r| r.max(0) as u32).collect(),
            doc_rank: c.doc_rank.to_vec(),
            region_rank: c.region_rank.to_vec(),
        }) }
    }
}

/// The filters as bits (filter-mask.ts): a passage's bits name the filters it fails.
#[napi(object)]
pub struct FilterSpec {
    /// Per report row, the report-level filters it fails; empty when there are none.
    pub report_bits: Uint8Array,
    pub by_section: bool,
    /// Bit i: section index i is admitted.
    pub sections: u32,
    pub by_theme: bool,
    pub themes: u32,
    /// Excluded section indices (bits) and themes: a passage with one fails EXCLUDED.
    pub not_sections: u32,
    pub not_themes: u32,
}

/// FilterSpec as plain Rust, shared with the collectors.
pub struct Filter {
    report_bits: Vec<u8>,
    by_section: bool,
    sections: u32,
    by_theme: bool,
    themes: u32,
    not_sections: u32,
    not_themes: u32,
}

impl From<&FilterSpec> for Filter {
    fn from(f: &FilterSpec) -> Self {
        Filter {
            report_bits: f.report_bits.to_vec(), by_section: f.by_section, sections: f.sections, by_theme: f.by_theme,
            themes: f.themes, not_sections: f.not_sections, not_themes: f.not_themes,
        }
    }
}

const YEAR: u32 = 1;
const LEVEL: u32 = 2;
const REGION: u32 = 4;
const SECTION: u32 = 8;
const THEME: u32 = 16;
const EXCLUDED: u32 = 64;

/// What to answer besides the total.
#[napi(object)]
pub struct Ask {
    /// relevance | region | year_asc | year_desc
    pub sort: String,
    pub collapse: bool,
    pub offset: u32,
    pub limit: u32,
    pub facets: bool,
    /// Per report row, the trend key it counts under (-1: none); absent, no trend.
    pub trend_keys: Option<Int32Array>,
    pub trend_size: Option<u32>,
    /// How many times each passage of the page holds this term verbatim (occurrences.rs).
    pub occurrences_of: Option<TermSpec>,
}

/// Passages and distinct reports per bucket of one facet.
#[napi(object)]
pub struct Tally {
    pub count: Int32Array,
    pub reports: Int32Array,
}

#[napi(object)]
pub struct FacetTallies {
    /// Years 1900..=2100 by year - 1900.
    pub year: Tally,
    pub level: Tally,
    pub region: Tally,
    pub section: Tally,
    pub theme: Tally,
}

#[napi(object)]
pub struct Answer {
    pub total: u32,
    /// The page, best first: passage ids, scores, phrase flags, and with collapse the report's matches.
    pub ids: Int32Array,
    pub scores: Float64Array,
    pub phrase: Uint8Array,
    pub more: Int32Array,
    pub facets: Option<FacetTallies>,
    /// With trend keys: matching reports and passages per key.
    pub trend: Option<Tally>,
    /// With `occurrences_of`: per page entry.
    pub occurrences: Option<Int32Array>,
}

pub const YEAR0: i32 = 1900;
pub const YEARS: usize = 201;
const LEVELS: usize = 8;
const SECTIONS: usize = 32;

struct Counts {
    count: Vec<i32>,
    reports: Vec<i32>,
}

impl Counts {
    fn new(n: usize) -> Self { Counts { count: vec![0; n], reports: vec![0; n] } }
    fn into_tally(self) -> Tally { Tally { count: self.count.into(), reports: self.reports.into() } }
}

pub enum Sort { Relevance, Region, Year(i32) }

impl Sort {
    pub fn of(name: &str) -> Sort {
        match name {
            "region" => Sort::Region,
            "year_asc" => Sort::Year(1),
            "year_desc" => Sort::Year(-1),
            _ => Sort::Relevance,
        }
    }
}

impl Columns {
    pub fn every_passage(&self) -> Vec<Match> {
        let mut all = Vec::new();
        self.each_passage(|pid| all.push(Match { pid, score: 0.0, phrase: false }));
        all
    }

    pub fn each_passage(&self, mut f: impl FnMut(u32)) {
        for (pid, &r) in self.report.iter().enumerate() {
            if r != 0 { f(pid as u32); }
        }
    }

    pub fn known(&self, pid: u32) -> Option<u32> {
        self.report.get(pid as usize).copied().filter(|&r| r != 0)
    }

    pub fn bits(&self, f: &Filter, pid: u32, r: u32) -> u32 {
        let mut b = f.report_bits.get(r as usize).copied().unwrap_or(0) as u32;
        let s = 1u32 << (self.section[pid as usize] as u32 & 31);
        let t = self.themes[pid as usize];
        if f.by_section && f.sections & s == 0 { b |= SECTION; }
        if f.by_theme && t & f.themes == 0 { b |= THEME; }
        if f.not_sections & s != 0 || t & f.not_themes != 0 { b |= EXCLUDED; }
        b
    }

    /// rank.ts's order: phrase first, then score, then the passage's own key (report id,
    /// ordinal), after the year or region when the sort asks for them.
    pub fn cmp(&self, sort: &Sort, a: &Match, b: &Match) -> Ordering {
        let (ra, rb) = (self.report[a.pid as usize] as usize, self.report[b.pid as usize] as usize);
        let first = match sort {
            Sort::Relevance => Ordering::Equal,
            Sort::Region => self.region_rank[self.region[ra] as usize].cmp(&self.region_rank[self.region[rb] as usize]),
            Sort::Year(dir) => {
                let (ya, yb) = (self.year[ra] as i32, self.year[rb] as i32);
                match (ya, yb) {
                    _ if ya == yb => Ordering::Equal,
                    (0, _) => Ordering::Greater,
                    (_, 0) => Ordering::Less,
                    _ => (dir * (ya - yb)).cmp(&0),
                }
            }
        };
        first
            .then(b.phrase.cmp(&a.phrase))
            .then(b.score.partial_cmp(&a.score).unwrap_or(Ordering::Equal))
            .then(self.doc_rank[ra].cmp(&self.doc_rank[rb]))
            .then(self.ordinal[a.pid as usize].cmp(&self.ordinal[b.pid as usize]))
    }

    /// The answer over every match; `chosen`, when given, is the page already chosen (by
    /// TopByScore, whose pruning needs the scores only of the matches that can reach it).
    pub fn answer(&self, matches: &[Match], f: &Filter, ask: &Ask, chosen: Option<Vec<Match>>) -> Answer {
        let sort = Sort::of(&ask.sort);
        let reports = self.year.len();
        let k = if chosen.is_some() { 0 } else { (ask.offset + ask.limit) as usize };
        let mut top = TopK { k, heap: BinaryHeap::with_capacity(k.min(1 << 16) + 1), table: self, sort: &sort };
        // Collapse: each report's best match and how many it has.
        let mut best: Vec<u32> = if ask.collapse { vec![u32::MAX; reports] } else { Vec::new() };
        let mut per_report: Vec<i32> = if ask.collapse { vec![0; reports] } else { Vec::new() };
        let mut counter = Counter::new(self, ask);
        for (i, m) in matches.iter().enumerate() {
            let Some(r) = counter.count(self, f, m.pid) else { continue };
            if ask.collapse {
                let slot = &mut best[r as usize];
                per_report[r as usize] += 1;
                if *slot == u32::MAX || self.cmp(&Sort::Relevance, m, &matches[*slot as usize]).is_lt() { *slot = i as u32; }
            } else if k > 0 {
                top.offer(matches, i as u32, 0);
            }
        }
        if ask.collapse {
            counter.total = 0;
            for (r, &i) in best.iter().enumerate() {
                if i == u32::MAX { continue; }
                counter.total += 1;
                if k > 0 { top.offer(matches, i, per_report[r]); }
            }
        }
        let page: Vec<(Match, i32)> = match chosen {
            Some(chosen) => chosen.into_iter().map(|m| (m, 0)).collect(),
            None => top.sorted().into_iter().map(|(i, n)| (matches[i as usize], n)).collect(),
        };
        counter.into_answer(self, &page[(ask.offset as usize).min(page.len())..])
    }
}

/// The total, facets and trend counts of the matches offered, one at a time (count.rs offers
/// them straight from the postings; Columns::answer from a gathered list).
pub struct Counter {
    pub total: u32,
    facets: Option<FacetCounter>,
    trend: Option<(Vec<i32>, Counts, Vec<bool>)>,
}

impl Counter {
    pub fn new(cols: &Columns, ask: &Ask) -> Self {
        let reports = cols.year.len();
        Counter {
            total: 0,
            facets: ask.facets.then(|| FacetCounter::new(cols, reports)),
            trend: ask.trend_keys.as_ref().map(|k| (k.to_vec(), Counts::new(ask.trend_size.unwrap_or(0) as usize), vec![false; reports])),
        }
    }

    /// Counts a match; its report row when it passes every filter.
    #[inline]
    pub fn count(&mut self, cols: &Columns, f: &Filter, pid: u32) -> Option<u32> {
        let r = cols.known(pid)?;
        let bits = cols.bits(f, pid, r);
        if let Some(fc) = self.facets.as_mut() { fc.add(cols, bits, pid, r); }
        if bits != 0 { return None; }
        self.total += 1;
        if let Some((keys, counts, seen)) = self.trend.as_mut() {
            let key = keys.get(r as usize).copied().unwrap_or(-1);
            if key >= 0 && (key as usize) < counts.count.len() {
                counts.count[key as usize] += 1;
                if !seen[r as usize] { seen[r as usize] = true; counts.reports[key as usize] += 1; }
            }
        }
        Some(r)
    }

    pub fn into_answer(self, cols: &Columns, page: &[(Match, i32)]) -> Answer {
        Answer {
            total: self.total,
            ids: page.iter().map(|(m, _)| m.pid as i32).collect::<Vec<_>>().into(),
            scores: page.iter().map(|(m, _)| m.score as f64).collect::<Vec<_>>().into(),
            phrase: page.iter().map(|(m, _)| m.phrase as u8).collect::<Vec<_>>().into(),
            more: page.iter().map(|&(_, n)| n).collect::<Vec<_>>().into(),
            facets: self.facets.map(|fc| fc.finish(cols)),
            trend: self.trend.map(|(_, c, _)| c.into_tally()),
            occurrences: None,
        }
    }
}

/// The k best matches seen, the worst on top of the heap so a newcomer is compared once.
struct TopK<'a> {
    k: usize,
    heap: BinaryHeap<Entry<'a>>,
    table: &'a Columns,
    sort: &'a Sort,
}

struct Entry<'a> {
    m: Match,
    i: u32,
    more: i32,
    table: &'a Columns,
    sort: &'a Sort,
}

impl PartialEq for Entry<'_> { fn eq(&self, o: &Self) -> bool { self.cmp(o) == Ordering::Equal } }
impl Eq for Entry<'_> {}
impl PartialOrd for Entry<'_> { fn partial_cmp(&self, o: &Self) -> Option<Ordering> { Some(self.cmp(o)) } }
/// Greater is worse: the heap's top is the entry the next better match replaces.
impl Ord for Entry<'_> { fn cmp(&self, o: &Self) -> Ordering { self.table.cmp(self.sort, &self.m, &o.m) } }

impl<'a> TopK<'a> {
    fn offer(&mut self, matches: &[Match], i: u32, more: i32) {
        let m = matches[i as usize];
        if self.heap.len() >= self.k {
            match self.heap.peek() {
                Some(worst) if self.table.cmp(self.sort, &m, &worst.m).is_lt() => { self.heap.pop(); }
                _ => return,
            }
        }
        self.heap.push(Entry { m, i, more, table: self.table, sort: self.sort });
    }

    fn sorted(self) -> Vec<(u32, i32)> {
        self.heap.into_sorted_vec().into_iter().map(|e| (e.i, e.more)).collect()
    }
}

/// The five facets in one pass (facets.ts): a facet counts a match that fails no filter but
/// (at most) its own.
struct FacetCounter {
    section: Counts,
    theme: Counts,
    /// Per report, its matches by the report-level facets they count in: [all, year only,
    /// level only, region only] (a match failing just that facet's filter counts in it alone).
    /// Summed into the year, level and region facets once per report at the end: a report is
    /// in one bucket of each, so a match costs one increment there instead of three.
    by_report: Vec<[u32; 4]>,
    /// Per report: sections and themes it was already counted under.
    seen_sections: Vec<u32>,
    seen_themes: Vec<u32>,
}

impl FacetCounter {
    fn new(_t: &Columns, reports: usize) -> Self {
        FacetCounter {
            section: Counts::new(SECTIONS), theme: Counts::new(32),
            by_report: vec![[0; 4]; reports], seen_sections: vec![0; reports], seen_themes: vec![0; reports],
        }
    }

    #[inline]
    fn add(&mut self, t: &Columns, bits: u32, pid: u32, r: u32) {
        if bits & bits.wrapping_sub(1) != 0 { return; }
        let r = r as usize;
        match bits {
            0 => self.by_report[r][0] += 1,
            YEAR => self.by_report[r][1] += 1,
            LEVEL => self.by_report[r][2] += 1,
            REGION => self.by_report[r][3] += 1,
            _ => {}
        }
        if bits & !SECTION == 0 {
            let b = t.section[pid as usize] as usize & 31;
            self.section.count[b] += 1;
            if self.seen_sections[r] & (1 << b) == 0 { self.seen_sections[r] |= 1 << b; self.section.reports[b] += 1; }
        }
        if bits & !THEME == 0 {
            let mut set = t.themes[pid as usize];
            while set != 0 {
                let b = set.trailing_zeros() as usize;
                set &= set - 1;
                self.theme.count[b] += 1;
                if self.seen_themes[r] & (1 << b) == 0 { self.seen_themes[r] |= 1 << b; self.theme.reports[b] += 1; }
            }
        }
    }

    fn finish(self, t: &Columns) -> FacetTallies {
        let (mut year, mut level, mut region) = (Counts::new(YEARS), Counts::new(LEVELS), Counts::new(t.region_rank.len()));
        let add = |c: &mut Counts, b: usize, n: u32| {
            if n > 0 && b < c.count.len() { c.count[b] += n as i32; c.reports[b] += 1; }
        };
        for (r, n) in self.by_report.iter().enumerate() {
            if n == &[0; 4] { continue; }
            let y = t.year[r] as i32 - YEAR0;
            if t.year[r] != 0 && (0..YEARS as i32).contains(&y) { add(&mut year, y as usize, n[0] + n[1]); }
            add(&mut level, t.level[r] as usize, n[0] + n[2]);
            add(&mut region, t.region[r] as usize, n[0] + n[3]);
        }
        FacetTallies {
            year: year.into_tally(), level: level.into_tally(), region: region.into_tally(),
            section: self.section.into_tally(), theme: self.theme.into_tally(),
        }
    }
}
