// Sections of a report: the outline's labelled lines grouped into spans of one type.
// A span opens at every heading and wherever the type changes (a table inside a section,
// the sentence where problems turn into improvements); spans cover the clean text.
import type { SectionType } from '../../core/schema.js';
import type { MappedText } from '../normalize/index.js';
import { outline } from './outline.js';

/**
 * A section in clean-text offsets. `heading` opens the span at `start`: when it stands alone on
 * its line it is exactly that line (which then yields no passage); when text follows on the same
 * line it is the heading phrase; null for a span opened by a change of type.
 */
export interface SectionSpan { type: SectionType; heading: string | null; start: number; end: number }

/** Sections of the clean text, in order, covering it; offsets are clean-text offsets. */
export function splitSections(m: MappedText): SectionSpan[] {
  const spans: SectionSpan[] = [];
  let cur: SectionSpan | undefined;
  let headingOnly = false; // cur holds nothing but its heading so far
  const open = (type: SectionType, heading: string | null, at: number) => {
    if (cur) cur.end = at;
    cur = { type, heading, start: spans.length === 0 ? 0 : at, end: m.text.length };
    spans.push(cur);
  };
  for (const line of outline(m.text)) {
    if (line.heading !== null) {
      open(line.type, line.heading, line.start);
      headingOnly = line.alone;
    } else if (cur && line.type === cur.type) {
      headingOnly = false;
    } else if (cur && headingOnly && line.type === 'statistics') {
      // "二、主动公开政府信息情况" followed only by its table: the whole part is statistics.
      cur.type = 'statistics';
      headingOnly = false;
    } else {
      open(line.type, null, line.start);
      headingOnly = false;
    }
    for (const t of line.turns) open(t.side, null, t.at);
  }
  if (spans.length === 0) return [{ type: 'other', heading: null, start: 0, end: m.text.length }];
  return spans;
}
