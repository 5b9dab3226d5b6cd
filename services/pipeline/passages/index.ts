// Passages: the narrative paragraphs of a report, each in one section. A paragraph is a line
// of the clean text (normalize has joined broken lines); a line crossing a section boundary
// (problems turning into improvements mid-paragraph) becomes two passages. Statistics spans
// and headings standing alone on their line yield no passage.
import type { SectionType } from '../../core/schema.js';
import { originalRange, type MappedText } from '../normalize/index.js';
import type { SectionSpan } from '../sections/index.js';

export interface PassageSpan { section: SectionType; ordinal: number; text: string; start: number; end: number }

/** Pieces with fewer word characters ("无。", a stray mark) are not passages. */
const MIN_LENGTH = 2;
const PUNCTUATION = /[\p{P}\p{S}\s]/gu;
const isSpace = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 10;

/**
 * The longest passage. A report saved on one line would otherwise be one passage of
 * megabytes, which every search matching it would highlight and send whole.
 */
export const MAX_PASSAGE_CHARS = 2000;
const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';']);

/**
 * `text[a, b)` cut into pieces of at most MAX_PASSAGE_CHARS, each ending at the last sentence
 * end that fits (else at the bound, never inside a surrogate pair); spaces at the cuts are
 * dropped. Linear: each character is looked at a bounded number of times.
 */
export function boundedPieces(text: string, a: number, b: number, max = MAX_PASSAGE_CHARS): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  while (b - a > max) {
    let cut = a + max;
    while (cut > a + max / 2 && !SENTENCE_END.has(text[cut - 1]!)) cut--;
    if (!SENTENCE_END.has(text[cut - 1]!)) {
      cut = a + max;
      const c = text.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut--;
    }
    let end = cut;
    while (end > a && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > a) out.push([a, end]);
    a = cut;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
  }
  if (b > a) out.push([a, b]);
  return out;
}

/** Narrative paragraphs (statistics excluded), with offsets into the ORIGINAL text. */
export function splitPassages(m: MappedText, sections: SectionSpan[]): PassageSpan[] {
  const out: PassageSpan[] = [];
  const text = m.text;
  for (const s of sections) {
    if (s.type === 'statistics') continue;
    let firstLine = true;
    for (let pos = s.start; pos < s.end;) {
      const nl = text.indexOf('\n', pos);
      const stop = nl < 0 || nl > s.end ? s.end : nl;
      let a = pos;
      let b = stop;
      while (a < b && isSpace(text.charCodeAt(a))) a++;
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
      pos = stop + 1;
      if (a === b) continue;
      const piece = text.slice(a, b);
      const headingAlone = firstLine && piece === s.heading;
      firstLine = false;
      if (headingAlone || piece.includes('\t') || (piece.length < 8 && piece.replace(PUNCTUATION, '').length < MIN_LENGTH)) continue;
      for (const [x, y] of boundedPieces(text, a, b)) {
        const [start, end] = originalRange(m, x, y);
        out.push({ section: s.type, ordinal: out.length + 1, text: text.slice(x, y), start, end });
      }
    }
  }
  return out;
}
