// POST /api/ingest runs in a child process: a zip bomb sent through it fails alone, the
// server keeps answering, and the reports the child wrote are searchable by the server.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { search } from '../../services/search/methods/search.js';
import { makeDocxBomb } from './hostile-files.js';
import { reportText, serverWith } from './support.js';

const TOKEN = 'tok-9c1e5b7d42e8a6c13f9a';

describe('POST /api/ingest with a zip bomb', () => {
  let s: Awaited<ReturnType<typeof serverWith>>;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'gongkai-server-bomb-'));
    writeFileSync(join(root, 'a.txt'), reportText('服务器导入的报告'));
    makeDocxBomb(join(root, 'bomb.docx'), 400);
    s = await serverWith({ writeToken: TOKEN, ingestRoot: root });
  });
  after(async () => { await s.close(); rmSync(root, { recursive: true, force: true }); });

  it('fails the bomb alone and keeps serving', async () => {
    const ingesting = fetch(`${s.url}/api/ingest`, {
      method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ paths: ['.'] }),
    });
    assert.equal((await fetch(`${s.url}/api/health`)).status, 200);
    const res = await ingesting;
    assert.equal(res.status, 200);
    const summary = (await res.json()) as { indexed: number; failed: Array<{ file: string; reason: string }> };
    assert.equal(summary.indexed, 1);
    assert.deepEqual(summary.failed.map((f) => f.file), ['bomb.docx']);
    assert.match(summary.failed[0]!.reason, /zip bomb/);
    assert.equal((await fetch(`${s.url}/api/health`)).status, 200);
    assert.equal((await search(s.engine, { q: '"服务器导入的报告"' })).total, 1);
  });
});
