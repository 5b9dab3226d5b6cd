// Results as CSV, JSON or Markdown, each row with its citation.
import type { Hit } from '../search/types.js';

/** Spreadsheet programs run cells that start with these as formulas: neutralise them. */
const FORMULA_START = /^[=+\-@\t\r]/;
const csvCell = (v: unknown) => {
  let s = v === null || v === undefined ? '' : String(v);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const COLUMNS = ['citation', 'text', 'title', 'issuer', 'year', 'province', 'city', 'county', 'township', 'section', 'paragraph', 'themes', 'report_id'] as const;
const row = (h: Hit) => [h.citation.text, h.text, h.report.title, h.report.issuer, h.report.year, h.report.region.province,
  h.report.region.city, h.report.region.county, h.report.region.township, h.citation.sectionLabel, h.ordinal, h.themes.join(' '), h.reportId];

const mdCell = (v: unknown) => String(v ?? '').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\n/g, ' ');

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
  // A BOM so that spreadsheet programs read the Chinese text as UTF-8.
  const body = '\ufeff' + [COLUMNS.join(','), ...hits.map((h) => row(h).map(csvCell).join(','))].join('\r\n') + '\r\n';
  return { name: `${stem}.csv`, type: 'text/csv; charset=utf-8', body };
}
