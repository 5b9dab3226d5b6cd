// The page's publication date and address are kept by the index (both the new columns and an
// index made before them), given back with the report, and judged by the deadline rule.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { auditById } from '../../services/analytics/methods/audit.js';
import { ingest } from '../../services/ingest/ingest.js';
import { tempEngine } from '../helpers/engine.js';
import { generateReport } from '../../services/corpus-gen/index.js';
import { createSchema } from '../../services/search/sqlite/schema.js';

/** A generated 2021 report as a saved page with a 发布日期 in its metadata table. */
function page(published: string): string {
  const r = [...Array(40).keys()].map((i) => generateReport(11, i, { mess: 0 })).find((x) => x.truth.format === '2021' && x.truth.level === 'department')!;
  const body = r.text.split('\n').filter((l) => l.trim()).map((l) => `<p>${l.replace(/\t/g, ' ')}</p>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="canonical" href="https://www.example.gov.cn/2022/report.html"><title>${r.truth.title}</title></head>` +
    `<body><table><tr><td>发布日期：</td><td>${published}</td></tr></table><div class="content">${body}</div></body></html>`;
}

test('a page\'s publication date and address are stored, returned with the report, and judged against the deadline', async () => {
  const { engine, dir, dispose } = await tempEngine();
  try {
    const file = join(dir, 'late.html');
    writeFileSync(file, page('2022-03-15'));
    const summary = await ingest(engine, [file]);
    assert.equal(summary.indexed, 1);
    const db = new Database(join(dir, 'gongkai.sqlite'), { readonly: true });
    const { doc_id: id } = db.prepare('SELECT doc_id FROM reports').get() as { doc_id: string };
    db.close();
    const report = (await engine.backend.report(id))!;
    assert.equal(report.source.published, '2022-03-15');
    assert.equal(report.source.url, 'https://www.example.gov.cn/2022/report.html');
    const audit = (await auditById(engine, id))!;
    assert.equal(audit.report.published, '2022-03-15');
    const deadline = audit.rules.find((r) => r.id === 'deadline')!;
    // A department's 2021 report: due by 31 January 2022 (条例 art. 49).
    assert.equal(deadline.status, 'fail');
    assert.match(deadline.detail, /2022-01-31/);
  } finally {
    await dispose();
  }
});

test('an index made before the columns existed opens, and takes the dates from then on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gk-old-'));
  try {
    const db = new Database(join(dir, 'gongkai.sqlite'));
    db.exec(`CREATE TABLE reports (id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE, path TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL, bytes INTEGER NOT NULL, encoding TEXT NOT NULL, title TEXT, issuer TEXT, year INTEGER, level TEXT NOT NULL, format TEXT NOT NULL,
      province TEXT, city TEXT, county TEXT, township TEXT, region_code TEXT, warnings TEXT NOT NULL, sections TEXT NOT NULL, text TEXT NOT NULL,
      demo INTEGER NOT NULL DEFAULT 0, ingested_at TEXT NOT NULL)`);
    db.close();
    const again = new Database(join(dir, 'gongkai.sqlite'));
    createSchema(again);
    const cols = (again.pragma('table_info(reports)') as Array<{ name: string }>).map((c) => c.name);
    again.close();
    assert.ok(cols.includes('published') && cols.includes('url'), cols.join(','));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
