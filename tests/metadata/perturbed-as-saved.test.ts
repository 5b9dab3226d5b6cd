// The development pages as the judged pages are saved — the title first only where the text
// has none, so a page that names its report only in its first sentence (…公布《某县2022年…报告》)
// is read from that sentence — changed the ways unseen pages differ: spaces inside words,
// lines broken at a fixed width (a title cited in 《》 broken mid-word), CRLF, full-width
// digits, another portal's furniture first, the page's date cell run into the title's line.
// Region, year and level must read as on the unchanged page (perturbed.test.ts does the same
// with the title always first; dev-set.test.ts holds the unchanged pages to their labels).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseText } from '../../services/pipeline/parse.js';
import { spaced, wrapped } from './perturb.js';

const DEV = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/dev');
const skip = existsSync(join(DEV, 'INDEX.tsv')) ? false : `no development set at ${DEV}`;

const eachLine = (t: string, f: (l: string) => string | string[]) => t.split('\n').flatMap(f).join('\n');

const VARIANTS: Record<string, (text: string) => string> = {
  'spaces inside words': (t) => eachLine(t, (l) => spaced(l, 3)),
  'lines broken at 27 characters': (t) => eachLine(t, (l) => wrapped(l, 27)),
  'lines broken at 31 characters': (t) => eachLine(t, (l) => wrapped(l, 31)),
  'CRLF line ends': (t) => t.replace(/\n/g, '\r\n'),
  'full-width digits': (t) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
  "another portal's furniture first": (t) => `当前位置：首页 > 政务公开 > 政府信息公开年报\n无障碍 | 长辈版\n${t}`,
  "the date cell run into the title's line": (t) => `发布时间：2024-01-15 10:30  ${t}`,
};

function pages(): Array<{ file: string; text: string }> {
  const [head, ...lines] = readFileSync(join(DEV, 'INDEX.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  return lines.map((cells) => {
    const row = Object.fromEntries(head!.map((h, i) => [h, cells[i] ?? '']));
    const text = readFileSync(join(DEV, row.file!), 'utf8');
    return { file: row.file!, text: /title (?:and \w+ )?absent/.test(row.notes!) ? `${row.title}\n${text}` : text };
  });
}

const reading = (text: string, file: string) => {
  const p = parseText(text, { fileName: file });
  return { region: p.region, year: p.year, level: p.level };
};

test('region, year and level hold on perturbed development pages as saved', { skip }, async (t) => {
  const all = skip ? [] : pages();
  for (const [name, change] of Object.entries(VARIANTS)) {
    await t.test(name, () => {
      const differ: string[] = [];
      for (const { file, text } of all) {
        const got = reading(change(text), file);
        const want = reading(text, file);
        if (JSON.stringify(got) !== JSON.stringify(want)) differ.push(`${file}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
      }
      assert.deepEqual(differ, []);
    });
  }
});
