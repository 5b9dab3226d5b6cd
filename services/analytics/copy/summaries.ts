// Corpus views of the copy rates: the reports copied more than a share from their previous
// year's report, and the mean copy rate by year and level.
import { z } from 'zod';
import { Level } from '../../core/schema.js';
import { ReportSummary } from '../../search/types.js';
import type { CorpusCopy } from './corpus.js';

export const CopiedReport = z.object({ report: ReportSummary, copyRate: z.number(), previous: ReportSummary.nullable() });
export const CopiedList = z.object({ total: z.number().int(), min: z.number(), reports: z.array(CopiedReport) });
export type CopiedList = z.infer<typeof CopiedList>;

export function copiedFromPrevious(c: CorpusCopy, min: number, offset: number, limit: number): CopiedList {
  const rows: number[] = [];
  c.previousRate.forEach((r, i) => !Number.isNaN(r) && r > min && rows.push(i));
  rows.sort((x, y) => c.previousRate[y]! - c.previousRate[x]! || x - y);
  return {
    total: rows.length, min,
    reports: rows.slice(offset, offset + limit).map((r) => {
      const s = c.summaries[r]!;
      const p = c.of(s.id)!.previous;
      return { report: s, copyRate: p!.copyRate, previous: p!.report };
    }),
  };
}

export const CopyTrendPoint = z.object({
  year: z.number().int(), level: Level,
  /** Reports with a previous year's report indexed, their mean copy rate, and how many copied more than half. */
  pairs: z.number().int(), meanCopyRate: z.number(), overHalf: z.number().int(),
});
export const CopyTrend = z.object({ points: z.array(CopyTrendPoint) });
export type CopyTrend = z.infer<typeof CopyTrend>;

export function copyTrend(c: CorpusCopy): CopyTrend {
  const acc = new Map<string, { year: number; level: Level; pairs: number; sum: number; overHalf: number }>();
  c.previousRate.forEach((r, i) => {
    const s = c.summaries[i]!;
    if (Number.isNaN(r) || s.year === null) return;
    const k = `${s.year}|${s.level}`;
    const a = acc.get(k) ?? { year: s.year, level: s.level, pairs: 0, sum: 0, overHalf: 0 };
    a.pairs++;
    a.sum += r;
    if (r > 0.5) a.overHalf++;
    acc.set(k, a);
  });
  const points = [...acc.values()].sort((x, y) => x.year - y.year || x.level.localeCompare(y.level))
    .map((a) => ({ year: a.year, level: a.level, pairs: a.pairs, meanCopyRate: Math.round((a.sum / a.pairs) * 1e4) / 1e4, overHalf: a.overHalf }));
  return { points };
}
