// Region, year and level of every development page, with the page changed the ways unseen
// pages differ, must read as they do on the page as saved: spaces inside words (as PDFs
// give), lines broken at a fixed width (a PDF's wrapped lines: a title cited in 《》 broken
// mid-word), CRLF and full-width digits, another portal's furniture first, and the page's
// date cell run into the title's line. Compared with the parse of the unchanged page (the
// labels are dev-set.test.ts's), so a case the page alone cannot decide still counts here.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseText } from '../../services/pipeline/parse.js';

const DEV = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/dev');
const skip = existsSync(join(DEV, 'INDEX.tsv')) ? false : `no development set at ${DEV}`;

const han = /[\u4e00-\u9fff]/;
const spaced = (t: string) => { let n = 0; return [...t].map((c) => (han.test(c) && ++n % 3 === 0 ? `${c} ` : c)).join(''); };
const cut = (t: string, width: number) => t.split('\n').map((l) => l.replace(new RegExp(`(.{${width}})`, 'gu'), '$1\n')).join('\n');

const VARIANTS: Record<string, (text: string) => string> = {
  'spaces inside words': spaced,
  'lines broken at 27 characters': (t) => cut(t, 27),
  'lines broken at 31 characters': (t) => cut(t, 31),
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
    // As the judged pages are saved: the title first where the text has none.
    return { file: row.file!, text: /title (?:and \w+ )?absent/.test(row.notes!) ? `${row.title}\n${text}` : text };
  });
}

const reading = (text: string, file: string) => {
  const p = parseText(text, { fileName: file });
  return { region: p.region, year: p.year, level: p.level };
};

test('region, year and level hold on perturbed development pages', { skip }, async (t) => {
  const all = skip ? [] : pages();
  for (const [name, change] of Object.entries(VARIANTS)) {
    await t.test(name, () => {
      const differ: string[] = [];
      for (const { file, text } of all) {
        const want = reading(text, file);
        const got = reading(change(text), file);
        try { assert.deepEqual(got, want); } catch { differ.push(`${file}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`); }
      }
      assert.deepEqual(differ, []);
    });
  }
});
