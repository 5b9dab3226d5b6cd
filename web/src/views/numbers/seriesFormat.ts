// How the series section writes its numbers: rates as percentages, counts with separators,
// and the URL parameters of the reports behind one point.
import type { MetricInfo, SeriesPoint } from '../../../../services/analytics/methods/stat-series.js';

export type SeriesBy = 'year' | 'province' | 'level';

/** Without the page's own 按…, so that a radio named 按省份 stays the page's one (tests and screen readers find one). */
export const SERIES_BY_LABELS: Record<SeriesBy, string> = { year: '年份', province: '省份', level: '层级' };

export const formatMetric = (metric: Pick<MetricInfo, 'kind' | 'unit'>, v: number | null | undefined): string => {
  if (v === null || v === undefined) return '—';
  if (metric.kind === 'rate') return `${(v * 100).toFixed(1)}%`;
  return `${Number.isInteger(v) ? v.toLocaleString('zh-CN') : v.toFixed(2)}${metric.unit ? ` ${metric.unit}` : ''}`;
};

/** The filters that select a point's reports, on top of the page's own (a clicked point narrows them). */
export function pointParams(base: URLSearchParams, by: SeriesBy, point: Pick<SeriesPoint, 'key'>): URLSearchParams {
  const p = new URLSearchParams(base);
  if (by === 'year') p.set('year', point.key);
  if (by === 'province') p.set('region', point.key);
  if (by === 'level') p.set('level', point.key);
  return p;
}
