// URL ⇄ state for 重复问题 /recurring and 统计数字 /numbers, as pure functions (like url.ts).
import type { Level } from './types';

export const STATEMENT_KINDS = ['problems', 'improvements'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];
export const KIND_LABELS: Record<StatementKind, string> = { problems: '问题', improvements: '改进措施' };

export const RECURRING_PAGE_SIZE = 20;
export const MEMBERS_SHOWN = 50;
const CODE = /^(\d{2}|\d{4}|\d{6}|\d{9})$/;
const LEVELS = ['province', 'city', 'county', 'township', 'department', 'unknown'] as const satisfies readonly Level[];

const readYear = (v: string | null): number | null => (v && /^(19|20|21)\d\d$/.test(v) ? Number(v) : null);
const oneOf = <T extends string>(v: string | null, options: readonly T[], dflt: T): T =>
  (options as readonly string[]).includes(v ?? '') ? (v as T) : dflt;
const readInt = (v: string | null, min: number, max: number, dflt: number) => {
  const n = Number(v);
  return v !== null && Number.isInteger(n) && n >= min && n <= max ? n : dflt;
};

/** Filters both pages share: a year range, one region code, one level. */
export interface AnalyticsFilters {
  yearFrom: number | null;
  yearTo: number | null;
  region: string | null;
  level: Level | null;
}

function readAnalyticsFilters(p: URLSearchParams): AnalyticsFilters {
  const region = p.get('region');
  const level = p.get('level');
  return {
    yearFrom: readYear(p.get('from')),
    yearTo: readYear(p.get('to')),
    region: region && CODE.test(region) ? region : null,
    level: level && (LEVELS as readonly string[]).includes(level) ? (level as Level) : null,
  };
}

function writeAnalyticsFilters(f: AnalyticsFilters, p: URLSearchParams): URLSearchParams {
  if (f.yearFrom !== null) p.set('from', String(f.yearFrom));
  if (f.yearTo !== null) p.set('to', String(f.yearTo));
  if (f.region) p.set('region', f.region);
  if (f.level) p.set('level', f.level);
  return p;
}

/** The years of a range, given the years the index holds (an open end takes the first or last). */
export function yearsOfRange(f: AnalyticsFilters, known: readonly number[]): number[] {
  if (f.yearFrom === null && f.yearTo === null) return [];
  const lo = f.yearFrom ?? Math.min(...known, f.yearTo ?? 2100);
  const hi = f.yearTo ?? Math.max(...known, f.yearFrom ?? 1900);
  const out: number[] = [];
  for (let y = Math.min(lo, hi); y <= Math.max(lo, hi) && out.length < 200; y++) out.push(y);
  return out;
}

function apiFilters(f: AnalyticsFilters, known: readonly number[], p: URLSearchParams): URLSearchParams {
  const years = yearsOfRange(f, known);
  if (years.length) p.set('year', years.join(','));
  if (f.region) p.set('region', f.region);
  if (f.level) p.set('level', f.level);
  return p;
}

// ---- 重复问题 /recurring ----

export interface RecurringState extends AnalyticsFilters {
  kind: StatementKind;
  page: number;
  /** Expanded clusters, by id. */
  open: string[];
  /** A place whose own repeats are shown instead of the ranking (`?repeats=<code>`). */
  repeats: string | null;
}

export function readRecurring(p: URLSearchParams): RecurringState {
  const repeats = p.get('repeats');
  return {
    ...readAnalyticsFilters(p),
    kind: oneOf(p.get('kind'), STATEMENT_KINDS, 'problems'),
    page: readInt(p.get('page'), 1, 10_000, 1),
    open: [...new Set(p.getAll('open').flatMap((v) => v.split(',')).filter((v) => /^[0-9a-z]{1,32}$/.test(v)))].slice(0, 50),
    repeats: repeats && CODE.test(repeats) ? repeats : null,
  };
}

export function writeRecurring(s: RecurringState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.repeats) p.set('repeats', s.repeats);
  if (s.kind !== 'problems') p.set('kind', s.kind);
  writeAnalyticsFilters(s, p);
  if (s.page > 1) p.set('page', String(s.page));
  for (const id of s.open) p.append('open', id);
  return p;
}

export function recurringApiParams(s: RecurringState, known: readonly number[]): URLSearchParams {
  const p = new URLSearchParams({ kind: s.kind, page: String(s.page), size: String(RECURRING_PAGE_SIZE), members: String(MEMBERS_SHOWN) });
  return apiFilters(s, known, p);
}

export const repeatsApiParams = (s: RecurringState): URLSearchParams =>
  new URLSearchParams({ region: s.repeats ?? '', kind: s.kind, members: String(MEMBERS_SHOWN) });

export const repeatsHref = (code: string, kind: StatementKind): string =>
  `/recurring?${new URLSearchParams(kind === 'problems' ? { repeats: code } : { repeats: code, kind })}`;

/** 2015–2023, or 2019 for one year. */
export function yearSpan(years: readonly number[]): string {
  if (!years.length) return '年份未知';
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? `${lo}` : `${lo}–${hi}`;
}

// ---- 统计数字 /numbers ----

export const TOTALS_BYS = ['year', 'province', 'city', 'level', 'format'] as const;
export type TotalsBy = (typeof TOTALS_BYS)[number];
export const TOTALS_BY_LABELS: Record<TotalsBy, string> = { year: '按年份', province: '按省份', city: '按城市', level: '按层级', format: '按格式' };

export const TOTALS_MEASURES = ['requestsReceived', 'requestsHandled', 'reviewCases', 'litigationCases', 'reportsWithLitigation', 'inconsistentReports', 'reports'] as const;
export type TotalsMeasure = (typeof TOTALS_MEASURES)[number];
export const TOTALS_MEASURE_LABELS: Record<TotalsMeasure, string> = {
  requestsReceived: '收到申请（件）',
  requestsHandled: '办结申请（件）',
  reviewCases: '行政复议（件）',
  litigationCases: '行政诉讼（件）',
  reportsWithLitigation: '有行政诉讼的报告（份）',
  inconsistentReports: '数字对不上的报告（份）',
  reports: '报告（份）',
};

export interface NumbersState extends AnalyticsFilters {
  by: TotalsBy;
  measure: TotalsMeasure;
}

export function readNumbers(p: URLSearchParams): NumbersState {
  return {
    ...readAnalyticsFilters(p),
    by: oneOf(p.get('by'), TOTALS_BYS, 'year'),
    measure: oneOf(p.get('measure'), TOTALS_MEASURES, 'requestsReceived'),
  };
}

export function writeNumbers(s: NumbersState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.by !== 'year') p.set('by', s.by);
  if (s.measure !== 'requestsReceived') p.set('measure', s.measure);
  return writeAnalyticsFilters(s, p);
}

export function numbersApiParams(s: NumbersState, known: readonly number[]): URLSearchParams {
  return apiFilters(s, known, new URLSearchParams({ by: s.by }));
}
