// Chinese labels for the closed vocabularies the server sends as ids. Typed as complete
// records over the server's own types, so a new level, format or sort fails the web typecheck.
// (Section and theme labels come from GET /api/facets at run time.)
import type { Level, ReportFormat, Sort } from './types';
import type { KwicSort, Measure, TrendBy } from './url';

export const LEVEL_LABELS: Record<Level, string> = {
  province: '省级', city: '市级', county: '县级', township: '乡镇（街道）', department: '部门', unknown: '未识别',
};

export const FORMAT_LABELS: Record<ReportFormat, string> = {
  pre2019: '2019 年以前格式', 2019: '2019 年新版格式', 2021: '2021 年新版格式', unknown: '格式未识别',
};

export const SORT_LABELS: Record<Sort, string> = {
  relevance: '相关度', year_desc: '年份（新→旧）', year_asc: '年份（旧→新）', region: '地区',
};

export const TREND_BY_LABELS: Record<TrendBy, string> = { year: '按年份', province: '按省份', city: '按城市' };
export const measureLabel = (m: Measure, by: TrendBy): string =>
  m === 'reports' ? '报告数' : by === 'year' ? '占当年报告比例' : '占当地报告比例';
export const KWIC_SORT_LABELS: Record<KwicSort, string> = { position: '按出现顺序', left: '按左侧语境', right: '按右侧语境' };

export const REGION_LEVEL_LABELS = { province: '省', city: '市', county: '县', township: '乡镇' } as const;

export const regionText = (r: { province: string | null; city: string | null; county: string | null; township: string | null }): string =>
  [r.province, r.city, r.county, r.township].filter(Boolean).join(' ') || '地区未识别';
