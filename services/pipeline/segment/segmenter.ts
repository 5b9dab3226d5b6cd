// The one segmenter used at index time and at query time. Backends never analyse
// text themselves: they store and score the token streams this module produces,
// and an index records `signature` so that a mismatch is refused, not silently mis-ranked.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict as defaultDict } from '@node-rs/jieba/dict.js';
import { fold } from './fold.js';
import { bigrams } from './grams.js';

export interface Segmenter {
  /** Identifies dictionary, mode and normalisation; equal signatures give equal tokens. */
  readonly signature: string;
  /** Word tokens of already folded text, punctuation and spaces dropped. */
  words(folded: string): string[];
  /** Character bigram tokens of already folded text. */
  grams(folded: string): string[];
}

const DOMAIN_DICT = fileURLToPath(new URL('./domain.dict', import.meta.url));
// Punctuation, symbols and white space never become word tokens.
const NOT_A_WORD = /^[\p{P}\p{S}\p{Z}\s]+$/u;

function jiebaVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('@node-rs/jieba/package.json') as { version: string }).version;
}

// ASCII quotes are query syntax in every engine; inside tokens they become their
// full-width forms, the same way at index and query time.
const safeToken = (t: string) => t.replace(/"/g, '\uff02').replace(/'/g, '\uff07');

let shared: Segmenter | undefined;

/** The project's segmenter: @node-rs/jieba, precise mode without HMM, plus the domain dictionary. */
export function segmenter(): Segmenter {
  if (shared) return shared;
  const domain = readFileSync(DOMAIN_DICT);
  const jieba = Jieba.withDict(defaultDict);
  jieba.loadDict(domain);
  const dictHash = createHash('sha256').update(domain).digest('hex').slice(0, 12);
  // HMM off: new-word guessing depends on context, so the same phrase could be cut
  // differently in a report and in a query. Recall never depends on words anyway (grams do).
  const signature = `jieba@${jiebaVersion()};dict=${dictHash};mode=precise-nohmm;grams=2;fold=v1;quotes=fw`;
  shared = {
    signature,
    words: (folded) => jieba.cut(folded, false).filter((t) => !NOT_A_WORD.test(t)).map(safeToken),
    grams: (folded) => bigrams(folded).map(safeToken),
  };
  return shared;
}

export { fold };
