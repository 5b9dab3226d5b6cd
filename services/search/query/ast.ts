// What a query means, independent of any engine. Both backends compile this.
import type { Filters } from '../types.js';
import type { Warning } from './warnings.js';

export interface Term {
  /** Folded text the term stands for, used for highlighting and concordance. */
  text: string;
  /** jieba tokens of the term, for ranking. */
  words: string[];
  /** Character bigrams whose phrase finds the term as a verbatim substring. */
  grams: string[];
  /** Quoted by the user: matched as one exact string, never split into words. */
  exact: boolean;
}

export interface Query {
  /** All groups are required; a group matches when any of its terms does. Empty: match all. */
  groups: Term[][];
  exclude: Term[];
  filters: Partial<Filters>;
  /** The whole query as one string, when passages containing it verbatim should rank first. */
  phrase: Term | null;
  /** Things the parser did not take literally, said to the user (a code and a Chinese sentence). */
  warnings: Warning[];
  /** Canonical rendering of the query, shown back to the user. */
  understood: string;
}

export const positiveTerms = (q: Query): Term[] => q.groups.flat();
