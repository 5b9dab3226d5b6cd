// Issue 17: lineages linked and copy rates measured on generated lineages (against their
// truth), and on real reports read at run time (a report against itself with the years moved
// on; two unrelated reports).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compareReports, type Comparable } from '../../services/analytics/copy/compare.js';
import { linkReports } from '../../services/analytics/lineage/index.js';
import { lineage } from '../../services/corpus-gen/lineage.js';
import { parseText } from '../../services/pipeline/parse.js';
import type { ReportSummary } from '../../services/search/types.js';

function comparable(id: string, text: string): Comparable & { summary: ReportSummary } {
  const p = parseText(text);
  return {
    id, title: p.title, issuer: p.issuer, year: p.year, text, passages: p.passages,
    summary: { id, title: p.title, issuer: p.issuer, year: p.year, level: p.level, region: p.region, demo: false },
  };
}

const taken = new Set<string>();
const units = Array.from({ length: 40 }, (_, u) => lineage(5, u, {}, taken));
const parsed = units.map((reports) => reports.map((r) => ({ r, c: comparable(r.fileName, r.text) })));

test('each generated unit is linked into one lineage, with the previous year as previous', () => {
  const l = linkReports(parsed.flat().map((x) => x.c.summary));
  let right = 0;
  for (const reports of parsed) {
    const rows = reports.map((x) => l.rowOf.get(x.c.id ?? '')!);
    const unit = l.unitOf[rows[0]!]!;
    const linked = rows.every((r) => l.unitOf[r] === unit) && l.units[unit]!.length === rows.length;
    const previous = reports.every((x, k) => l.previous[rows[k]!] === (k === 0 ? -1 : rows[k - 1]));
    if (linked && previous) right++;
  }
  assert.ok(right >= 38, `${right} of 40 units linked right`);
});

test('a renamed unit (县 → 区) stays one lineage', () => {
  const renamed = Array.from({ length: 400 }, (_, u) => lineage(9, u)).find((rs) => rs.at(-1)!.truth.lineage!.renamed && rs[0]!.truth.level !== 'township');
  assert.ok(renamed, 'the generator renames some units');
  const cs = renamed.map((r) => comparable(r.fileName, r.text).summary);
  assert.notEqual(cs[0]!.issuer, cs.at(-1)!.issuer);
  const l = linkReports(cs);
  assert.equal(l.units.length, 1, JSON.stringify(cs.map((c) => c.issuer)));
});

test('copy rates against the previous year follow the generated truth', () => {
  const errors: number[] = [];
  for (const reports of parsed) {
    for (let k = 1; k < reports.length; k++) {
      const out = compareReports(reports[k - 1]!.c, reports[k]!.c, new Set());
      errors.push(Math.abs(out.copyRate - reports[k]!.r.truth.lineage!.copyRate!));
    }
  }
  const within = errors.filter((e) => e <= 0.1).length;
  assert.ok(within / errors.length >= 0.8, `${within} of ${errors.length} pairs within ±10 points`);
  const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
  assert.ok(mean < 0.06, `mean error ${mean}`);
});

test('the comparison marks unchanged, changed, new and dropped sentences and changed cells', () => {
  const pair = parsed.flatMap((rs) => rs.slice(1).map((x, k) => [rs[k]!, x] as const)).find(([, b]) => {
    const t = b.r.truth.lineage!;
    return t.copyRate! > 0.3 && t.copyRate! < 0.8 && t.editedSentences! > 0;
  })!;
  const out = compareReports(pair[0].c, pair[1].c, new Set());
  for (const s of ['unchanged', 'changed', 'new', 'dropped'] as const) assert.ok(out.counts[s] > 0, `${s}: ${JSON.stringify(out.counts)}`);
  const changed = out.sections.flatMap((s) => s.rows).find((r) => r.status === 'changed')!;
  assert.ok(changed.diff!.some((d) => d.added || d.removed));
  assert.ok(out.cells.some((c) => c.changed));
});

const REAL = join(import.meta.dirname, '../../../shared/corpus/reports');
const realFiles = existsSync(REAL) ? readdirSync(REAL).filter((f) => f.endsWith('.txt')).slice(0, 5) : [];

test('real reports: itself with the years moved on is copied whole; unrelated reports hardly at all', { skip: realFiles.length < 2 && 'no real reports at ../shared/corpus/reports' }, () => {
  const texts = realFiles.map((f) => readFileSync(join(REAL, f), 'utf8'));
  texts.forEach((t, i) => {
    const next = t.replace(/(?<!\d)(20[0-2]\d)(?!\d)/g, (y) => String(Number(y) + 1));
    const out = compareReports(comparable(`a${i}`, t), comparable(`b${i}`, next), new Set());
    assert.ok(out.copyRate > 0.95, `${realFiles[i]}: ${out.copyRate}`);
  });
  for (let i = 1; i < texts.length; i++) {
    const out = compareReports(comparable(`a${i}`, texts[i - 1]!), comparable(`b${i}`, texts[i]!), new Set());
    assert.ok(out.copyRate < 0.1, `${realFiles[i - 1]} vs ${realFiles[i]}: ${out.copyRate}`);
  }
});
