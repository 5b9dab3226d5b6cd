// STUB — to be replaced by the passage splitter.
import type { SectionType } from '../../core/schema.js';
import { originalRange, type MappedText } from '../normalize/index.js';
import type { SectionSpan } from '../sections/index.js';

export interface PassageSpan { section: SectionType; ordinal: number; text: string; start: number; end: number }

/** Narrative paragraphs (statistics excluded), with offsets into the ORIGINAL text. */
export function splitPassages(m: MappedText, sections: SectionSpan[]): PassageSpan[] {
  const out: PassageSpan[] = [];
  for (const s of sections) {
    const re = /[^\n]+/g;
    const body = m.text.slice(s.start, s.end);
    for (let x = re.exec(body); x; x = re.exec(body)) {
      const text = x[0].trim();
      if (text.length < 2 || text.includes('\t')) continue;
      const from = s.start + x.index;
      const [start, end] = originalRange(m, from, from + x[0].length);
      out.push({ section: s.type, ordinal: out.length + 1, text, start, end });
    }
  }
  return out;
}
