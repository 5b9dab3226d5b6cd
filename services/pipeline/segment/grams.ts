// Character bigrams back every word: a substring of two or more characters is found as
// the phrase of its consecutive bigrams, however jieba happened to cut the text around it.
// White space inside a bigram is written as U+2423 so that no backend re-splits a token.

const SPACE = '\u2423';

/** Bigrams of folded text, one per code point position (a lone final character yields none). */
export function bigrams(folded: string): string[] {
  // After this the only white space left is single spaces, shown as SPACE.
  const s = folded.replace(/\s+/g, ' ').trim();
  const out: string[] = [];
  let prev = '';
  // Code points as Array.from(s) gives them: a surrogate pair is one, a lone surrogate too.
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const ch = c === 0x20 ? SPACE : pair ? s.slice(i, i + 2) : s[i]!;
    i += pair ? 2 : 1;
    if (prev) out.push(prev + ch);
    prev = ch;
  }
  return out;
}
