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

export function fold(text: string): string {
  let out = '';
  // Iterate UTF-16 units: every unit maps to one unit, surrogates pass through.
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}
