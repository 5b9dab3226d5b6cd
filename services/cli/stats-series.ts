// gongkai stats-series <metric>: a crosswalk measure or rate as a series on the command line,
// as text (sample size and 样本不足 beside every value, format changes marked), --json (the
// API's answer) or --csv (the API's CSV, definitions in # lines).
import { MEASURE_IDS, RATE_IDS } from '../analytics/crosswalk/schema.js';
import { seriesCsv } from '../analytics/methods/stat-series-csv.js';
import { DEFAULT_MIN_REPORTS, SERIES_BY, statSeries } from '../analytics/methods/stat-series.js';
import type { Engine } from '../search/engine.js';
import { printable } from './printable.js';

export interface SeriesOptions { json?: boolean; csv?: boolean; by?: string; 'min-reports'?: string }

export class SeriesUsageError extends Error {}

export async function runStatsSeries(engine: Engine, args: readonly string[], opts: SeriesOptions): Promise<string> {
  const metric = args[0];
  if (args.length !== 1 || !metric || ![...MEASURE_IDS, ...RATE_IDS].includes(metric)) {
    throw new SeriesUsageError(`stats-series takes one metric: a rate (${RATE_IDS.join(', ')}) or a measure (${MEASURE_IDS.join(', ')})`);
  }
  const by = opts.by ?? 'year';
  if (!(SERIES_BY as readonly string[]).includes(by)) throw new SeriesUsageError(`--by is one of ${SERIES_BY.join(', ')}`);
  const minReports = opts['min-reports'] === undefined ? DEFAULT_MIN_REPORTS : Number(opts['min-reports']);
  if (!Number.isInteger(minReports) || minReports < 1) throw new SeriesUsageError('--min-reports is a whole number from 1');
  const s = await statSeries(engine, { metric, by: by as (typeof SERIES_BY)[number], minReports });
  if (opts.json) return JSON.stringify(s, null, 2);
  if (opts.csv) return seriesCsv(s).replace(/^\uFEFF/, '').trimEnd();
  const rate = s.metric.kind === 'rate';
  const fmt = (v: number | null) => (v === null ? '—' : rate ? `${(v * 100).toFixed(1)}%` : String(v));
  const lines = [...s.points, s.total].map((p) => [
    p.label, fmt(p.value), `n=${p.reports}`, ...(rate ? [`${p.numerator}/${p.denominator}`] : []),
    p.small ? '样本不足' : '', p.formatChange && p.format ? `← ${s.formatLabels[p.format]}` : '',
  ].filter(Boolean).join('  '));
  return [
    printable(`${s.metric.label}（${s.metric.id}）：${s.metric.definition}`),
    `样本不足 = 少于 ${s.minReports} 份报告；未计入：${s.excluded.formatWithout} 份格式没有这一项，${s.excluded.notDefined} 份${rate ? '分母为 0' : '未读出'}，${s.excluded.noTables} 份没有统计表`,
    ...lines.map(printable),
  ].join('\n');
}
