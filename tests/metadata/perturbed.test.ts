// The development pages and the five real reports, perturbed the ways unseen pages differ
// (tests/metadata/perturb.ts: a title line first or moved, furniture added or stripped, PDF
// spaces, a split title, a site name after it, full-width digits, broken lines, all at once):
// region, year and level must stay what the page with its title first gives, which
// tests/metadata/dev-set.test.ts holds against the labels. No report text is copied here.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseText } from '../../services/pipeline/parse.js';
import { PERTURBATIONS } from './perturb.js';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
const DIRS = [join(SHARED, 'dev'), join(SHARED, 'reports')];
const skip = DIRS.every((d) => existsSync(join(d, 'INDEX.tsv'))) ? false : `no development set or real reports under ${SHARED}`;

function rows(dir: string): { file: string; title: string }[] {
  const [head, ...lines] = readFileSync(join(dir, 'INDEX.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  const at = (name: string) => head!.indexOf(name);
  return lines.map((cells) => ({ file: cells[at('file')]!, title: cells[at('title')]! }));
}

const reading = (text: string, file: string) => {
  const p = parseText(text, { fileName: file });
  return { year: p.year, level: p.level, region: p.region };
};

test('region, year and level survive the ways unseen pages differ', { skip }, async (t) => {
  for (const dir of DIRS) {
    for (const { file, title } of rows(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      const base = reading(`${title}\n${text}`, file);
      await t.test(`${file} ${title}`, () => {
        for (const [name, perturb] of Object.entries(PERTURBATIONS)) {
          assert.deepEqual(reading(perturb(text, title), file), base, name);
        }
      });
    }
  }
});
