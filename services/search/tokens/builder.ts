// Assembles a TokenSlice. SliceBuilder takes passages in any order: each backend adds what it
// read (ids from its own dictionary, or stream strings), the builder puts reports in the
// common order and lays the streams out flat. OrderedSliceBuilder takes them already in order.
import type { Passage } from '../../core/schema.js';
import { TermDictionary } from './dictionary.js';
import { compareReports, type SliceReport, type TokenSlice } from './slice.js';

interface Pending { ordinal: number; section: Passage['section']; ids: Uint32Array }

export class SliceBuilder {
  private readonly reports = new Map<string, { report: SliceReport; passages: Pending[] }>();
  private readonly local: TermDictionary | null;
  private tokenCount = 0;

  /** With `terms`, ids are the caller's; without, streams come as strings and get ids here. */
  constructor(private readonly terms?: string[]) {
    this.local = terms ? null : new TermDictionary();
  }

  hasReport(id: string): boolean { return this.reports.has(id); }

  private entry(report: SliceReport) {
    let e = this.reports.get(report.id);
    if (!e) this.reports.set(report.id, (e = { report, passages: [] }));
    return e;
  }

  addIds(report: SliceReport, ordinal: number, section: Passage['section'], ids: Uint32Array): void {
    this.entry(report).passages.push({ ordinal, section, ids });
    this.tokenCount += ids.length;
  }

  addStream(report: SliceReport, ordinal: number, section: Passage['section'], stream: string): void {
    const dict = this.local!;
    const parts = stream ? stream.split(' ') : [];
    const ids = new Uint32Array(parts.length);
    for (let i = 0; i < parts.length; i++) ids[i] = dict.intern(parts[i]!);
    this.addIds(report, ordinal, section, ids);
  }

  build(): TokenSlice {
    const entries = [...this.reports.values()].sort((a, b) => compareReports(a.report, b.report));
    const passages = entries.reduce((n, e) => n + e.passages.length, 0);
    const tokens = new Uint32Array(this.tokenCount);
    const start = new Uint32Array(passages + 1);
    const report = new Uint32Array(passages);
    const ordinal = new Uint32Array(passages);
    const section: TokenSlice['section'] = new Array(passages);
    let p = 0;
    let t = 0;
    entries.forEach((e, r) => {
      e.passages.sort((a, b) => a.ordinal - b.ordinal);
      for (const ps of e.passages) {
        start[p] = t;
        tokens.set(ps.ids, t);
        t += ps.ids.length;
        report[p] = r;
        ordinal[p] = ps.ordinal;
        section[p] = ps.section;
        p++;
      }
    });
    start[p] = t;
    return { terms: this.terms ?? this.local!.terms, tokens, start, report, ordinal, section, reports: entries.map((e) => e.report) };
  }
}

/**
 * Assembles a TokenSlice from passages that arrive already in slice order — reports by
 * compareReports, each report's passages by ordinal — decoded straight into one flat array.
 * The embedded index knows its reports' facts before it reads their streams, so it can hand
 * them over in order; the SliceBuilder's grouping, sorting and copying, and one array per
 * passage, were most of a large slice's reading time (a CPU profile at 100k reports).
 */
export class OrderedSliceBuilder {
  tokens = new Uint32Array(1 << 16);
  private start = new Uint32Array(1 << 12);
  private report = new Uint32Array(1 << 12);
  private ordinal = new Uint32Array(1 << 12);
  private readonly section: TokenSlice['section'] = [];
  private readonly reports: SliceReport[] = [];
  private passages = 0;
  private end = 0;
  /** Some report's passages came out of ordinal order: build() puts them right. */
  private unordered = false;

  constructor(private readonly terms: string[]) {}

  /** Starts the next report: the passages opened after it are its own. */
  addReport(report: SliceReport): void {
    this.reports.push(report);
  }

  /** Room for this many more tokens and passages (growing at least twofold, so passages opened one by one cost amortised O(1)). */
  reserve(tokens: number, passages: number): void {
    if (this.passages + passages + 1 > this.start.length) {
      const size = Math.max(this.passages + passages + 1, this.start.length * 2);
      const grow = (a: Uint32Array) => { const b = new Uint32Array(size); b.set(a.subarray(0, this.passages)); return b; };
      this.start = grow(this.start); this.report = grow(this.report); this.ordinal = grow(this.ordinal);
    }
    if (this.end + tokens > this.tokens.length) {
      const b = new Uint32Array(Math.max(this.end + tokens, this.tokens.length * 2));
      b.set(this.tokens.subarray(0, this.end));
      this.tokens = b;
    }
  }

  /** Opens the next passage of the last report; its `len` ids go into `tokens` from the offset returned. */
  open(ordinal: number, section: Passage['section'], len: number): number {
    this.reserve(len, 1);
    const at = this.end;
    const p = this.passages;
    if (p > 0 && this.report[p - 1] === this.reports.length - 1 && this.ordinal[p - 1]! > ordinal) this.unordered = true;
    this.start[p] = at;
    this.report[p] = this.reports.length - 1;
    this.ordinal[p] = ordinal;
    this.section.push(section);
    this.passages++;
    this.end += len;
    return at;
  }

  build(): TokenSlice {
    const p = this.passages;
    this.start[p] = this.end;
    const slice: TokenSlice = {
      terms: this.terms, tokens: this.tokens.subarray(0, this.end), start: this.start.subarray(0, p + 1),
      report: this.report.subarray(0, p), ordinal: this.ordinal.subarray(0, p), section: this.section, reports: this.reports,
    };
    return this.unordered ? byOrdinal(slice) : slice;
  }
}

/**
 * The slice with each report's passages put in ordinal order. Ingest stores a report's passages
 * in that order, so this runs only for a report written otherwise (an upserted parse whose
 * passages came out of order): correct then, never the common path.
 */
function byOrdinal(s: TokenSlice): TokenSlice {
  const n = s.report.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => s.report[a]! - s.report[b]! || s.ordinal[a]! - s.ordinal[b]!);
  const tokens = new Uint32Array(s.tokens.length);
  const start = new Uint32Array(n + 1);
  let t = 0;
  order.forEach((i, k) => {
    start[k] = t;
    tokens.set(s.tokens.subarray(s.start[i]!, s.start[i + 1]!), t);
    t += s.start[i + 1]! - s.start[i]!;
  });
  start[n] = t;
  return {
    terms: s.terms, tokens, start, report: Uint32Array.from(order, (i) => s.report[i]!),
    ordinal: Uint32Array.from(order, (i) => s.ordinal[i]!), section: order.map((i) => s.section[i]!), reports: s.reports,
  };
}
