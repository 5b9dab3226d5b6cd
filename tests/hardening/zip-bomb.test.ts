// DOCX zip bombs, made here: one whose document inflates to 400 MiB, one whose headers lie
// about it. Each fails alone with its reason; the files around them are indexed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingest, type IngestSummary } from '../../services/ingest/ingest.js';
import { openBoundedZip } from '../../services/pipeline/read/bounded-zip.js';
import { search } from '../../services/search/methods/search.js';
import { makeDocx } from '../read/fixtures.js';
import { tempEngine } from '../helpers/engine.js';
import { makeDocxBomb } from './hostile-files.js';
import { reportText } from './support.js';

describe('zip bombs', () => {
  let t: Awaited<ReturnType<typeof tempEngine>>;
  let dir: string;
  let summary: IngestSummary;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-bomb-'));
    writeFileSync(join(dir, 'a.txt'), reportText('炸弹之前的报告'));
    makeDocxBomb(join(dir, 'b-bomb.docx'), 400);
    makeDocxBomb(join(dir, 'c-lying.docx'), 400, { lie: true });
    writeFileSync(join(dir, 'd.docx'), await makeDocx(reportText('炸弹之后的报告').trim().split('\n')));
    t = await tempEngine();
    summary = await ingest(t.engine, [dir]);
  });
  after(async () => { await t.dispose(); rmSync(dir, { recursive: true, force: true }); });

  it('refuses each bomb with its reason', () => {
    const reason = (name: string) => summary.failed.find((f) => f.file === join(dir, name))?.reason;
    assert.match(reason('b-bomb.docx') ?? '', /^suspicious \.docx \(zip bomb\?\): word\/document\.xml inflates to more than 32 MiB$/);
    assert.match(reason('c-lying.docx') ?? '', /^suspicious \.docx \(zip bomb\?\): word\/document\.xml inflates to more than its header declares$/);
    assert.equal(summary.failed.length, 2);
  });

  it('indexes the files before and after them', async () => {
    assert.equal(summary.indexed, 2);
    for (const marker of ['炸弹之前的报告', '炸弹之后的报告']) assert.equal((await search(t.engine, { q: marker })).total, 1, marker);
  });

  it('counts inflated bytes across parts, not only in one', async () => {
    const zip = await openBoundedZip(await makeDocx(['政府信息公开'.repeat(500)]), { entryBytes: 1 << 20, totalBytes: 2000 });
    await assert.rejects(async () => { await zip.read('[Content_Types].xml'); await zip.read('word/document.xml'); }, /inflate to more than/);
  });
});
