// Section types of the labelled lines of the real development set (../shared/corpus/dev),
// through the same mapping as scripts/eval-sections.ts: every label is asserted, and a miss
// outside KNOWN_MISSES fails the test with the list of misses. A known miss that is right
// again fails too, so the list never hides a regression behind a fix.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { DEV_DIR, evaluate, readLineLabels } from '../../scripts/eval-sections.js';

const skip = existsSync(DEV_DIR) ? false : 'the development corpus (../shared/corpus/dev) is not here';

/** Lines still wrong, with why: `file:line`. */
const KNOWN_MISSES = new Map<string, string>([]);

describe('section types of the labelled dev lines', { skip }, () => {
  const outcomes = skip ? [] : evaluate(readLineLabels());

  test('at least 300 labelled lines', () => assert.ok(outcomes.length >= 300, `${outcomes.length} labels`));

  test('every labelled line has its type (known misses aside)', () => {
    const wrong = outcomes.filter((o) => !o.ok && !KNOWN_MISSES.has(`${o.file}:${o.line}`));
    assert.deepEqual(wrong.map((o) => `${o.file}:${o.line} want ${o.want} got ${o.got}`), []);
  });

  test('known misses are still misses (remove them from the list once fixed)', () => {
    const fixed = outcomes.filter((o) => o.ok && KNOWN_MISSES.has(`${o.file}:${o.line}`));
    assert.deepEqual(fixed.map((o) => `${o.file}:${o.line}`), []);
  });

  test('problems and improvements are told apart', () => {
    const pi = outcomes.filter((o) => o.want === 'problems' || o.want === 'improvements');
    assert.ok(pi.length > 0);
    assert.deepEqual(pi.filter((o) => !o.ok).map((o) => `${o.file}:${o.line} want ${o.want} got ${o.got}`), []);
  });
});
