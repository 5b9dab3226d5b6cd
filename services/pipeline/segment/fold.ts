// Matching form of text: full-width ASCII to half-width, ideographic space to space,
// Latin to lower case. Strictly one character in, one character out, so offsets found
// in the folded text are offsets in the clean text too (highlights need no mapping).

export function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0).toLowerCase();
  if (c === 0x3000) return ' ';
  if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
  return ch;
}

/** Exactly the characters foldChar changes (UTF-16 units, as fold walks them). */
const FOLDABLE = /[\uff01-\uff5e\u3000A-Z]/g;

export function fold(text: string): string {
  // Every unit maps to one unit, surrogates pass through; most text has nothing to fold.
  return text.replace(FOLDABLE, foldChar);
}
