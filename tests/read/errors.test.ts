import assert from 'node:assert/strict';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ReadError, readDocument } from '../../services/pipeline/read/index.js';
import { fixtureDir, rejectsWithReason, SAMPLE } from './fixtures.js';

let fx: Awaited<ReturnType<typeof fixtureDir>>;
before(async () => { fx = await fixtureDir(); });
after(() => fx.cleanup());

describe('ReadError', () => {
  it('names the file and the reason', () => {
    const err = new ReadError('reports/2023.pdf', 'password-protected PDF');
    assert.ok(err instanceof Error);
    assert.equal(err.message, 'reports/2023.pdf: password-protected PDF');
    assert.equal(err.file, 'reports/2023.pdf');
    assert.equal(err.reason, 'password-protected PDF');
  });
});

describe('files that cannot be read', () => {
  it('rejects an unsupported extension, naming it', async () => {
    const path = await fx.write('report.xyz', SAMPLE);
    await rejectsWithReason(readDocument(path), path, /^unsupported file type \(\.xyz\)$/);
  });

  it('rejects a file with no extension whose content is not recognised', async () => {
    const path = await fx.write('README', SAMPLE);
    await rejectsWithReason(readDocument(path), path, /^unsupported file type \(no extension\)$/);
  });

  it('recognises an HTML page by its content when the extension says nothing', async () => {
    const path = await fx.write('index.php', '<!DOCTYPE html><html><body><p>平台建设情况</p></body></html>');
    const { text, source } = await readDocument(path);
    assert.equal(source.kind, 'html');
    assert.equal(text, '平台建设情况');
  });

  it('reports a missing file in plain words', async () => {
    const path = join(fx.dir, 'no-such-report.txt');
    await rejectsWithReason(readDocument(path), path, /^file not found$/);
  });

  it('reports a directory in plain words', async () => {
    const path = join(fx.dir, 'a-folder.txt');
    await mkdir(path);
    await rejectsWithReason(readDocument(path), path, /^is a directory, not a file$/);
  });

  it('reports a file it may not read in plain words', async (t) => {
    if (process.getuid?.() === 0) {
      t.skip('running as root: file permissions are not enforced for root');
      return;
    }
    const path = await fx.write('locked.txt', SAMPLE);
    await chmod(path, 0o000);
    await rejectsWithReason(readDocument(path), path, /^permission denied$/);
  });
});
