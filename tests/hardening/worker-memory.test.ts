// A file whose reading needs more memory than a worker may have ends that worker only: the
// file fails with the reason, and the pool goes on reading the next one.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PreparePool } from '../../services/ingest/pool.js';
import { segmenter } from '../../services/pipeline/segment/segmenter.js';
import { makeDocxBomb } from './hostile-files.js';
import { reportText } from './support.js';

const job = (path: string, bytes: Buffer) => ({ path, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), demo: false });

describe('a worker out of memory', () => {
  let dir: string;
  let pool: PreparePool;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-oom-'));
    // Within the zip bounds (20 MiB), but mammoth needs far more than the 96 MB heap given here.
    makeDocxBomb(join(dir, 'heavy.docx'), 20);
    pool = new PreparePool(1, segmenter().signature, 96);
  });
  after(async () => { await pool.close(); rmSync(dir, { recursive: true, force: true }); });

  it('fails that file with the reason, and the pool reads the next', async () => {
    await assert.rejects(pool.run(job(join(dir, 'heavy.docx'), readFileSync(join(dir, 'heavy.docx')))),
      /^Error: the ingest worker reading it stopped: out of memory: reading it needs more than 96 MB$/);
    const doc = await pool.run(job(join(dir, 'good.txt'), Buffer.from(reportText('内存之后的报告'))));
    assert.ok(doc.passages.some((p) => p.text.includes('内存之后的报告')));
  });
});
