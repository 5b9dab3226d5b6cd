// stat-totals: the statistics tables of every report, summed per year, region, level or
// format: requests received and handled, review and litigation cases, how many reports
// have any, and how many tables do not add up (those reports listed). Each report's tables
// are parsed from its stored text once and cached by its content hash.
import { z } from 'zod';
import { Level, type Level as LevelT, type ReportFormat } from '../../core/schema.js';
import type { StoredReport } from '../../search/backend.js';
import type { Engine } from '../../search/engine.js';
import { indexState, listReports } from '../source.js';
import { isInconsistent, parseTables, StatCheck, valueOf, type StatTables } from '../tables/index.js';

export const TOTALS_BY = ['year', 'province', 'city', 'county', 'level', 'format'] as const;

export const StatTotalsRequest = z.object({
  by: z.enum(TOTALS_BY).default('year'),
  years: z.array(z.number().int().min(1900).max(2100)).max(200).default([]),
  regions: z.array(z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/)).max(200).default([]),
  levels: z.array(Level).max(10).default([]),
  /** Inconsistent reports listed at most. */
  inconsistentLimit: z.number().int().min(0).max(10_000).default(100),
  /** Reports with tables listed at most (a page about reports names them). */
  tableReportsLimit: z.number().int().min(0).max(10_000).default(200),
});
export type StatTotalsRequestInput = z.input<typeof StatTotalsRequest>;

export const StatTotalsRow = z.object({
  key: z.string(),
  label: z.string(),
  reports: z.number().int(),
  /** Reports whose standard tables were found. */
  withTables: z.number().int(),
  /** 本年新收 (2019/2021 总计 column) or 收到申请数 (pre-2019). */
  requestsReceived: z.number(),
  requestsCarriedOver: z.number(),
  /** (七)总计 of the results, or 申请办结数 (pre-2019). */
  requestsHandled: z.number(),
  requestsCarriedForward: z.number(),
  reviewCases: z.number(),
  litigationCases: z.number(),
  reportsWithRequests: z.number().int(),
  reportsWithReview: z.number().int(),
  reportsWithLitigation: z.number().int(),
  inconsistentReports: z.number().int(),
});
export type StatTotalsRow = z.infer<typeof StatTotalsRow>;

export const InconsistentReport = z.object({
  reportId: z.string(), title: z.string().nullable(), issuer: z.string().nullable(), year: z.number().int().nullable(),
  failed: z.array(StatCheck),
});

export const TableReport = z.object({
  reportId: z.string(), title: z.string().nullable(), issuer: z.string().nullable(), year: z.number().int().nullable(),
  /** Its tables add up by their own identities. */
  consistent: z.boolean(),
});

export const StatTotalsResponse = z.object({
  by: z.enum(TOTALS_BY),
  rows: z.array(StatTotalsRow),
  total: StatTotalsRow,
  inconsistent: z.array(InconsistentReport),
  /** The reports whose tables were read (at most tableReportsLimit), by year then title. */
  tableReports: z.array(TableReport),
  /** Reports parsed for this answer (the rest came from the cache). */
  parsed: z.number().int(),
  tookMs: z.number(),
});
export type StatTotalsResponse = z.infer<typeof StatTotalsResponse>;

/** What one report contributes: small, so that a million of them fit in memory. */
interface ReportStats {
  id: string; title: string | null; issuer: string | null; year: number | null; level: LevelT; format: ReportFormat;
  region: StoredReport['region'];
  hasTables: boolean;
  received: number; carriedOver: number; handled: number; carriedForward: number; review: number; litigation: number;
  failed: StatCheck[];
}

export function reportStats(report: Pick<StoredReport, 'id' | 'title' | 'issuer' | 'year' | 'level' | 'region' | 'text'>, tables: StatTables = parseTables(report.text)): ReportStats {
  const t = tables;
  // A row's 总计, or the sum of its applicant columns when its 总计 cell could not be read.
  const apps = (row: string) => valueOf(t, 'applications', row, 'total')
    ?? t.items.filter((i) => i.table === 'applications' && i.row === row).reduce((a, i) => a + i.value, 0);
  const legacy = (row: string) => valueOf(t, 'legacy', row, 'value') ?? 0;
  const rev = (row: string) => valueOf(t, 'review_litigation', row, 'total') ?? 0;
  const old = t.format === 'pre2019';
  return {
    id: report.id, title: report.title, issuer: report.issuer, year: report.year, level: report.level, region: report.region,
    format: t.format, hasTables: t.items.length > 0,
    received: old ? legacy('requests.received') : apps('new'),
    carriedOver: old ? 0 : apps('carried_over'),
    handled: old ? legacy('requests.completed') : apps('total'),
    carriedForward: old ? 0 : apps('carried_forward'),
    review: old ? legacy('review.total') : rev('review'),
    litigation: old ? legacy('litigation.total') : rev('litigation_direct') + rev('litigation_after_review'),
    failed: isInconsistent(t) ? t.checks.filter((c) => !c.ok) : [],
  };
}

const emptyRow = (key: string, label: string): StatTotalsRow => ({
  key, label, reports: 0, withTables: 0, requestsReceived: 0, requestsCarriedOver: 0, requestsHandled: 0,
  requestsCarriedForward: 0, reviewCases: 0, litigationCases: 0, reportsWithRequests: 0, reportsWithReview: 0,
  reportsWithLitigation: 0, inconsistentReports: 0,
});

function addTo(row: StatTotalsRow, s: ReportStats): void {
  row.reports++;
  if (s.hasTables) row.withTables++;
  row.requestsReceived += s.received;
  row.requestsCarriedOver += s.carriedOver;
  row.requestsHandled += s.handled;
  row.requestsCarriedForward += s.carriedForward;
  row.reviewCases += s.review;
  row.litigationCases += s.litigation;
  if (s.received > 0) row.reportsWithRequests++;
  if (s.review > 0) row.reportsWithReview++;
  if (s.litigation > 0) row.reportsWithLitigation++;
  if (s.failed.length) row.inconsistentReports++;
}

const FORMAT_LABELS: Record<ReportFormat, string> = { pre2019: '2019 年以前格式', 2019: '2019 年新版格式', 2021: '2021 年新版格式', unknown: '格式未识别' };
const LEVEL_LABELS: Record<LevelT, string> = { province: '省级', city: '市级', county: '县级', township: '乡镇', department: '部门', unknown: '未知' };

function keyOf(s: ReportStats, by: (typeof TOTALS_BY)[number]): [string, string] {
  const code = s.region.code ?? '';
  switch (by) {
    case 'year': return s.year === null ? ['', '年份未知'] : [String(s.year), `${s.year}年`];
    case 'level': return [s.level, LEVEL_LABELS[s.level]];
    case 'format': return [s.format, FORMAT_LABELS[s.format]];
    case 'province': return code.length >= 2 && s.region.province ? [code.slice(0, 2), s.region.province] : ['', '地区未知'];
    case 'city': return code.length >= 4 && s.region.city ? [code.slice(0, 4), `${s.region.province ?? ''}${s.region.city}`] : ['', '地区未知'];
    case 'county': return code.length >= 6 && s.region.county
      ? [code.slice(0, 6), `${s.region.province ?? ''}${s.region.city ?? ''}${s.region.county}`] : ['', '地区未知'];
  }
}

// --- per-report cache, refreshed incrementally when the index changes ---------------------

interface Cache { state: string; reports: Map<string, { sha: string | null; stats: ReportStats }> }
const caches = new WeakMap<Engine, Promise<Cache>>();

async function refresh(engine: Engine, old: Cache | undefined): Promise<{ cache: Cache; parsed: number }> {
  const state = await indexState(engine);
  if (old && old.state === state) return { cache: old, parsed: 0 };
  const refs = await listReports(engine);
  const reports = new Map<string, { sha: string | null; stats: ReportStats }>();
  let parsed = 0;
  for (const ref of refs) {
    const hit = old?.reports.get(ref.id);
    if (hit && ref.sha256 !== null && hit.sha === ref.sha256) {
      reports.set(ref.id, hit);
      continue;
    }
    const report = await engine.backend.report(ref.id);
    if (!report) continue; // removed meanwhile
    reports.set(ref.id, { sha: report.source.sha256, stats: reportStats(report) });
    parsed++;
  }
  return { cache: { state, reports }, parsed };
}

export async function statTotals(engine: Engine, input: StatTotalsRequestInput): Promise<StatTotalsResponse> {
  const started = performance.now();
  const req = StatTotalsRequest.parse(input);
  const previous = await caches.get(engine)?.catch(() => undefined);
  const work = refresh(engine, previous);
  caches.set(engine, work.then((w) => w.cache));
  const { cache, parsed } = await work;

  const rows = new Map<string, StatTotalsRow>();
  const total = emptyRow('all', '合计');
  const inconsistent: z.infer<typeof InconsistentReport>[] = [];
  const tableReports: z.infer<typeof TableReport>[] = [];
  for (const { stats: s } of cache.reports.values()) {
    const code = s.region.code ?? '';
    if (req.years.length && (s.year === null || !req.years.includes(s.year))) continue;
    if (req.levels.length && !req.levels.includes(s.level)) continue;
    if (req.regions.length && !req.regions.some((r) => code.startsWith(r))) continue;
    const [key, label] = keyOf(s, req.by);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = emptyRow(key, label)));
    addTo(row, s);
    addTo(total, s);
    if (s.hasTables) tableReports.push({ reportId: s.id, title: s.title, issuer: s.issuer, year: s.year, consistent: !s.failed.length });
    if (s.failed.length && inconsistent.length < req.inconsistentLimit) {
      inconsistent.push({ reportId: s.id, title: s.title, issuer: s.issuer, year: s.year, failed: s.failed });
    }
  }
  const ordered = [...rows.values()].sort(req.by === 'year'
    ? (a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : Number(a.key) - Number(b.key))
    : (a, b) => b.reports - a.reports || a.key.localeCompare(b.key));
  tableReports.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || (a.title ?? '').localeCompare(b.title ?? '', 'zh') || a.reportId.localeCompare(b.reportId));
  return { by: req.by, rows: ordered, total, inconsistent, tableReports: tableReports.slice(0, req.tableReportsLimit), parsed, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}
