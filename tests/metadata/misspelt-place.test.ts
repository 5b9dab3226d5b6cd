// A place misspelt once (a slip of the pen, an OCR error: 上彧乡 for 上湾乡) is read as the
// place the page names right elsewhere. Every development page whose reading is right and
// whose deepest labelled place is named twice or more gets its first mention misspelt; the
// reading must not change.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseText } from '../../services/pipeline/parse.js';

const DEV = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/dev');
const skip = existsSync(join(DEV, 'INDEX.tsv')) ? false : `no development set at ${DEV}`;
const PLACEHOLDER_CITY = /^(?:市辖区|省直辖县级行政区划|自治区直辖县级行政区划)$/;

test('a place misspelt once is read as the place the page names right elsewhere', { skip }, () => {
  const [head, ...lines] = readFileSync(join(DEV, 'INDEX.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  const differ: string[] = [];
  let tried = 0;
  for (const cells of lines) {
    const row = Object.fromEntries(head!.map((h, i) => [h, cells[i] ?? '']));
    let text = readFileSync(join(DEV, row.file!), 'utf8');
    if (/title (?:and \w+ )?absent/.test(row.notes!)) text = `${row.title}\n${text}`;
    const base = parseText(text, { fileName: row.file });
    const name = row.township || row.county || (row.city && !PLACEHOLDER_CITY.test(row.city) ? row.city : '') || row.province!;
    if (base.region.township !== (row.township || null) || base.region.county !== (row.county || null)) continue;
    // A zone the gazetteer does not list keeps the name as written: nothing to spell it by.
    if (/not in gazetteer/.test(row.notes!)) continue;
    const first = text.indexOf(name);
    if (first < 0 || text.indexOf(name, first + name.length) < 0) continue;
    tried++;
    // The name's second character (its first may leave another place's name: 绥宁县 → 口宁县 holds 宁县).
    const typo = text.slice(0, first + 1) + '彧' + text.slice(first + 2);
    const got = parseText(typo, { fileName: row.file }).region;
    if (JSON.stringify(got) !== JSON.stringify(base.region)) differ.push(`${row.file} ${name}: ${JSON.stringify(got)}`);
  }
  assert.ok(tried >= 10, `only ${tried} pages name their place twice`);
  assert.deepEqual(differ, []);
});
