// Dispersion of a term over a slice: its frequency and range by year, province and level, its
// Gries' DP over the slice's reports, and the points of a dispersion plot (each occurrence at
// its offset in the slice, reports laid end to end by year then id).
import { z } from 'zod';
import type { Engine } from '../../engine.js';
import type { SliceReport } from '../../tokens/slice.js';
import { Filters } from '../../types.js';
import { ms } from './collocates.js';
import { griesDp, round } from './measures.js';
import { nodeIds, nodeTerm, occurrences, readFilterSlice, reportSizes } from './slice.js';

export const DispersionRequest = z.object({
  q: z.string().min(1).max(200),
  filters: Filters.default(Filters.parse({})),
  /** Plot points at most (evenly thinned beyond). */
  points: z.number().int().min(10).max(20_000).default(3000),
});
export type DispersionRequestInput = z.input<typeof DispersionRequest>;

export const DispersionGroup = z.object({
  key: z.string(),
  freq: z.number().int(), range: z.number().int(),
  reports: z.number().int().describe('reports of the group in the slice'),
  tokens: z.number().int(),
  perMillion: z.number(),
});
export type DispersionGroup = z.infer<typeof DispersionGroup>;

export const DispersionResponse = z.object({
  q: z.string(), node: z.array(z.string()),
  freq: z.number().int(), range: z.number().int(), reports: z.number().int(), tokens: z.number().int(),
  perMillion: z.number(), dp: z.number(),
  byYear: z.array(DispersionGroup), byProvince: z.array(DispersionGroup), byLevel: z.array(DispersionGroup),
  /** x: offset of the occurrence in the slice over its size (0–1); report: which report; year. */
  plot: z.array(z.object({ x: z.number(), reportId: z.string(), year: z.number().int().nullable() })),
  plotThinned: z.boolean(),
  tookMs: z.number(),
});
export type DispersionResponse = z.infer<typeof DispersionResponse>;

export async function dispersion(engine: Engine, input: DispersionRequestInput): Promise<DispersionResponse> {
  const started = performance.now();
  const req = DispersionRequest.parse(input);
  const { slice, query } = await readFilterSlice(engine, req.q, req.filters);
  const words = nodeTerm(query)?.words ?? [];
  const node = words.length ? nodeIds(slice, words) : null;
  const { sizes, total } = reportSizes(slice);
  const counts = new Uint32Array(slice.reports.length);
  const at: Array<[number, number]> = []; // [word offset in slice, report]
  // Word offsets: marks do not count, so an offset is the number of words before it in the slice.
  const before = new Float64Array(slice.reports.length);
  for (let r = 1; r < sizes.length; r++) before[r] = before[r - 1]! + sizes[r - 1]!;
  if (node) {
    const { tokens, start, report } = slice;
    // Words before each passage within its report.
    const passageWords = new Float64Array(start.length);
    let lastR = -1;
    let acc = 0;
    for (let p = 0; p + 1 < start.length; p++) {
      if (report[p] !== lastR) { lastR = report[p]!; acc = 0; }
      passageWords[p] = acc;
      for (let i = start[p]!; i < start[p + 1]!; i++) if (tokens[i]! > 1) acc++;
    }
    occurrences(slice, node, (i, p) => {
      const r = report[p]!;
      counts[r]!++;
      let w = 0;
      for (let j = start[p]!; j < i; j++) if (tokens[j]! > 1) w++;
      at.push([before[r]! + passageWords[p]! + w, r]);
    });
  }
  const groups = (keyOf: (r: SliceReport) => string | null) => {
    const m = new Map<string, DispersionGroup>();
    slice.reports.forEach((r, i) => {
      const key = keyOf(r) ?? '未知';
      let g = m.get(key);
      if (!g) m.set(key, (g = { key, freq: 0, range: 0, reports: 0, tokens: 0, perMillion: 0 }));
      g.freq += counts[i]!; g.range += counts[i]! > 0 ? 1 : 0; g.reports++; g.tokens += sizes[i]!;
    });
    return [...m.values()].map((g) => ({ ...g, perMillion: g.tokens ? round((g.freq / g.tokens) * 1e6, 2) : 0 }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  };
  const freq = at.length;
  const step = Math.max(1, Math.ceil(freq / req.points));
  const plot = at.filter((_, k) => k % step === 0).map(([x, r]) => ({
    x: total ? round(x / total, 6) : 0, reportId: slice.reports[r]!.id, year: slice.reports[r]!.year,
  }));
  return {
    q: req.q, node: words, freq, range: counts.reduce((n, c) => n + (c > 0 ? 1 : 0), 0), reports: slice.reports.length, tokens: total,
    perMillion: total ? round((freq / total) * 1e6, 2) : 0, dp: round(griesDp(counts, sizes)),
    byYear: groups((r) => (r.year === null ? null : String(r.year))), byProvince: groups((r) => r.region.province),
    byLevel: groups((r) => r.level), plot, plotThinned: step > 1, tookMs: ms(started),
  };
}
