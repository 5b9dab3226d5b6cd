// A passage's token stream for corpus analysis: its word tokens in order, with the marks of
// where a sentence ends (。！？；…) and where a clause breaks (，、：…). Words drop punctuation,
// so the marks are recovered once, at ingest, by aligning the words with the folded text —
// never by segmenting again. Both backends store exactly this stream (as ids or as a string),
// so collocates, keywords, n-grams and dispersion count the same tokens on either.
import { fold } from '../../pipeline/segment/fold.js';

/** The mark tokens. A word token never consists of punctuation alone, so they cannot collide with one. */
export const SENTENCE_END = '。';
export const CLAUSE_BREAK = '，';
export const isMark = (t: string) => t === SENTENCE_END || t === CLAUSE_BREAK;

// On the folded text (！？； are folded to !?;). A clause breaks at any character jieba itself
// treats as a separator — everything but letters (ideographs among them), digits, +#&._%- and
// white space — so "2.5%" or "A-1" inside a clause never break it.
const SENTENCE_PUNCT = /[。！？；!?;\n]/;
const OTHER_PUNCT = /[^\p{L}\p{N}+#&._%\-\s]/u;

/** The segmenter turns ASCII quotes inside tokens into full-width ones (segmenter.ts); undo that to find a token. */
const unsafe = (t: string) => t.replace(/\uff02/g, '"').replace(/\uff07/g, "'");

/**
 * The stream of one passage, space-joined: `words` (the segmenter's, space-joined) with a
 * mark token between two words whose gap in the text holds punctuation. No mark at either end.
 */
export function tokenStream(text: string, words: string): string {
  if (!words) return '';
  const folded = fold(text);
  const out: string[] = [];
  let cursor = 0;
  for (const w of words.split(' ')) {
    let at = folded.indexOf(w, cursor);
    if (at < 0) at = folded.indexOf(unsafe(w), cursor);
    if (at >= 0) {
      const gap = folded.slice(cursor, at);
      if (out.length && SENTENCE_PUNCT.test(gap)) out.push(SENTENCE_END);
      else if (out.length && OTHER_PUNCT.test(gap)) out.push(CLAUSE_BREAK);
      cursor = at + w.length;
    }
    out.push(w);
  }
  return out.join(' ');
}
