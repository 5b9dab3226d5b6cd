// The brute force the corpus-analysis tests compare against: every report read back whole,
// its passages cut into sentences and clauses by the text's own punctuation and each clause
// segmented on its own, then counted with plain loops and the textbook formulas.
import { fold } from '../../services/pipeline/segment/fold.js';
import { segmenter } from '../../services/pipeline/segment/segmenter.js';
import type { StoredReport } from '../../services/search/backend.js';

export interface BrutePassage {
  report: StoredReport;
  section: string;
  /** Sentences, each a list of clauses, each a list of words. */
  sentences: string[][][];
}

const SENTENCE = /[。！？；!?;\n]/;
const CLAUSE = /[^\p{L}\p{N}+#&._%\-\s]/u;

export function brutePassages(reports: StoredReport[]): BrutePassage[] {
  const seg = segmenter();
  const out: BrutePassage[] = [];
  for (const report of reports) {
    for (const p of report.passages) {
      const sentences = fold(p.text).split(SENTENCE)
        .map((s) => s.split(CLAUSE).map((c) => seg.words(c)).filter((c) => c.length > 0))
        .filter((s) => s.length > 0);
      out.push({ report, section: p.section, sentences });
    }
  }
  return out;
}

/** All words of a passage in order. */
export const wordsOf = (p: BrutePassage) => p.sentences.flat(2);

/** Sentence number of each word of a passage. */
export const sentenceOf = (p: BrutePassage) => p.sentences.flatMap((s, k) => s.flat().map(() => k));

export function findAll(words: string[], node: string[]): number[] {
  const at: number[] = [];
  for (let i = 0; i + node.length <= words.length; i++) {
    if (node.every((w, j) => words[i + j] === w)) { at.push(i); i += node.length - 1; }
  }
  return at;
}
