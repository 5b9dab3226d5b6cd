// Test support: which hand-written form of a canonical statement (corpus-gen) a planted
// wording was rendered from, and pairwise precision / recall of a clustering against labels.
import { IMPROVEMENT_STATEMENTS, IMPROVEMENT_TAILS, PROBLEM_STATEMENTS, PROBLEM_TAILS } from '../../services/corpus-gen/problems.js';
import type { Tpl } from '../../services/corpus-gen/template.js';

interface PartLike { k: number; s: string; alt: PartLike[][] | null }
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function source(parts: readonly PartLike[]): string {
  return parts.map((p) => {
    switch (p.k) {
      case 0: return escape(p.s); // literal
      case 3: return `(?:${p.alt!.map(source).join('|')})`; // [a|b]
      case 2: return '\\d+'; // {3-40}
      default: return '.*?'; // {var}
    }
  }).join('');
}
const tpl = (t: Tpl) => source(t as unknown as PartLike[]);

const build = (list: typeof PROBLEM_STATEMENTS, tails: readonly Tpl[]) => {
  const tail = `(?:${tails.map(tpl).join('|')})?`;
  return new Map(list.map((s) => [s.id, s.forms.map((f) => new RegExp(`^${tpl(f)}${tail}$`))]));
};
const FORMS = new Map([...build(PROBLEM_STATEMENTS, PROBLEM_TAILS), ...build(IMPROVEMENT_STATEMENTS, IMPROVEMENT_TAILS)]);

/** Undoes the generator's half-width punctuation style. */
const fullPunct = (s: string) => s.replace(/[,;:()]/g, (c) => ({ ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' })[c]!);

/** `P07#1`: the canonical id and the index of the form the wording was rendered from. */
export function formOf(id: string, text: string): string {
  const forms = FORMS.get(id);
  if (!forms) throw new Error(`unknown statement id ${id}`);
  const t = fullPunct(text);
  const i = forms.findIndex((re) => re.test(t));
  return `${id}#${i < 0 ? '?' : i}`;
}

export interface PairScores { precision: number; recall: number; pairsInClusters: number; pairsInLabels: number }

/** Pairwise precision and recall of cluster ids against label ids (parallel arrays), in O(n). */
export function pairScores(cluster: ArrayLike<number | string>, label: ArrayLike<string>, precisionLabel: ArrayLike<string> = label): PairScores {
  const c2 = (n: number) => (n * (n - 1)) / 2;
  const count = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m.values()].reduce((a, n) => a + c2(n), 0);
  };
  const n = label.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  const sameCluster = count(idx.map((i) => String(cluster[i])));
  const sameLabel = count(idx.map((i) => label[i]!));
  const bothP = count(idx.map((i) => `${cluster[i]}\u0000${precisionLabel[i]}`));
  const bothR = count(idx.map((i) => `${cluster[i]}\u0000${label[i]}`));
  return {
    precision: sameCluster ? bothP / sameCluster : 1, recall: sameLabel ? bothR / sameLabel : 1,
    pairsInClusters: sameCluster, pairsInLabels: sameLabel,
  };
}
