// The association and keyness measures, as formulas and nothing else (docs/corpus-analysis.md
// gives each with its reference). Natural logarithms for G², base 2 for MI, log ratio and logDice.

const xlnx = (o: number, e: number) => (o > 0 ? o * Math.log(o / e) : 0);

/**
 * Collocation of a node and a collocate from the 2×2 table of surface co-occurrence (Evert 2008):
 * o11 co-occurrences, window tokens r1 (all positions in the node's windows), collocate frequency c1,
 * corpus size n.
 */
export function association(o11: number, r1: number, c1: number, n: number, nodeFreq: number) {
  const o12 = r1 - o11;
  const o21 = c1 - o11;
  const o22 = n - r1 - c1 + o11;
  const r2 = n - r1;
  const c2 = n - c1;
  const e11 = (r1 * c1) / n;
  const g2 = 2 * (xlnx(o11, e11) + xlnx(o12, (r1 * c2) / n) + xlnx(o21, (r2 * c1) / n) + xlnx(o22, (r2 * c2) / n));
  return {
    expected: e11,
    mi: Math.log2(o11 / e11),
    // Signed like Evert's: negative when the pair occurs less often than expected.
    g2: o11 >= e11 ? g2 : -g2,
    t: (o11 - e11) / Math.sqrt(o11),
    logDice: 14 + Math.log2((2 * o11) / (nodeFreq + c1)),
  };
}

/** Zero frequencies in log ratio (Hardie 2014) and %DIFF (Gabrielatos & Marchi 2012). */
const LOG_RATIO_ZERO = 0.5;
const PERCENT_DIFF_ZERO = 1e-18;

/** Keyness of a term with frequency a in slice A (size c words) against b in slice B (size d words). */
export function keyness(a: number, b: number, c: number, d: number) {
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  const ll = 2 * (xlnx(a, e1) + xlnx(b, e2));
  const na = a / c;
  const nb = b / d;
  return {
    ll,
    logRatio: Math.log2(((a || LOG_RATIO_ZERO) / c) / ((b || LOG_RATIO_ZERO) / d)),
    percentDiff: ((na - nb) * 100) / (nb || PERCENT_DIFF_ZERO),
    /** Relatively more frequent in A. */
    positive: na > nb,
  };
}

/**
 * Gries' DP (2008): half the sum over the parts of |observed share − expected share|, where a
 * part's expected share is its size over the corpus size. `counts` and `sizes` per part.
 */
export function griesDp(counts: ArrayLike<number>, sizes: ArrayLike<number>): number {
  let f = 0;
  let total = 0;
  for (let i = 0; i < counts.length; i++) { f += counts[i]!; total += sizes[i]!; }
  if (!f || !total) return 0;
  let sum = 0;
  for (let i = 0; i < counts.length; i++) sum += Math.abs(counts[i]! / f - sizes[i]! / total);
  return sum / 2;
}

/** Rounded for display and for comparing both backends' tables (they agree to far more digits). */
export const round = (x: number, digits = 4) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);
