// Text that remembers where each of its characters came from in the original,
// so that passages and citations can point into the text as read while search
// works on the cleaned text.

export interface MappedText {
  readonly text: string;
  /** map[i] is the offset in the original text of text[i]; map[text.length] is the original length. */
  readonly map: Int32Array;
  /**
   * Original offsets of characters that open a paragraph for a reason a later normalizer can no
   * longer see, because an earlier one removed it: the first character of a list item whose
   * bullet is gone. The line joiner never joins a line starting with one onto the line before.
   */
  readonly paragraphStarts: ReadonlySet<number>;
}

export function mapped(original: string): MappedText {
  const map = new Int32Array(original.length + 1);
  for (let i = 0; i <= original.length; i++) map[i] = i;
  return { text: original, map, paragraphStarts: new Set() };
}

/**
 * Rewrites every match of `re` (which must be global): `fn` returns the replacement,
 * or undefined to keep the match. Kept characters keep their origin; the characters
 * of a replacement all point at the start of what they replace. When nothing is
 * replaced the input itself is returned, so a normalizer with nothing to do costs one scan.
 */
export function rewrite(
  m: MappedText,
  re: RegExp,
  fn: (match: RegExpExecArray, text: string) => string | undefined,
): MappedText {
  if (!re.global) throw new Error('rewrite needs a global RegExp');
  const src = m.text;
  const parts: string[] = [];
  let map: Int32Array | null = null;
  let n = 0; // characters written
  let last = 0;
  const room = (extra: number) => {
    if (n + extra + 1 <= map!.length) return;
    const bigger = new Int32Array(Math.max(map!.length * 2, n + extra + 1));
    bigger.set(map!.subarray(0, n));
    map = bigger;
  };
  const keep = (from: number, to: number) => {
    parts.push(src.slice(from, to));
    room(to - from);
    map!.set(m.map.subarray(from, to), n);
    n += to - from;
  };
  re.lastIndex = 0;
  for (let match = re.exec(src); match; match = re.exec(src)) {
    if (match[0].length === 0) { re.lastIndex++; continue; }
    const replacement = fn(match, src);
    if (replacement === undefined) continue;
    map ??= new Int32Array(src.length + 1);
    keep(last, match.index);
    parts.push(replacement);
    room(replacement.length);
    map.fill(m.map[match.index]!, n, n + replacement.length);
    n += replacement.length;
    last = match.index + match[0].length;
  }
  if (map === null) return m;
  keep(last, src.length);
  map[n] = m.map[src.length]!;
  return { text: parts.join(''), map: map.subarray(0, n + 1), paragraphStarts: m.paragraphStarts };
}

/** Original offsets [start, end) of the clean range [from, to). */
export function originalRange(m: MappedText, from: number, to: number): [number, number] {
  if (to <= from) return [m.map[from]!, m.map[from]!];
  return [m.map[from]!, m.map[to - 1]! + 1];
}
