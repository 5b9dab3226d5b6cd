// What a backend hands the corpus analyses: the token streams of a slice's passages, in
// one flat array, with each passage's report. Reports come ordered by year then id, passages
// by report then ordinal — the same order on both backends, whatever their storage.
import type { Passage } from '../../core/schema.js';
import type { ReportSummary } from '../types.js';

export interface SliceReport extends ReportSummary {
  format: string;
}

export interface TokenSlice {
  /** Term of each id (0 and 1 are the marks). */
  terms: string[];
  /** Every passage's stream, one after the other. */
  tokens: Uint32Array;
  /** Passage i is tokens[start[i] .. start[i+1]). */
  start: Uint32Array;
  /** Index into `reports` of each passage. */
  report: Uint32Array;
  ordinal: Uint32Array;
  section: Array<Passage['section']>;
  reports: SliceReport[];
}

type Ordered = Pick<SliceReport, 'id' | 'year'>;
const yearKey = (r: Ordered) => r.year ?? 99999;

/** Report order of every slice: year (unknown last), then report id. */
export function compareReports(a: Ordered, b: Ordered): number {
  return yearKey(a) - yearKey(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
