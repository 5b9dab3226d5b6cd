// What a saved page says about itself: where it was published (canonical link, og:url, the
// government-site meta tag `Url`, or the browser's "saved from url" comment), when (the
// `PubDate` meta tag of the national government-website guideline, or the page's own
// metadata table: 发布日期 / 发文日期 / 成文日期), by whom (发布机构, meta `ContentSource`) and
// under which index number (索引号). Only values that look clean are kept: they are hints.
import type { Line } from './html-lines.js';
import type { RawMeta } from './html.js';

export interface PageMetadata {
  url?: string;
  /** ISO date (YYYY-MM-DD). */
  published?: string;
  issuer?: string;
  indexNumber?: string;
}

const URL_TAGS = ['og:url', 'url', 'dc.identifier'];
const DATE_TAGS = ['pubdate', 'article:published_time', 'publishdate', 'dc.date', 'dcterms.issued', 'firstpublishedtime', 'datepublished'];
const ISSUER_TAGS = ['contentsource', 'dc.publisher'];

// Labels of the metadata table, most specific first: publication beats writing.
const DATE_LABELS = ['发布日期', '发文日期', '发布时间', '公开日期', '成文日期', '生成日期'];
const ISSUER_LABELS = ['发布机构', '发文机关', '发布单位', '公开主体', '信息来源', '来源'];
const LABEL = /(索引号|发布机构|发文机关|发布单位|公开主体|信息来源|来源|发布日期|发文日期|发布时间|公开日期|成文日期|生成日期|文号|发文字号|主题分类|名称|标题|有效性|浏览次数)\s*[:：]?/g;

export function pageMetadata(raw: RawMeta, lines: Line[]): PageMetadata {
  const fields = labelledFields(lines);
  const page: PageMetadata = {};
  const url = [raw.canonical, ...URL_TAGS.map((t) => raw.metaTags.get(t)), raw.savedFrom].find((u) => u && /^https?:\/\/\S+$/i.test(u));
  if (url) page.url = url;
  const published = [...DATE_TAGS.map((t) => raw.metaTags.get(t)), ...DATE_LABELS.map((l) => fields.get(l))].map(isoDate).find(Boolean);
  if (published) page.published = published;
  const issuer = [...ISSUER_TAGS.map((t) => raw.metaTags.get(t)), ...ISSUER_LABELS.map((l) => fields.get(l))].find(isOrganisation);
  if (issuer) page.issuer = issuer.trim();
  const index = fields.get('索引号');
  if (index && /^[0-9A-Za-z][0-9A-Za-z\-/_.]{5,59}$/.test(index)) page.indexNumber = index;
  return page;
}

/**
 * `label: value` pairs of the page's metadata table, however it was laid out: one per line
 * (`发布机构：某某镇人民政府`), or cells of a table row (`索引号：\t1133…\t发布机构：\t某某镇`).
 * The first value of a label wins (the table comes before the text that might repeat it).
 */
export function labelledFields(lines: Line[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const { text } of lines) {
    if (text.length > 400) continue; // a paragraph of the report, not a metadata row
    const found = [...text.matchAll(LABEL)];
    found.forEach((m, k) => {
      const from = m.index + m[0].length;
      const to = found[k + 1]?.index ?? text.length;
      // The value ends at the next cell or a wide gap: "发布机构：某某镇  发布日期：…".
      const value = text.slice(from, to).replace(/^[\s|•·]+/, '').split(/\t|\s{2,}|\|/)[0]?.trim() ?? '';
      if (value && !fields.has(m[1]!)) fields.set(m[1]!, value);
    });
  }
  return fields;
}

/** `2020-01-06`, `2020年1月6日`, `2020/01/06 10:00`, `20200106` → `2020-01-06`; anything else → undefined. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(value) ?? /^((?:19|20)\d\d)(\d\d)(\d\d)\b/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// An issuer is a body: it ends as bodies do, and carries no dates, digits or sentences.
const BODY_END = /(?:政府|办公室|办公厅|办事处|委员会|管委会|管理委员会|局|厅|委|办|院|署|中心|所|站|队|会|部|处|镇|乡|街道|公司)$/;

function isOrganisation(value: string | undefined): value is string {
  if (!value) return false;
  const v = value.trim();
  return v.length >= 2 && v.length <= 40 && !/[\d0-9，。；：,;:]/.test(v) && BODY_END.test(v);
}
