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
      const [start, end] = originalRange(m, a, b);
      out.push({ section: s.type, ordinal: out.length + 1, text: piece, start, end });
    }
  }
  return out;
}
