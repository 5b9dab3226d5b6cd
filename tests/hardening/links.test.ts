// Links: the CLI reads no link leading out of the folders it was given (unless
// --follow-links), and says so; the reader checks the file it opened, so a link swapped in
// after the walk's check cannot make it read outside the ingest root.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../services/cli/main.js';
import { findReportFiles } from '../../services/ingest/walk.js';
import { readSource } from '../../services/pipeline/read/index.js';
import { captureOutput, reportText } from './support.js';

let base: string;
let dir: string;
let outside: string;
before(() => {
  base = mkdtempSync(join(tmpdir(), 'gongkai-links-'));
  dir = join(base, 'given');
  outside = join(base, 'outside');
  mkdirSync(dir);
  mkdirSync(outside);
  writeFileSync(join(dir, 'a.txt'), reportText('给定目录里的报告'));
  writeFileSync(join(outside, 'secret.txt'), reportText('目录之外的秘密'));
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'secret.txt'));
  symlinkSync(outside, join(dir, 'elsewhere'));
  symlinkSync(join(dir, 'a.txt'), join(dir, 'inside-link.txt'));
});
after(() => rmSync(base, { recursive: true, force: true }));

const cli = async (...argv: string[]) => {
  let code = -1;
  const out = await captureOutput(async () => { code = await main(['--data-dir', join(base, `data-${Math.random()}`), ...argv]); });
  return { code, out };
};

describe('gongkai ingest and links', () => {
  it('skips links leading outside the folders given, and says which and why', async () => {
    const { out } = await cli('ingest', dir);
    assert.match(out, /indexed 1,/);
    for (const name of ['secret.txt', 'elsewhere']) {
      assert.ok(out.includes(`skipped: ${join(dir, name)}: a link leading outside the folders given (--follow-links reads it)`), out);
    }
  });

  it('follows them with --follow-links', async () => {
    const { out } = await cli('ingest', '--follow-links', dir);
    assert.match(out, /indexed 2,/); // a.txt and the secret (the link to a.txt is the same file)
  });
});

describe('the reader checks what it opened', () => {
  const limit = { maxBytes: 1 << 20, tooLarge: () => 'too large', within: [] as string[], outside: 'outside the ingest root' };

  it('refuses a link whose target is outside, even if the walk never saw it', async () => {
    limit.within = [dir];
    await assert.rejects(readSource(join(dir, 'secret.txt'), limit), /outside the ingest root/);
    assert.match((await readSource(join(dir, 'inside-link.txt'), limit)).toString(), /给定目录里的报告/);
  });

  it('never reads outside while a link is swapped with a file under it', async () => {
    const race = join(base, 'race');
    mkdirSync(race);
    writeFileSync(join(race, 'plain'), reportText('普通文件'));
    writeFileSync(join(race, 'zz.txt'), reportText('普通文件'));
    limit.within = [race];
    // Another process swaps race/zz.txt between a regular file and a link to the secret, atomically (rename).
    const swapper = spawn('bash', ['-c', `cd ${race} && while true; do ln -sfn ${join(outside, 'secret.txt')} l && mv -T l zz.txt; cp plain f && mv -T f zz.txt; done`], { stdio: 'ignore' });
    try {
      let read = 0;
      for (let i = 0; i < 300; i++) {
        const { files } = await findReportFiles([race], { within: [race] });
        for (const f of files) {
          const text = await readSource(f, limit).then((b) => b.toString(), () => '');
          assert.ok(!text.includes('目录之外的秘密'), `read the outside file through ${f}`);
          if (text) read++;
        }
      }
      assert.ok(read > 0);
    } finally {
      swapper.kill();
    }
  });
});
