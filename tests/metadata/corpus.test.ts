// The real reports of the shared corpus against their hand-checked metadata (INDEX.tsv),
// through normalize first as the pipeline does. The reports stay in the corpus: nothing
// of their text is copied here.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ParsedReport } from '../../services/core/schema.js';
import { extractMetadata } from '../../services/pipeline/metadata/index.js';
import { normalize } from '../../services/pipeline/normalize/index.js';

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/reports');
const INDEX = join(CORPUS, 'INDEX.tsv');
const skip = existsSync(INDEX) ? false : `no corpus at ${CORPUS}`;

function rows(): Record<string, string>[] {
  const [head, ...lines] = readFileSync(INDEX, 'utf8').trim().split('\n').map((l) => l.split('\t'));
  return lines.map((cells) => Object.fromEntries(head!.map((h, i) => [h, cells[i] ?? ''])));
}

const orNull = (s: string) => (s === '' ? null : s);

test('every corpus report matches INDEX.tsv on every field', { skip }, async (t) => {
  for (const row of rows()) {
    await t.test(row.file!, () => {
      const clean = normalize(readFileSync(join(CORPUS, row.file!), 'utf8')).text;
      const meta = extractMetadata(clean, { fileName: row.file });
      assert.equal(meta.title, row.title!.replace(/\s+/g, ''));
      assert.equal(meta.issuer, row.issuer);
      assert.equal(meta.year, Number(row.year));
      assert.equal(meta.level, row.level);
      assert.equal(meta.format, row.format);
      assert.deepEqual(meta.region, {
        province: orNull(row.province!), city: orNull(row.city!), county: orNull(row.county!),
        township: orNull(row.township!), code: orNull(row.code!),
      });
      ParsedReport.pick({ title: true, year: true, issuer: true, level: true, format: true, region: true, warnings: true }).parse(meta);
    });
  }
});

test('a township written with a variant character is matched and flagged', { skip }, () => {
  for (const row of rows().filter((r) => r.township && !r.title!.replace(/\s+/g, '').includes(r.township))) {
    const meta = extractMetadata(normalize(readFileSync(join(CORPUS, row.file!), 'utf8')).text);
    assert.ok(meta.warnings.some((w) => w.includes(`matched gazetteer ${row.township}`)), meta.warnings.join('; '));
  }
});

