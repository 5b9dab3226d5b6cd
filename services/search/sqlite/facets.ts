// The five facets in one pass over the matches. Each counts passages and distinct reports;
// a report's passages have consecutive ids (inserted together) and matches come in id
// order, so "a new report for this bucket" is "not the report this bucket saw last".
import type { RawBucket, RawFacets } from '../backend.js';
import { BIT, type FilterMask } from './filter-mask.js';
import { Columns } from './columns.js';

class Counter {
  readonly count: Int32Array;
  readonly reports: Int32Array;
  private readonly last: Int32Array;
  constructor(n: number) {
    this.count = new Int32Array(n);
    this.reports = new Int32Array(n);
    this.last = new Int32Array(n);
  }
  add(bucket: number, report: number): void {
    this.count[bucket]!++;
    if (this.last[bucket] !== report) { this.last[bucket] = report; this.reports[bucket]!++; }
  }
  buckets(value: (i: number) => string | null): RawBucket[] {
    const out: RawBucket[] = [];
    for (let i = 0; i < this.count.length; i++) {
      const v = this.count[i] ? value(i) : null;
      if (v !== null) out.push({ value: v, count: this.count[i]!, reports: this.reports[i]! });
    }
    return out;
  }
}

const YEAR0 = 1900;
const YEARS = 201;

export function countFacets(cols: Columns, ids: Int32Array, mask: FilterMask): RawFacets {
  const year = new Counter(YEARS);
  const level = new Counter(Columns.LEVELS.length);
  const section = new Counter(Columns.SECTIONS.length);
  const theme = new Counter(32);
  const region = new Counter(cols.regions.length);
  const { report: rep, year: y, level: lv, region: rg, section: sec, themeBits } = cols;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const bits = mask.of(id);
    // Passes every filter but (at most) one: only that one facet, or all of them, count it.
    if (bits & (bits - 1)) continue;
    const r = rep[id]!;
    if ((bits & ~BIT.year) === 0 && y[r]) year.add(y[r]! - YEAR0, r);
    if ((bits & ~BIT.level) === 0) level.add(lv[r]!, r);
    if ((bits & ~BIT.region) === 0) region.add(rg[r]!, r);
    if ((bits & ~BIT.section) === 0) section.add(sec[id]!, r);
    if ((bits & ~BIT.theme) === 0) {
      for (let t = themeBits[id]!; t; t &= t - 1) theme.add(31 - Math.clz32(t & -t), r);
    }
  }
  return {
    year: year.buckets((i) => String(i + YEAR0)),
    level: level.buckets((i) => Columns.LEVELS[i]!),
    section: section.buckets((i) => Columns.SECTIONS[i]!),
    theme: theme.buckets((i) => cols.themes[i] ?? null),
    region: regionBuckets(cols, region),
  };
}

function regionBuckets(cols: Columns, c: Counter): RawFacets['region'] {
  const out: RawFacets['region'] = [];
  for (let i = 0; i < c.count.length; i++) {
    if (!c.count[i]) continue;
    const k = cols.regions[i]!;
    out.push({ value: k.code ?? '', count: c.count[i]!, reports: c.reports[i]!, province: k.province, city: k.city, county: k.county, township: k.township });
  }
  return out;
}
