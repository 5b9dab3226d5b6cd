// Copy rate of one report against another, sentence by sentence: a sentence of A is copied
// when B has the same normal form (identical) or a signature agreeing in NEAR of SIG values
// (nearly the same). Boilerplate sentences — the format's standard sentences, found from the
// corpus (corpus.ts) — are counted apart: copyRate is the share of A's other narrative
// characters that stand in B, boilerplateShare the share of A's characters that are standard.
import { z } from 'zod';
import { hashOf, MIN_CHARS, NEAR, SIG, signature, type Sentence } from './sentences.js';

/** Sentences of one report as compared: hashes, lengths (characters of the normal form) and signatures. */
export interface Features {
  hash: Uint32Array;
  len: Uint16Array;
  sig: Uint16Array;
}

export function featuresOf(sentences: readonly Sentence[]): { features: Features; kept: Sentence[] } {
  const kept = sentences.filter((s) => s.norm.length >= MIN_CHARS);
  const f: Features = { hash: new Uint32Array(kept.length), len: new Uint16Array(kept.length), sig: new Uint16Array(kept.length * SIG) };
  kept.forEach((s, i) => {
    f.hash[i] = hashOf(s.norm);
    f.len[i] = Math.min(65535, s.norm.length);
    signature(s.norm, f.sig, i * SIG);
  });
  return { features: f, kept };
}

export const PairCopy = z.object({
  /** Share (0–1) of the report's non-boilerplate narrative characters in sentences that also stand in the other report. */
  copyRate: z.number().min(0).max(1),
  /** Share (0–1) of the report's narrative characters in the format's standard sentences, counted apart. */
  boilerplateShare: z.number().min(0).max(1),
  narrativeChars: z.number().int(),
  boilerplateChars: z.number().int(),
  copiedChars: z.number().int(),
});
export type PairCopy = z.infer<typeof PairCopy>;

export const MATCH_NONE = -1;

/** Whether A's sentence i is nearly B's sentence j. */
function near(a: Features, i: number, b: Features, j: number): boolean {
  const la = a.len[i]!;
  const lb = b.len[j]!;
  if (la * 10 < lb * 6 || lb * 10 < la * 6) return false;
  let same = 0;
  const ai = i * SIG;
  const bj = j * SIG;
  for (let k = 0; k < SIG; k++) if (a.sig[ai + k] === b.sig[bj + k]) same++;
  return same >= NEAR;
}

/**
 * For each of A's sentences: the B sentence it matches (identical preferred), or MATCH_NONE;
 * `exact[i]` says whether the match is identical.
 */
export function matchSentences(a: Features, b: Features): { match: Int32Array; exact: Uint8Array } {
  const match = new Int32Array(a.hash.length).fill(MATCH_NONE);
  const exact = new Uint8Array(a.hash.length);
  const nb = b.hash.length;
  for (let i = 0; i < a.hash.length; i++) {
    const h = a.hash[i]!;
    let nearJ = MATCH_NONE;
    for (let j = 0; j < nb; j++) {
      if (b.hash[j] === h) {
        match[i] = j;
        exact[i] = 1;
        break;
      }
      if (nearJ === MATCH_NONE && near(a, i, b, j)) nearJ = j;
    }
    if (match[i] === MATCH_NONE) match[i] = nearJ;
  }
  return { match, exact };
}

export function pairCopy(a: Features, b: Features, boilerplate: ReadonlySet<number>): PairCopy {
  const { match } = matchSentences(a, b);
  let total = 0;
  let boiler = 0;
  let copied = 0;
  for (let i = 0; i < a.hash.length; i++) {
    const l = a.len[i]!;
    total += l;
    if (boilerplate.has(a.hash[i]!)) boiler += l;
    else if (match[i] !== MATCH_NONE) copied += l;
  }
  const own = total - boiler;
  return {
    copyRate: own > 0 ? copied / own : 0, boilerplateShare: total > 0 ? boiler / total : 0,
    narrativeChars: total, boilerplateChars: boiler, copiedChars: copied,
  };
}
