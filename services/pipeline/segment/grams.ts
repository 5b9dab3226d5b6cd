// Character bigrams back every word: a substring of two or more characters is found as
// the phrase of its consecutive bigrams, however jieba happened to cut the text around it.
// White space inside a bigram is written as U+2423 so that no backend re-splits a token.

const SPACE = '\u2423';
const visible = (ch: string) => (/\s/.test(ch) ? SPACE : ch);

/** Bigrams of folded text, one per code point position (a lone final character yields none). */
export function bigrams(folded: string): string[] {
  const chars = Array.from(folded.replace(/\s+/g, ' ').trim(), visible);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}
