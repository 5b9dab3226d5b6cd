// What every export carries besides its rows (issue 16): the query, the filters, the sort,
// the corpus (demo data marked as the UI marks it), when it was made and by which version;
// and a file name made from the query. Shared by the server's export (services/api/export.ts)
// and the web app's own downloads (the concordance CSV), so both say the same.
import type { Filters, Sort } from '../search/types.js';
import { APP_VERSION } from './version.js';

/** The words the UI shows on demo data (DemoBanner, 演示 badges). */
export const DEMO_NOTICE = '演示数据，请勿引用';

export const SORT_LABELS: Record<Sort, string> = {
  relevance: '相关度', year_desc: '年份（新→旧）', year_asc: '年份（旧→新）', region: '地区',
};

export interface ExportContext {
  /** The query as typed ('' for all passages). */
  query: string;
  /** The filters in words, 无 when none. */
  filters: string;
  /** The sort in words. */
  sort: string;
  /** Which corpus: demo data (with DEMO_NOTICE) or the real reports, with its size. */
  corpus: string;
  demo: boolean;
  /** ISO 8601, UTC. */
  exportedAt: string;
  version: string;
}

export interface FilterNames {
  section: (id: string) => string;
  theme: (id: string) => string;
  level: (id: string) => string;
  region: (code: string) => string;
}

/** `年份：2021、2022；地区：宁夏回族自治区；…`, or 无. */
export function describeFilters(f: Filters, names: FilterNames): string {
  const parts: string[] = [];
  const add = (label: string, values: string[]) => { if (values.length) parts.push(`${label}：${values.join('、')}`); };
  add('年份', f.years.map((y) => `${y}年`));
  add('地区', f.regions.map(names.region));
  add('部分', f.sections.map(names.section));
  add('主题', f.themes.map(names.theme));
  add('层级', f.levels.map(names.level));
  // Excluded values (-region:00, 排除): an export says what it left out, too.
  const x = f.exclude ?? {};
  add('排除', [
    ...(x.years ?? []).map((y) => `${y}年`), ...(x.regions ?? []).map((r) => (r === '00' ? '地区未识别' : names.region(r))),
    ...(x.sections ?? []).map(names.section), ...(x.themes ?? []).map(names.theme), ...(x.levels ?? []).map(names.level),
  ]);
  return parts.join('；') || '无';
}

export function corpusText(demo: boolean, reports: number): string {
  return demo ? `${DEMO_NOTICE}（索引含生成的演示报告，共 ${reports} 份报告）` : `真实报告（索引共 ${reports} 份报告）`;
}

export function exportContext(p: Omit<ExportContext, 'exportedAt' | 'version' | 'corpus'> & { reports: number; at?: Date }): ExportContext {
  return {
    query: p.query, filters: p.filters, sort: p.sort, demo: p.demo, corpus: corpusText(p.demo, p.reports),
    exportedAt: (p.at ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'), version: APP_VERSION,
  };
}

/** The context as labelled lines, in the order a reader wants them. */
export function contextLines(c: ExportContext): Array<[string, string]> {
  return [
    ['检索式', c.query || '（全部段落）'], ['筛选', c.filters], ['排序', c.sort], ['语料', c.corpus],
    ['导出时间', c.exportedAt], ['版本', `Gongkai ${c.version}`],
  ];
}

// Characters no common file system accepts in a name, controls, and what shells and URLs trip over.
const UNSAFE = /[\\/:*?"<>|\p{Cc}\p{Cf}#%&{}$!'`=@+^~[\];,]/gu;
const MAX_STEM = 40;

/**
 * `gongkai-<kind>-<query>-<date>` with the query made safe for a file name: unsafe characters
 * and spaces become `_`, runs of them one, at most 40 characters of the query (never a cut
 * surrogate pair); no query: 全部段落.
 */
export function exportFileName(kind: string | null, q: string, ext: string, at = new Date()): string {
  const cleaned = [...q.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, '_').replace(/_+/g, '_').replace(/^[._]+|[._]+$/g, '')]
    .slice(0, MAX_STEM).join('').replace(/[._]+$/, '');
  return ['gongkai', kind, cleaned || '全部段落', at.toISOString().slice(0, 10)].filter(Boolean).join('-') + `.${ext}`;
}

/** Content-Disposition for a name that may be Chinese: an ASCII fallback and the UTF-8 name (RFC 6266/5987). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/_+/g, '_').replace(/"/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
