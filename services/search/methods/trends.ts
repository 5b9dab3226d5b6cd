// trends: for several queries or themes, matching reports per year (or region),
// raw and as a share of that year's (region's) reports.
import { z } from 'zod';
import type { TrendBy } from '../backend.js';
import { planOf, type Engine } from '../engine.js';
import { themeLabel } from '../labels.js';
import { Filters } from '../types.js';

export const TrendSeriesSpec = z.object({
  q: z.string().max(1000).optional(),
  theme: z.string().regex(/^[a-z0-9_]{1,40}$/).optional(),
}).refine((s) => s.q !== undefined || s.theme !== undefined, { message: 'a series needs q or theme' });

export const TrendsRequest = z.object({
  series: z.array(TrendSeriesSpec).min(1).max(8),
  filters: Filters.default(Filters.parse({})),
  by: z.enum(['year', 'province', 'city']).default('year'),
});
export type TrendsRequestInput = z.input<typeof TrendsRequest>;

export const TrendPointOut = z.object({
  key: z.string(), reports: z.number().int(), passages: z.number().int(), totalReports: z.number().int(), share: z.number(),
});
export const TrendsResponse = z.object({
  by: z.enum(['year', 'province', 'city']),
  series: z.array(z.object({ label: z.string(), q: z.string().optional(), theme: z.string().optional(), points: z.array(TrendPointOut) })),
  tookMs: z.number(),
});
export type TrendsResponse = z.infer<typeof TrendsResponse>;

export async function trends(engine: Engine, input: TrendsRequestInput): Promise<TrendsResponse> {
  const started = performance.now();
  const req = TrendsRequest.parse(input);
  const series = [];
  for (const s of req.series) {
    const filters = s.theme ? { ...req.filters, themes: [...req.filters.themes, s.theme] } : req.filters;
    const { plan } = planOf(engine, s.q ?? '', filters);
    const points = await engine.backend.trend(plan, req.by as TrendBy);
    const ordered = req.by === 'year'
      ? points.sort((a, b) => Number(a.key) - Number(b.key))
      : points.sort((a, b) => b.reports - a.reports || a.key.localeCompare(b.key));
    series.push({
      label: [s.q, s.theme ? themeLabel(s.theme) : undefined].filter(Boolean).join(' · '),
      ...(s.q !== undefined ? { q: s.q } : {}), ...(s.theme !== undefined ? { theme: s.theme } : {}),
      points: ordered.map((p) => ({ ...p, share: p.totalReports ? Math.round((p.reports / p.totalReports) * 1e4) / 1e4 : 0 })),
    });
  }
  return { by: req.by, series, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}
