// Text that remembers where each of its characters came from in the original,
// so that passages and citations can point into the text as read while search
// works on the cleaned text.

export interface MappedText {
  readonly text: string;
  /** map[i] is the offset in the original text of text[i]; map[text.length] is the original length. */
  readonly map: Int32Array;
}

export function mapped(original: string): MappedText {
  const map = new Int32Array(original.length + 1);
  for (let i = 0; i <= original.length; i++) map[i] = i;
  return { text: original, map };
}

/**
 * Rewrites every match of `re` (which must be global): `fn` returns the replacement,
 * or undefined to keep the match. Kept characters keep their origin; the characters
 * of a replacement all point at the start of what they replace.
 */
export function rewrite(
  m: MappedText,
  re: RegExp,
  fn: (match: RegExpExecArray, text: string) => string | undefined,
): MappedText {
  if (!re.global) throw new Error('rewrite needs a global RegExp');
  let text = '';
  const map: number[] = [];
  let last = 0;
  const keep = (from: number, to: number) => {
    text += m.text.slice(from, to);
    for (let i = from; i < to; i++) map.push(m.map[i]!);
  };
  re.lastIndex = 0;
  for (let match = re.exec(m.text); match; match = re.exec(m.text)) {
    if (match[0].length === 0) { re.lastIndex++; continue; }
    const replacement = fn(match, m.text);
    if (replacement === undefined) continue;
    keep(last, match.index);
    text += replacement;
    for (let i = 0; i < replacement.length; i++) map.push(m.map[match.index]!);
    last = match.index + match[0].length;
  }
  keep(last, m.text.length);
  map.push(m.map[m.text.length]!);
  return { text, map: Int32Array.from(map) };
}

/** Original offsets [start, end) of the clean range [from, to). */
export function originalRange(m: MappedText, from: number, to: number): [number, number] {
  if (to <= from) return [m.map[from]!, m.map[from]!];
  return [m.map[from]!, m.map[to - 1]! + 1];
}
