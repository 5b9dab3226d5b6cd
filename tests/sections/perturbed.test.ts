// The labelled lines of the development pages and of the five real reports, with the pages
// changed the ways unseen pages differ: a title line first, another portal's furniture, spaces
// inside words (every second character, as the worst PDFs), lines broken at a fixed width,
// paragraphs indented with ideographic spaces and CRLF line ends, parts numbered 第一部分 instead
// of 一、. Every labelled line must keep
// its label. A line labelled statistics or
// preamble that ends up in no passage counts as right: a table cell or a title line cut into
// pieces may be read as cells, and what matters there is that it gives no passage of a part.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEV_DIR, lineTypes, readLineLabels } from '../../scripts/eval-sections.js';

const skip = existsSync(DEV_DIR) ? false : 'the development corpus (../shared/corpus/dev) is not here';

const FURNITURE = ['无障碍 | 长辈版 | 简体 | 繁体', '当前位置：首页 > 政务公开 > 政府信息公开年报', '索引号： | 000000000/2024-00001 | 发文日期： | 2024-01-15 |', '【字体：大 中 小】 打印本页 关闭窗口'];
const spaced = (line: string) => { let han = 0; return [...line].map((c) => (/[\u4e00-\u9fff]/.test(c) && ++han % 2 === 0 ? `${c} ` : c)).join(''); };
const cut = (line: string, width: number) => { const out: string[] = []; for (let at = 0; at < line.length; at += width) out.push(line.slice(at, at + width)); return out.length ? out : ['']; };

/** Each variant: lines put before the page, and what each original line becomes (one or more lines). */
const VARIANTS: Record<string, { before: string[]; line: (l: string) => string[] }> = {
  'a title line first': { before: ['某某2024年政府信息公开工作年度报告'], line: (l) => [l] },
  "another portal's furniture": { before: FURNITURE, line: (l) => [l] },
  'spaces inside words': { before: [], line: (l) => [spaced(l)] },
  'lines broken at 28 characters': { before: [], line: (l) => cut(l, 28) },
  'ideographic indents, CRLF': { before: [], line: (l) => [`\u3000\u3000${l}\r`] },
  'parts numbered 第一部分': { before: [], line: (l) => [l.replace(/^([一二三四五六七八九十]+)、/, '第$1部分 ')] },
};

test('labelled lines keep their type on perturbed pages', { skip }, async (t) => {
  const labels = readLineLabels();
  for (const [name, variant] of Object.entries(VARIANTS)) {
    await t.test(name, () => {
      const pages = new Map<string, { r: ReturnType<typeof lineTypes>; first: number[] }>();
      const wrong: string[] = [];
      for (const label of labels) {
        let page = pages.get(label.file);
        if (!page) {
          const pieces = readFileSync(join(DEV_DIR, label.file), 'utf8').split('\n').map(variant.line);
          const first: number[] = [];
          let at = variant.before.length;
          for (const p of pieces) { first.push(at); at += p.length; }
          page = { r: lineTypes([...variant.before, ...pieces.flat()].join('\n')), first };
          pages.set(label.file, page);
        }
        const i = page.first[label.line - 1]!;
        const got = page.r.types[i]!;
        const inPassage = page.r.inPassage[i]!;
        const loose = label.want === 'furniture' || label.want === 'statistics' || label.want === 'preamble';
        const ok = got === label.want || (loose && (!inPassage || (label.want === 'furniture' && got === 'preamble')));
        if (!ok) wrong.push(`${label.file}:${label.line} want ${label.want} got ${got}`);
      }
      assert.deepEqual(wrong, []);
    });
  }
});
