// The five facets in one pass over the matches (the tantivy core counts them the same way,
// crates/gongkai-index/src/tally.rs, and hands the tallies to facetsOf). Each counts passages and distinct reports;
// a report's passages have consecutive ids (inserted together) and matches come in id
// order, so "a new report for this bucket" is "not the report this bucket saw last".
import { foldRegions, REGION_BUCKETS, type RawBucket, type RawFacets, type RegionRow } from '../backend.js';
import { BIT, type FilterMask } from './filter-mask.js';
import { Columns } from './columns.js';

/** Passages and distinct reports per bucket of one facet. */
export interface Tally { count: Int32Array; reports: Int32Array }
/** Each facet's tally by bucket index: years from 1900, levels, sections and themes by their index, regions by key. */
export interface FacetTallies { year: Tally; level: Tally; region: Tally; section: Tally; theme: Tally }
const tally = (n: number): Tally => ({ count: new Int32Array(n), reports: new Int32Array(n) });

function buckets(t: Tally, value: (i: number) => string | null): RawBucket[] {
  const out: RawBucket[] = [];
  for (let i = 0; i < t.count.length; i++) {
    const v = t.count[i] ? value(i) : null;
    if (v !== null) out.push({ value: v, count: t.count[i]!, reports: t.reports[i]! });
  }
  return out;
}

export const YEAR0 = 1900;
export const YEARS = 201;
const NOT_YEAR = ~BIT.year;
const NOT_LEVEL = ~BIT.level;
const NOT_REGION = ~BIT.region;
const NOT_SECTION = ~BIT.section;
const NOT_THEME = ~BIT.theme;

// The hot loop of every faceted search (a million matches at 100k reports): plain typed
// arrays, no calls but the mask's, and the filters skipped altogether when there are none.
export function tallyFacets(cols: Columns, ids: Int32Array, mask: FilterMask): FacetTallies {
  const year = tally(YEARS);
  const level = tally(Columns.LEVELS.length);
  const region = tally(cols.regions.length);
  const section = tally(Columns.SECTIONS.length);
  const theme = tally(32);
  // A report is in one year, level and region: the last report counted is enough to count
  // each once. Sections and themes vary within a report: one "last report" per bucket.
  let lastYear = 0;
  let lastLevel = 0;
  let lastRegion = 0;
  const lastSection = new Int32Array(Columns.SECTIONS.length);
  const lastTheme = new Int32Array(32);
  const { report: rep, year: y, level: lv, region: rg, section: sec, themeBits } = cols;
  const filtered = mask.active;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const bits = filtered ? mask.of(id) : 0;
    // Passes every filter but (at most) one: only that one facet, or all of them, count it.
    if (bits & (bits - 1)) continue;
    const r = rep[id]!;
    if ((bits & NOT_YEAR) === 0 && y[r]) {
      const b = y[r]! - YEAR0;
      year.count[b]!++;
      if (lastYear !== r) { lastYear = r; year.reports[b]!++; }
    }
    if ((bits & NOT_LEVEL) === 0) {
      const b = lv[r]!;
      level.count[b]!++;
      if (lastLevel !== r) { lastLevel = r; level.reports[b]!++; }
    }
    if ((bits & NOT_REGION) === 0) {
      const b = rg[r]!;
      region.count[b]!++;
      if (lastRegion !== r) { lastRegion = r; region.reports[b]!++; }
    }
    if ((bits & NOT_SECTION) === 0) {
      const b = sec[id]!;
      section.count[b]!++;
      if (lastSection[b] !== r) { lastSection[b] = r; section.reports[b]!++; }
    }
    if ((bits & NOT_THEME) === 0) {
      for (let t = themeBits[id]!; t; t &= t - 1) {
        const b = 31 - Math.clz32(t & -t);
        theme.count[b]!++;
        if (lastTheme[b] !== r) { lastTheme[b] = r; theme.reports[b]!++; }
      }
    }
  }
  return { year, level, region, section, theme };
}

/** The facets' buckets from their tallies (counted here, or by the tantivy core); `opened`: see foldRegions. */
export function facetsOf(cols: Columns, t: FacetTallies, opened: ReadonlySet<string>): RawFacets {
  return {
    year: buckets(t.year, (i) => String(i + YEAR0)),
    level: buckets(t.level, (i) => Columns.LEVELS[i] ?? null),
    section: buckets(t.section, (i) => Columns.SECTIONS[i] ?? null),
    theme: buckets(t.theme, (i) => cols.themes[i] ?? null),
    region: regionBuckets(cols, t.region, opened),
  };
}

function regionBuckets(cols: Columns, t: Tally, opened: ReadonlySet<string>): RawFacets['region'] {
  const rows: RegionRow[] = [];
  for (let i = 0; i < t.count.length; i++) {
    if (!t.count[i]) continue;
    const k = cols.regions[i]!;
    rows.push({ value: k.code ?? '', count: t.count[i]!, reports: t.reports[i]!, province: k.province, city: k.city, county: k.county, township: k.township });
  }
  const folded = foldRegions(rows, opened);
  if (folded.length <= REGION_BUCKETS) return folded;
  return folded.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, REGION_BUCKETS);
}
