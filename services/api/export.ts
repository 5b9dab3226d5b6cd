// Results as CSV, JSON or Markdown: each row with its citation and a link to its passage,
// and the whole file with its context (query, filters, sort, corpus, time, version; see
// services/core/export-context.ts) and a name made from its query.
import { toCsv } from '../core/csv.js';
import { contextLines, DEMO_NOTICE, exportFileName, type ExportContext } from '../core/export-context.js';
import type { Hit } from '../search/types.js';

const COLUMNS = ['citation', 'text', 'title', 'issuer', 'year', 'province', 'city', 'county', 'township', 'section', 'heading', 'paragraph', 'themes', 'report_id', 'link', 'demo'] as const;
/** The same context on every CSV row, so rows from several exports can be pooled and still tell where they came from. */
const CONTEXT_COLUMNS = ['query', 'filters', 'sort', 'corpus', 'exported_at', 'app_version'] as const;

/** Where a hit's passage opens in the reader, with the query's terms marked. */
export function passageLink(base: string, h: Hit, q: string): string {
  const qs = q.trim() ? `?${new URLSearchParams({ q: q.trim() })}` : '';
  return `${base}/reports/${encodeURIComponent(h.reportId)}${qs}#p${h.ordinal}`;
}

const row = (h: Hit, link: string) => [h.citation.text, h.text, h.report.title, h.report.issuer, h.report.year, h.report.region.province,
  h.report.region.city, h.report.region.county, h.report.region.township, h.citation.sectionLabel, h.citation.heading ?? null, h.ordinal,
  h.themes.join(' '), h.reportId, link, h.report.demo ? DEMO_NOTICE : ''];

/**
 * Report text is untrusted: in Markdown it stays text. Every character Markdown reads as
 * syntax inside a line is escaped (backslash, or an entity for & < >), so `[…](javascript:…)`
 * links, `![…](http://…)` images, `<…>` autolinks and raw HTML, emphasis, code spans and
 * table pipes from a report never become live; line breaks become spaces so that a row stays
 * one line. Syntax that only counts at the start of a line (`#`, `-`, `1.`) is left alone:
 * every cell sits after the row's leading `|`.
 */
const MD_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const mdCell = (v: unknown) => String(v ?? '')
  .replace(/[\\`*_[\]|~&<>]/g, (c) => MD_ENTITIES[c] ?? `\\${c}`)
  .replace(/\r\n|[\r\n]/g, ' ');
/** A link target the app built (origin, id, URL-encoded query): any `(`, `)`, `<`, `>` or space left is percent-encoded, so none ends it early. */
const mdUrl = (u: string) => u.replace(/[()<>\s]/g, (c) => encodeURIComponent(c).replace(/[()]/g, (p) => `%${p.charCodeAt(0).toString(16).toUpperCase()}`));

export function exportResults(hits: Hit[], format: 'csv' | 'json' | 'md', ctx: ExportContext, base = ''): { name: string; type: string; body: string } {
  const name = exportFileName(null, ctx.query, format, new Date(ctx.exportedAt));
  const links = hits.map((h) => passageLink(base, h, ctx.query));
  if (format === 'json') {
    const rows = hits.map((h, i) => Object.fromEntries(COLUMNS.map((c, j) => [c, row(h, links[i]!)[j] ?? null])));
    const context = { query: ctx.query, filters: ctx.filters, sort: ctx.sort, corpus: ctx.corpus, demo: ctx.demo, exportedAt: ctx.exportedAt, version: ctx.version };
    return { name, type: 'application/json; charset=utf-8', body: JSON.stringify({ q: ctx.query, context, results: rows }, null, 2) };
  }
  if (format === 'md') {
    const lines = [`# 检索结果：${mdCell(ctx.query) || '全部段落'}`, '',
      ...(ctx.demo ? [`> **${DEMO_NOTICE}**：本文件的段落来自生成的演示报告，不是真实的政府文件。`, ''] : []),
      ...contextLines(ctx).map(([k, v]) => `- ${k}：${mdCell(v)}`), `- 条数：${hits.length}`, '',
      '| # | 段落 | 出处 | 链接 |', '|---|---|---|---|',
      ...hits.map((h, i) => `| ${i + 1} | ${mdCell(h.text)} | ${mdCell(h.citation.text)}${h.report.demo ? `（${DEMO_NOTICE}）` : ''} | [第${h.ordinal}段](${mdUrl(links[i]!)}) |`)];
    return { name, type: 'text/markdown; charset=utf-8', body: lines.join('\n') + '\n' };
  }
  const context = [ctx.query, ctx.filters, ctx.sort, ctx.corpus, ctx.exportedAt, ctx.version];
  return { name, type: 'text/csv; charset=utf-8', body: toCsv([...COLUMNS, ...CONTEXT_COLUMNS], hits.map((h, i) => [...row(h, links[i]!), ...context])) };
}
