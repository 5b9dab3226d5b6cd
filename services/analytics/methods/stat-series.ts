// stat-series: a common measure or a derived rate of the crosswalk by year (across the three
// table formats, with the year where the prevailing format changes marked), by province or
// by level; the reports behind one point with their own numbers; and the reports whose rate
// sits far from their peers of the same level and year. Each report's tables are parsed once
// and cached by content hash, like stat-totals.
import { z } from 'zod';
import { Level, type Level as LevelT, type ReportFormat } from '../../core/schema.js';
import type { StoredReport } from '../../search/backend.js';
import type { Engine } from '../../search/engine.js';
import { measuresOf, rateOf, type Measures } from '../crosswalk/apply.js';
import { CROSSWALK_FORMATS, FORMAT_LABELS, measureById, MEASURE_IDS, rateById, RATE_IDS, type CrosswalkFormat } from '../crosswalk/schema.js';
import { indexState, listReports } from '../source.js';
import { parseTables } from '../tables/index.js';

export const SERIES_BY = ['year', 'province', 'level'] as const;
/** Below this many reports a rate is shown greyed and flagged (the issue's default). */
export const DEFAULT_MIN_REPORTS = 30;

const METRIC_IDS = [...MEASURE_IDS, ...RATE_IDS] as [string, ...string[]];
export const Metric = z.enum(METRIC_IDS);

const Filters = z.object({
  years: z.array(z.number().int().min(1900).max(2100)).max(200).default([]),
  regions: z.array(z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/)).max(200).default([]),
  levels: z.array(Level).max(10).default([]),
});

export const StatSeriesRequest = Filters.extend({
  metric: Metric,
  by: z.enum(SERIES_BY).default('year'),
  minReports: z.number().int().min(1).max(1_000_000).default(DEFAULT_MIN_REPORTS),
});
export type StatSeriesRequestInput = z.input<typeof StatSeriesRequest>;

export const MetricInfo = z.object({
  kind: z.enum(['measure', 'rate']),
  id: z.string(),
  label: z.string(),
  /** For a rate its formula in words; for a measure the rows it sums in each format. */
  definition: z.string(),
  unit: z.string(),
  /** Formats whose tables give it (the others' reports are left out, never counted as 0). */
  formats: z.array(z.enum(CROSSWALK_FORMATS)),
});
export type MetricInfo = z.infer<typeof MetricInfo>;

const FormatCounts = z.object({ pre2019: z.number().int(), 2019: z.number().int(), 2021: z.number().int() });

export const SeriesPoint = z.object({
  key: z.string(),
  label: z.string(),
  /** Reports in the point that give the metric (for a rate: with a denominator above 0). The sample size. */
  reports: z.number().int(),
  /** A measure: its sum; a rate: the pooled rate Σ numerators ÷ Σ denominators (null without any report). */
  value: z.number().nullable(),
  /** A measure: the sum ÷ reports; a rate: the median of the reports' own rates. */
  perReport: z.number().nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  /** Fewer reports than minReports: shown greyed, not to be read as a finding. */
  small: z.boolean(),
  /** Its reports by table format. */
  formats: FormatCounts,
  /** by=year: the format most of the point's reports use. */
  format: z.enum(CROSSWALK_FORMATS).nullable(),
  /** by=year: the prevailing format differs from the previous year's (a break in the series). */
  formatChange: z.boolean(),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const StatSeriesResponse = z.object({
  metric: MetricInfo,
  by: z.enum(SERIES_BY),
  minReports: z.number().int(),
  points: z.array(SeriesPoint),
  total: SeriesPoint,
  /** Reports matching the filters that do not give the metric: no tables read, a format without it, a zero denominator. */
  excluded: z.object({ noTables: z.number().int(), formatWithout: z.number().int(), notDefined: z.number().int() }),
  formatLabels: z.object({ pre2019: z.string(), 2019: z.string(), 2021: z.string() }),
  tookMs: z.number(),
});
export type StatSeriesResponse = z.infer<typeof StatSeriesResponse>;

export const ReportValue = z.object({
  reportId: z.string(), title: z.string().nullable(), issuer: z.string().nullable(), year: z.number().int().nullable(),
  level: Level, province: z.string().nullable(), format: z.enum(CROSSWALK_FORMATS),
  /** A measure: its value; a rate: the report's own rate. */
  value: z.number(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
});
export type ReportValue = z.infer<typeof ReportValue>;

export const StatPointRequest = Filters.extend({
  metric: Metric,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(50),
});
export type StatPointRequestInput = z.input<typeof StatPointRequest>;

export const StatPointResponse = z.object({
  metric: MetricInfo, total: z.number().int(), reports: z.array(ReportValue), tookMs: z.number(),
});
export type StatPointResponse = z.infer<typeof StatPointResponse>;

export const StatOutliersRequest = Filters.extend({
  rate: z.enum(RATE_IDS as [string, ...string[]]),
  /** Peers (other reports of the same level and year with the rate defined) a report needs to be compared. */
  minPeers: z.number().int().min(2).max(100_000).default(10),
  /** |z| at or above which a report is listed (3: outside the 99.7 % funnel). */
  threshold: z.number().min(1).max(100).default(3),
  limit: z.number().int().min(1).max(1000).default(50),
});
export type StatOutliersRequestInput = z.input<typeof StatOutliersRequest>;

export const Outlier = ReportValue.extend({
  numerator: z.number(), denominator: z.number(),
  /** The pooled rate of its peers (same level and year, the report itself left out). */
  peerRate: z.number(),
  peers: z.number().int(),
  /** (rate − peerRate) ÷ √(peerRate·(1 − peerRate) ÷ denominator). */
  z: z.number(),
});
export const StatOutliersResponse = z.object({
  metric: MetricInfo, minPeers: z.number().int(), threshold: z.number(), total: z.number().int(),
  /** Reports compared (those with enough peers). */
  compared: z.number().int(),
  outliers: z.array(Outlier), tookMs: z.number(),
});
export type StatOutliersResponse = z.infer<typeof StatOutliersResponse>;

// --- the metric -------------------------------------------------------------------------

const formatsOfMeasure = (id: string) => CROSSWALK_FORMATS.filter((f) => 'cells' in measureById.get(id)!.map[f]);

export function metricInfo(id: string): MetricInfo {
  const rate = rateById.get(id);
  if (rate) {
    const ids = [...rate.numerator, ...rate.denominator];
    return {
      kind: 'rate', id, label: rate.label, definition: rate.definition, unit: '',
      formats: CROSSWALK_FORMATS.filter((f) => ids.every((m) => formatsOfMeasure(m).includes(f))),
    };
  }
  const m = measureById.get(id)!;
  const definition = CROSSWALK_FORMATS.map((f) => {
    const map = m.map[f];
    return `${FORMAT_LABELS[f]}：${'cells' in map ? map.reason : `无（${map.absent}）`}`;
  }).join('；');
  return { kind: 'measure', id, label: m.label, definition, unit: m.unit, formats: formatsOfMeasure(id) };
}

/** One report's value of the metric: undefined when its tables do not give it. */
function valueOf(id: string, measures: Measures): { value: number; numerator?: number; denominator?: number } | undefined {
  const rate = rateById.get(id);
  if (!rate) {
    const v = measures[id];
    return v === undefined ? undefined : { value: v };
  }
  const r = rateOf(rate, measures);
  if (!r || r.value === null) return undefined;
  return { value: r.value, numerator: r.numerator, denominator: r.denominator };
}

// --- per-report cache --------------------------------------------------------------------

interface ReportRow {
  id: string; title: string | null; issuer: string | null; year: number | null; level: LevelT;
  code: string; province: string | null; format: ReportFormat; measures: Measures;
}

export function reportRow(report: Pick<StoredReport, 'id' | 'title' | 'issuer' | 'year' | 'level' | 'region' | 'text'>): ReportRow {
  const t = parseTables(report.text);
  return {
    id: report.id, title: report.title, issuer: report.issuer, year: report.year, level: report.level,
    code: report.region.code ?? '', province: report.region.province, format: t.format, measures: measuresOf(t),
  };
}

interface Cache { state: string; reports: Map<string, { sha: string | null; row: ReportRow }> }
const caches = new WeakMap<Engine, Promise<Cache>>();

async function rowsOf(engine: Engine): Promise<ReportRow[]> {
  const old = await caches.get(engine)?.catch(() => undefined);
  const work = (async (): Promise<Cache> => {
    const state = await indexState(engine);
    if (old && old.state === state) return old;
    const reports = new Map<string, { sha: string | null; row: ReportRow }>();
    for (const ref of await listReports(engine)) {
      const hit = old?.reports.get(ref.id);
      if (hit && ref.sha256 !== null && hit.sha === ref.sha256) {
        reports.set(ref.id, hit);
        continue;
      }
      const report = await engine.backend.report(ref.id);
      if (report) reports.set(ref.id, { sha: report.source.sha256, row: reportRow(report) });
    }
    return { state, reports };
  })();
  caches.set(engine, work);
  return [...(await work).reports.values()].map((r) => r.row);
}

type FiltersT = z.infer<typeof Filters>;
const matches = (r: ReportRow, f: FiltersT) =>
  (!f.years.length || (r.year !== null && f.years.includes(r.year)))
  && (!f.levels.length || f.levels.includes(r.level))
  && (!f.regions.length || f.regions.some((code) => r.code.startsWith(code)));

const isTableFormat = (f: ReportFormat): f is CrosswalkFormat => f !== 'unknown';

// --- series ------------------------------------------------------------------------------

const LEVEL_LABELS: Record<LevelT, string> = { province: '省级', city: '市级', county: '县级', township: '乡镇', department: '部门', unknown: '未知' };

function keyOf(r: ReportRow, by: (typeof SERIES_BY)[number]): [string, string] {
  switch (by) {
    case 'year': return r.year === null ? ['', '年份未知'] : [String(r.year), `${r.year}年`];
    case 'level': return [r.level, LEVEL_LABELS[r.level]];
    case 'province': return r.code.length >= 2 && r.province ? [r.code.slice(0, 2), r.province] : ['', '地区未知'];
  }
}

const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

class Acc {
  reports = 0; sum = 0; num = 0; den = 0; own: number[] = [];
  formats = { pre2019: 0, 2019: 0, 2021: 0 };
  constructor(readonly key: string, readonly label: string) {}
  add(format: CrosswalkFormat, v: { value: number; numerator?: number; denominator?: number }) {
    this.reports++;
    this.formats[format]++;
    this.sum += v.value;
    this.own.push(v.value);
    if (v.denominator !== undefined) {
      this.num += v.numerator!;
      this.den += v.denominator;
    }
  }
  point(rate: boolean, minReports: number): SeriesPoint {
    const counts = Object.entries(this.formats) as Array<[CrosswalkFormat, number]>;
    const top = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
    return {
      key: this.key, label: this.label, reports: this.reports,
      value: rate ? (this.den > 0 ? this.num / this.den : null) : this.sum,
      perReport: rate ? median(this.own) : this.reports ? this.sum / this.reports : null,
      ...(rate ? { numerator: this.num, denominator: this.den } : {}),
      small: this.reports < minReports, formats: { ...this.formats }, format: top[1] > 0 ? top[0] : null, formatChange: false,
    };
  }
}

export async function statSeries(engine: Engine, input: StatSeriesRequestInput): Promise<StatSeriesResponse> {
  const started = performance.now();
  const req = StatSeriesRequest.parse(input);
  const info = metricInfo(req.metric);
  const rate = info.kind === 'rate';
  const groups = new Map<string, Acc>();
  const total = new Acc('all', '合计');
  const excluded = { noTables: 0, formatWithout: 0, notDefined: 0 };
  for (const r of await rowsOf(engine)) {
    if (!matches(r, req)) continue;
    if (!isTableFormat(r.format) || !Object.keys(r.measures).length) {
      excluded.noTables++;
      continue;
    }
    if (!info.formats.includes(r.format)) {
      excluded.formatWithout++;
      continue;
    }
    const v = valueOf(req.metric, r.measures);
    if (!v) {
      excluded.notDefined++;
      continue;
    }
    const [key, label] = keyOf(r, req.by);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new Acc(key, label)));
    g.add(r.format, v);
    total.add(r.format, v);
  }
  const points = [...groups.values()].map((g) => g.point(rate, req.minReports));
  if (req.by === 'year') {
    points.sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : Number(a.key) - Number(b.key)));
    let previous: CrosswalkFormat | null = null;
    for (const p of points) {
      if (p.key === '') continue;
      p.formatChange = previous !== null && p.format !== null && p.format !== previous;
      previous = p.format ?? previous;
    }
  } else {
    points.sort((a, b) => b.reports - a.reports || a.key.localeCompare(b.key));
  }
  return {
    metric: info, by: req.by, minReports: req.minReports, points, total: total.point(rate, req.minReports), excluded,
    formatLabels: FORMAT_LABELS, tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

const reportValue = (r: ReportRow & { format: CrosswalkFormat }, v: { value: number; numerator?: number; denominator?: number }): ReportValue => ({
  reportId: r.id, title: r.title, issuer: r.issuer, year: r.year, level: r.level, province: r.province, format: r.format, ...v,
});

/** The reports behind a point (the filters select it: a year, a province's code, a level), largest value first. */
export async function statPointReports(engine: Engine, input: StatPointRequestInput): Promise<StatPointResponse> {
  const started = performance.now();
  const req = StatPointRequest.parse(input);
  const info = metricInfo(req.metric);
  const out: ReportValue[] = [];
  for (const r of await rowsOf(engine)) {
    if (!matches(r, req) || !isTableFormat(r.format)) continue;
    const v = valueOf(req.metric, r.measures);
    if (v) out.push(reportValue(r as ReportRow & { format: CrosswalkFormat }, v));
  }
  out.sort((a, b) => b.value - a.value || (b.denominator ?? 0) - (a.denominator ?? 0) || a.reportId.localeCompare(b.reportId));
  return { metric: info, total: out.length, reports: out.slice(req.offset, req.offset + req.limit), tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

/**
 * Reports far from their peers: for each report with the rate defined, its peers are the
 * other reports of the same level and year; their pooled rate p is what the report would
 * show by chance with its own denominator n, within √(p(1−p)/n) (the funnel plot of
 * Spiegelhalter 2005, so that a township with 2 requests is not an outlier for 0 %).
 */
export async function statOutliers(engine: Engine, input: StatOutliersRequestInput): Promise<StatOutliersResponse> {
  const started = performance.now();
  const req = StatOutliersRequest.parse(input);
  const info = metricInfo(req.rate);
  const byGroup = new Map<string, Array<{ row: ReportRow & { format: CrosswalkFormat }; num: number; den: number }>>();
  for (const r of await rowsOf(engine)) {
    if (!matches(r, req) || !isTableFormat(r.format) || r.year === null) continue;
    const v = valueOf(req.rate, r.measures);
    if (!v) continue;
    const key = `${r.level}|${r.year}`;
    let g = byGroup.get(key);
    if (!g) byGroup.set(key, (g = []));
    g.push({ row: r as ReportRow & { format: CrosswalkFormat }, num: v.numerator!, den: v.denominator! });
  }
  const outliers: z.infer<typeof Outlier>[] = [];
  let compared = 0;
  for (const g of byGroup.values()) {
    if (g.length - 1 < req.minPeers) continue;
    const N = g.reduce((a, x) => a + x.num, 0);
    const D = g.reduce((a, x) => a + x.den, 0);
    for (const x of g) {
      const pd = D - x.den;
      if (pd <= 0) continue;
      compared++;
      // A peer rate of exactly 0 or 1 has no spread: moved half a case inside, as in a continuity correction.
      const p = Math.min(Math.max((N - x.num) / pd, 0.5 / pd), 1 - 0.5 / pd);
      const rate = x.num / x.den;
      const z = (rate - p) / Math.sqrt((p * (1 - p)) / x.den);
      if (Math.abs(z) >= req.threshold) {
        outliers.push({ ...reportValue(x.row, { value: rate }), numerator: x.num, denominator: x.den, peerRate: (N - x.num) / pd, peers: g.length - 1, z: Math.round(z * 100) / 100 });
      }
    }
  }
  outliers.sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.reportId.localeCompare(b.reportId));
  return {
    metric: info, minPeers: req.minPeers, threshold: req.threshold, total: outliers.length, compared,
    outliers: outliers.slice(0, req.limit), tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
