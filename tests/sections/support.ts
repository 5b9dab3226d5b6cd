// Shared by the section tests: parse a text, find the one passage holding a substring,
// and check that passage offsets point at the passage in the original text.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParsedReport, Passage, SectionType } from '../../services/core/schema.js';
import { parseText } from '../../services/pipeline/parse.js';
import { fold } from '../../services/pipeline/segment/fold.js';

/** The shared corpus of real reports, next to the repository. */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/reports/', import.meta.url));
export const HAVE_CORPUS = existsSync(CORPUS);

export function readReport(prefix: string): string {
  const name = readdirSync(CORPUS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  assert.ok(name, `no report ${prefix}* in ${CORPUS}`);
  return readFileSync(CORPUS + name, 'utf8');
}

export function parse(text: string): ParsedReport {
  return parseText(text);
}

/** The single passage containing `needle`. */
export function passageWith(r: ParsedReport, needle: string): Passage {
  const found = r.passages.filter((p) => p.text.includes(needle));
  assert.equal(found.length, 1, `expected one passage with ${needle}, found ${found.length}`);
  return found[0]!;
}

export function sectionOf(r: ParsedReport, needle: string): SectionType {
  return passageWith(r, needle).section;
}

export function noPassageWith(r: ParsedReport, needle: string): void {
  const found = r.passages.filter((p) => p.text.includes(needle));
  assert.equal(found.length, 0, `no passage should contain ${needle}: ${found.map((p) => p.text.slice(0, 40)).join(' | ')}`);
}

/** Extraction artefacts the clean text drops, and whitespace, removed for comparison. */
const squash = (s: string) => fold(s).replace(/\[bookmark:[^\]]*\]|\*\*|\s+/g, '');

/** Every passage: ordinals 1..n, no statistics, offsets covering exactly its characters. */
export function checkPassages(original: string, r: ParsedReport): void {
  r.passages.forEach((p, i) => {
    assert.equal(p.ordinal, i + 1);
    assert.equal(p.id, `p${i + 1}`);
    assert.notEqual(p.section, 'statistics');
    assert.ok(p.start < p.end && p.end <= original.length);
    assert.equal(squash(original.slice(p.start, p.end)), squash(p.text), `offsets of p${p.ordinal}`);
  });
}
