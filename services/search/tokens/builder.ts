// Assembles a TokenSlice from passages arriving in any order: each backend adds what it
// read (ids from its own dictionary, or stream strings), the builder puts reports in the
// common order and lays the streams out flat.
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
