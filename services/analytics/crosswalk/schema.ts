// The crosswalk (crosswalk.json) as data: which cells of each statistics-table format make
// up each common measure, why, and which cells map to nothing. Validated when loaded, so a
// broken edit of the data file fails at start-up, not in a chart.
import { z } from 'zod';
import raw from './crosswalk.json' with { type: 'json' };

export const CROSSWALK_FORMATS = ['pre2019', '2019', '2021'] as const;
export const CrosswalkFormat = z.enum(CROSSWALK_FORMATS);
export type CrosswalkFormat = z.infer<typeof CrosswalkFormat>;

/** `table/row/column` as read by services/analytics/tables; `*` stands for any row or column (format-specific lists only). */
const Cell = z.string().regex(/^(article20|applications|review_litigation|legacy)\/[^/]+\/[^/]+$/);

export const Mapping = z.union([
  z.object({
    cells: z.array(Cell).min(1),
    /** same: the forms ask for the same count; close: nearly, the reason says where they differ. */
    comparability: z.enum(['same', 'close']),
    reason: z.string().min(1),
  }),
  /** The format has no row for the measure: its reports are left out, never counted as 0. */
  z.object({ absent: z.string().min(1) }),
]);
export type Mapping = z.infer<typeof Mapping>;

export const Measure = z.object({
  id: z.string().regex(/^[a-z_]+\.[a-z_]+$/),
  label: z.string(),
  group: z.string(),
  unit: z.string(),
  map: z.object({ pre2019: Mapping, 2019: Mapping, 2021: Mapping }),
});
export type Measure = z.infer<typeof Measure>;

export const Rate = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  label: z.string(),
  numerator: z.array(z.string()).min(1),
  denominator: z.array(z.string()).min(1),
  /** The definition in words, as shown beside the rate and written into CSV headers. */
  definition: z.string(),
});
export type Rate = z.infer<typeof Rate>;

export const Crosswalk = z.object({
  about: z.string(),
  formats: z.object({ pre2019: z.string(), 2019: z.string(), 2021: z.string() }),
  measures: z.array(Measure),
  formatSpecific: z.array(z.object({ format: CrosswalkFormat, cells: z.array(z.string()), label: z.string(), reason: z.string() })),
  rates: z.array(Rate),
}).superRefine((c, ctx) => {
  const ids = new Set(c.measures.map((m) => m.id));
  if (ids.size !== c.measures.length) ctx.addIssue({ code: 'custom', message: 'duplicate measure id' });
  for (const r of c.rates) {
    for (const m of [...r.numerator, ...r.denominator]) {
      if (!ids.has(m)) ctx.addIssue({ code: 'custom', message: `rate ${r.id}: unknown measure ${m}` });
    }
  }
});
export type Crosswalk = z.infer<typeof Crosswalk>;

export const CROSSWALK: Crosswalk = Crosswalk.parse(raw);

export const MEASURE_IDS = CROSSWALK.measures.map((m) => m.id);
export const RATE_IDS = CROSSWALK.rates.map((r) => r.id);
export const measureById = new Map(CROSSWALK.measures.map((m) => [m.id, m]));
export const rateById = new Map(CROSSWALK.rates.map((r) => [r.id, r]));
/** 2008年版统计表, 2019年试行格式, 2021年格式. */
export const FORMAT_LABELS = CROSSWALK.formats;
