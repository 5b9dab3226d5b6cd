// concordance (KWIC): every occurrence of the query's terms with N characters of
// context on each side, sortable by the left or right neighbour, each line cited.
import { z } from 'zod';
import { fold } from '../../pipeline/segment/segmenter.js';
import { planOf, type Engine } from '../engine.js';
import { citationOf } from '../present/citation.js';
import { headingsFor } from '../present/report-headings.js';
import { Citation, Filters, ReportSummary } from '../types.js';

export const ConcordanceRequest = z.object({
  q: z.string().min(1).max(200),
  filters: Filters.default(Filters.parse({})),
  width: z.number().int().min(1).max(200).default(20),
  sort: z.enum(['position', 'left', 'right']).default('position'),
  limit: z.number().int().min(1).max(5000).default(500),
});
export type ConcordanceRequestInput = z.input<typeof ConcordanceRequest>;

export const ConcordanceLine = z.object({
  left: z.string(), keyword: z.string(), right: z.string(),
  reportId: z.string(), ordinal: z.number().int(), offset: z.number().int(),
  citation: Citation, report: ReportSummary,
});
export type ConcordanceLine = z.infer<typeof ConcordanceLine>;
export const ConcordanceResponse = z.object({
  q: z.string(), total: z.number().int(), passages: z.number().int(), lines: z.array(ConcordanceLine),
  truncated: z.boolean(), tookMs: z.number(),
});
export type ConcordanceResponse = z.infer<typeof ConcordanceResponse>;

/** Passages scanned at most; the count of lines is exact below this. */
const MAX_PASSAGES = 20_000;

export async function concordance(engine: Engine, input: ConcordanceRequestInput): Promise<ConcordanceResponse> {
  const started = performance.now();
  const req = ConcordanceRequest.parse(input);
  const { plan, query } = planOf(engine, req.q, req.filters, { sort: 'year_asc', limit: MAX_PASSAGES });
  // The keyword of a KWIC line is the query as typed (one string), or each term if it has several.
  const whole = query.phrase ?? (query.groups.length === 1 && query.groups[0]!.length === 1 ? query.groups[0]![0]! : null);
  const needles = whole ? [whole.text] : query.groups.flat().map((t) => t.text);
  // In position order the lines shown are the first ones: a backend that counts occurrences in
  // its index hands over only the passages that hold them, and the count of the rest.
  const counted = req.sort === 'position' && whole && engine.backend.keywordInContext
    ? await engine.backend.keywordInContext(plan, whole, req.limit) : null;
  const read = async () => { const m = await engine.backend.matchingPassages(plan); return { passages: m.total, scanned: m.rows.length, rows: m.rows }; };
  const { passages, scanned, rows } = counted ?? await read();
  // Every occurrence as (row, offset, needle), each position a string starts at (overlapping
  // ones too, as an index counts them): lines are built for the ones shown only (a frequent
  // word has tens of thousands), the left or right context taken for all when sorting by it.
  const hitRow: number[] = [];
  const hitAt: number[] = [];
  const hitLen: number[] = [];
  rows.forEach((row, r) => {
    const folded = fold(row.text);
    for (const needle of needles) {
      for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + 1)) {
        hitRow.push(r); hitAt.push(i); hitLen.push(needle.length);
      }
    }
  });
  const total = counted ? counted.occurrences : hitRow.length;
  const leftOf = (h: number) => rows[hitRow[h]!]!.text.slice(Math.max(0, hitAt[h]! - req.width), hitAt[h]!);
  const rightOf = (h: number) => rows[hitRow[h]!]!.text.slice(hitAt[h]! + hitLen[h]!, hitAt[h]! + hitLen[h]! + req.width);
  let order = hitRow.map((_, h) => h);
  if (req.sort !== 'position') {
    const reversed = (s: string) => Array.from(s).reverse().join('');
    const collator = new Intl.Collator('zh');
    const keys = order.map(req.sort === 'left' ? (h) => reversed(leftOf(h)) : rightOf);
    order.sort((x, y) => collator.compare(keys[x]!, keys[y]!));
  }
  order = order.slice(0, req.limit);
  const shown = order.map((h): ConcordanceLine => {
    const row = rows[hitRow[h]!]!;
    const i = hitAt[h]!;
    return {
      left: leftOf(h), keyword: row.text.slice(i, i + hitLen[h]!), right: rightOf(h),
      reportId: row.reportId, ordinal: row.ordinal, offset: i,
      citation: citationOf(row.report, row.section, row.ordinal), report: row.report,
    };
  });
  // Citations name the report's own heading: looked up for the lines shown only.
  const heading = await headingsFor(engine.backend, shown);
  for (const l of shown) l.citation = citationOf(l.report, l.citation.section, l.ordinal, heading(l.reportId, l.ordinal));
  return {
    q: req.q, total, passages, lines: shown, truncated: passages > scanned || total > req.limit,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
