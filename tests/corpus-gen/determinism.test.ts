import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { clearCorpus, generateCorpus, generateReport, mergeTruthParts } from '../../services/corpus-gen/index.js';
import { Truth } from '../../services/corpus-gen/types.js';
import { demess } from './demess.js';

test('the same (seed, index) gives identical text and truth', () => {
  for (const i of [0, 1, 17, 4242]) {
    assert.deepEqual(generateReport(1, i), generateReport(1, i));
    assert.deepEqual(generateReport(9, i, { mess: 1 }), generateReport(9, i, { mess: 1 }));
  }
});

test('different seeds give different reports', () => {
  const a = Array.from({ length: 20 }, (_, i) => generateReport(1, i).text);
  const b = Array.from({ length: 20 }, (_, i) => generateReport(2, i).text);
  assert.ok(a.every((t, i) => t !== b[i]));
  assert.equal(new Set(a).size, a.length);
});

test('the mess rate changes only the artefacts, never the wording or the truth', () => {
  for (let i = 0; i < 60; i++) {
    const clean = generateReport(3, i, { mess: 0 });
    const messy = generateReport(3, i, { mess: 1 });
    assert.deepEqual(clean.truth.mess, []);
    assert.ok(messy.truth.mess.length > 0);
    assert.deepEqual({ ...messy.truth, mess: [] }, clean.truth);
    // Pasted blocks add text; everything else must come back by de-messing.
    if (!messy.truth.mess.some((k) => k === 'notice' || k === 'foreign_list')) {
      assert.equal(demess(messy.text, messy.truth), demess(clean.text, clean.truth), `report ${i}`);
    }
  }
});

function digest(dir: string): string {
  const h = createHash('sha256');
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest('hex');
}

test('generateCorpus writes the same bytes twice, names files by code and year, and replaces its own old files', () => {
  const a = mkdtempSync(join(tmpdir(), 'cg-a-'));
  const b = mkdtempSync(join(tmpdir(), 'cg-b-'));
  try {
    generateCorpus({ count: 40, seed: 5, out: a });
    writeFileSync(join(b, 'keep-me.txt'), 'not generated');
    generateCorpus({ count: 60, seed: 5, out: b });
    const s = generateCorpus({ count: 40, seed: 5, out: b });
    assert.equal(s.removed, 61, 'the 60 old reports and TRUTH.jsonl');
    assert.ok(readFileSync(join(b, 'keep-me.txt')).length > 0);
    rmSync(join(b, 'keep-me.txt'));
    assert.equal(digest(a), digest(b));

    const lines = readFileSync(join(a, 'TRUTH.jsonl'), 'utf8').trim().split('\n');
    assert.equal(lines.length, 40);
    lines.forEach((line, i) => {
      const { fileName, truth } = JSON.parse(line) as { fileName: string; truth: unknown };
      const t = Truth.parse(truth);
      assert.equal(fileName, `r${String(i).padStart(6, '0')}_${t.region.code}_${t.year}.txt`);
      assert.equal(readFileSync(join(a, fileName), 'utf8'), generateReport(5, i).text);
    });
    assert.ok(s.passages / s.count > 22 && s.passages / s.count < 40, `passages per report ${s.passages / s.count}`);
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

test('a corpus written in shards (parallel jobs) is byte-identical to one written at once', () => {
  const a = mkdtempSync(join(tmpdir(), 'cg-one-'));
  const b = mkdtempSync(join(tmpdir(), 'cg-shards-'));
  try {
    generateCorpus({ count: 25, seed: 8, out: a, mess: 0.5 });
    clearCorpus(b);
    for (let k = 0; k < 3; k++) generateCorpus({ count: 25, seed: 8, out: b, mess: 0.5, shard: { index: k, of: 3 } });
    mergeTruthParts(b, 3);
    assert.equal(digest(a), digest(b));
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});
