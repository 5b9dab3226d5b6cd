// Trend series → the row-per-key table a chart draws: one row per year (or region),
// one column per series, holding the raw count or the share of that key's reports.
import type { Measure } from './url';
import type { TrendSeries } from './types';

export interface TrendRow {
  key: string;
  /** `s0`, `s1`, …: the value of each series at this key; null for a year with no reports at all. */
  [series: `s${number}`]: number | null;
}

export interface TrendTable {
  rows: TrendRow[];
  /** Per row and series: the numbers a tooltip shows. */
  detail: Map<string, Array<{ reports: number; passages: number; totalReports: number; share: number } | undefined>>;
}

export const seriesKey = (i: number) => `s${i}` as const;

export function trendTable(series: readonly TrendSeries[], measure: Measure, by: 'year' | 'province' | 'city', maxKeys = 24): TrendTable {
  const totals = new Map<string, number>();
  for (const s of series) for (const p of s.points) totals.set(p.key, (totals.get(p.key) ?? 0) + p.reports);
  let keys = [...totals.keys()];
  if (by === 'year') keys = yearRange(keys);
  // Regions: the busiest first, and only as many as a chart can show legibly.
  else keys = keys.sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b, 'zh')).slice(0, maxKeys);
  const detail: TrendTable['detail'] = new Map();
  const rows = keys.map((key) => {
    const row: TrendRow = { key };
    const d = series.map((s, i) => {
      const p = s.points.find((x) => x.key === key);
      // Share in percent, to one decimal, so that axes and tooltips read naturally.
      row[seriesKey(i)] = !p || !p.totalReports ? (by === 'year' ? null : 0) : measure === 'share' ? Math.round(p.share * 1000) / 10 : p.reports;
      return p;
    });
    detail.set(key, d);
    return row;
  });
  return { rows, detail };
}

/**
 * Every year from the first to the last, so that the x axis keeps time's proportions:
 * a year with no reports becomes a gap in the lines instead of vanishing from the axis.
 */
export function yearRange(keys: readonly string[]): string[] {
  const years = keys.map(Number).filter(Number.isInteger);
  if (!years.length) return [];
  const from = Math.min(...years);
  const to = Math.max(...years);
  return to - from > 60 ? years.sort((a, b) => a - b).map(String) : Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

export const SERIES_COLORS = ['#274c77', '#c0622f', '#3a7d44', '#8c4f9f', '#b8912f', '#2f8c8c', '#a33a4b', '#5c6b7a'] as const;
export const seriesColor = (i: number): string => SERIES_COLORS[i % SERIES_COLORS.length]!;
/** Dashes tell apart lines that lie on top of each other (equal counts are common). */
export const seriesDash = (i: number): string | undefined => [undefined, '7 4', '2 3', '10 3 2 3'][i % 4];
