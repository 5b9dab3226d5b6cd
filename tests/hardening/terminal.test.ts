// Terminal escapes: a file name or report text carrying control characters reaches the
// terminal escaped, whatever the command prints.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../services/cli/main.js';
import { printable } from '../../services/cli/printable.js';
import { reportText } from './support.js';

/** What the CLI prints (console only: the test runner talks to its parent through stdout). */
async function printed(argv: string[]): Promise<string> {
  let out = '';
  const saved = [console.log, console.error];
  console.log = console.error = (...args: unknown[]) => { out += args.map(String).join(' ') + '\n'; };
  try {
    await main(argv);
  } finally {
    [console.log, console.error] = saved as [typeof console.log, typeof console.error];
  }
  return out;
}

const HOSTILE_NAME = 'a\nfailed: forged line\x1b]0;owned\x07\x1b[2J\u202e.txt';
const ESCAPE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/; // everything but \t and \n, which the CLI's own lines use

describe('terminal escapes', () => {
  let dir: string;
  let data: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-term-'));
    data = join(dir, 'data');
    writeFileSync(join(dir, HOSTILE_NAME), ''); // empty: fails, and its name is printed
    writeFileSync(join(dir, 'report.txt'), reportText('转义\x1b[2J\x1b]0;标题\x07测试'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('shows each control character as an escape', () => {
    assert.equal(printable('a\nb\x1b[2J\x07\u202e'), 'a\\nb\\e[2J\\u{7}\\u{202e}');
    assert.equal(printable('政府信息公开 (2019) #1'), '政府信息公开 (2019) #1');
  });

  it('escapes file names in the failure lines of gongkai ingest', async () => {
    const out = await printed(['--data-dir', data, 'ingest', dir]);
    const failure = out.split('\n').find((l) => l.includes('empty file'));
    assert.ok(failure?.includes('a\\nfailed: forged line\\e]0;owned\\u{7}\\e[2J\\u{202e}.txt'), out);
    assert.doesNotMatch(out.replace(/\x1b\[[0-9;]*m/g, ''), ESCAPE);
  });

  it('escapes report text printed by gongkai search', async () => {
    const out = await printed(['--data-dir', data, 'search', '测试']);
    assert.match(out, /1 passages/);
    // Only the highlight's own colour codes remain.
    assert.doesNotMatch(out.replace(/\x1b\[(1;33|0)m/g, ''), ESCAPE);
  });
});
