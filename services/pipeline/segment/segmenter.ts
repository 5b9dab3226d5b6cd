// The one segmenter used at index time and at query time. Backends never analyse
// text themselves: they store and score the token streams this module produces,
// and an index records `signature` so that a mismatch is refused, not silently mis-ranked.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict as defaultDict } from '@node-rs/jieba/dict.js';
import { ROOT } from '../../paths.js';
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

// From the package root, not this file: in the bundle (dist/) this code lives elsewhere.
const DOMAIN_DICT = join(ROOT, 'services', 'pipeline', 'segment', 'domain.dict');
// Punctuation, symbols and white space never become word tokens.
const NOT_A_WORD = /^[\p{P}\p{S}\p{Z}\s]+$/u;

function jiebaVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('@node-rs/jieba/package.json') as { version: string }).version;
}

// ASCII quotes are query syntax in every engine; inside tokens they become their
// full-width forms, the same way at index and query time.
const safeToken = (t: string) => t.replace(/"/g, '\uff02').replace(/'/g, '\uff07');
/** Tokens are substrings of the text: when it has no ASCII quote, none of them needs safeToken. */
const hasQuote = (text: string) => text.includes('"') || text.includes("'");

/**
 * !NOT_A_WORD.test(t), without the Unicode regex for the usual tokens: one whose first
 * character is an ideograph or an ASCII letter or digit (none of them P, S, Z or space) is a word.
 */
function isWord(t: string): boolean {
  const c = t.charCodeAt(0);
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)) return true;
  return !NOT_A_WORD.test(t);
}

function wordTokens(jieba: Jieba, folded: string): string[] {
  const quoted = hasQuote(folded);
  const out: string[] = [];
  for (const t of jieba.cut(folded, false)) if (isWord(t)) out.push(quoted ? safeToken(t) : t);
  return out;
}

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
    words: (folded) => wordTokens(jieba, folded),
    grams: (folded) => (hasQuote(folded) ? bigrams(folded).map(safeToken) : bigrams(folded)),
  };
  return shared;
}

export { fold };
