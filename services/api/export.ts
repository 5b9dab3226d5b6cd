// Results as CSV, JSON or Markdown, each row with its citation.
import { toCsv } from '../core/csv.js';
import type { Hit } from '../search/types.js';

const COLUMNS = ['citation', 'text', 'title', 'issuer', 'year', 'province', 'city', 'county', 'township', 'section', 'paragraph', 'themes', 'report_id'] as const;
const row = (h: Hit) => [h.citation.text, h.text, h.report.title, h.report.issuer, h.report.year, h.report.region.province,
  h.report.region.city, h.report.region.county, h.report.region.township, h.citation.sectionLabel, h.ordinal, h.themes.join(' '), h.reportId];

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

export function exportResults(hits: Hit[], format: 'csv' | 'json' | 'md', q: string): { name: string; type: string; body: string } {
  const stem = `gongkai-${new Date().toISOString().slice(0, 10)}`;
  if (format === 'json') {
    const rows = hits.map((h) => Object.fromEntries(COLUMNS.map((c, i) => [c, row(h)[i] ?? null])));
    return { name: `${stem}.json`, type: 'application/json; charset=utf-8', body: JSON.stringify({ q, results: rows }, null, 2) };
  }
  if (format === 'md') {
    const lines = [`# Gongkai: ${mdCell(q) || '(all passages)'}`, '', '| # | 段落 | 出处 |', '|---|---|---|',
      ...hits.map((h, i) => `| ${i + 1} | ${mdCell(h.text)} | ${mdCell(h.citation.text)} |`)];
    return { name: `${stem}.md`, type: 'text/markdown; charset=utf-8', body: lines.join('\n') + '\n' };
  }
  return { name: `${stem}.csv`, type: 'text/csv; charset=utf-8', body: toCsv(COLUMNS, hits.map(row)) };
}
