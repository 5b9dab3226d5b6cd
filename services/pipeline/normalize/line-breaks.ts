// Hard line breaks inside paragraphs, left by PDF extraction (even across a page break,
// which leaves a blank line). A break is joined when the line before does not end its
// sentence and the line after does not start a heading, a list item or a table row.
import { CLAUSE_END, PARAGRAPH_START, SENTENCE_END } from './chars.js';
import { rewrite, type MappedText } from './mapped-text.js';

// Headings are short; a longer line that starts with a marker is a paragraph.
const HEADING_MAX = 40;
// A line must be at least this long to continue across a blank line (a page break).
const PAGE_BREAK_MIN = 20;

/** A short marked line with no full stop inside; "一是…" items are sentences, never headings. */
function isHeading(line: string): boolean {
  return PARAGRAPH_START.test(line) && line.length < HEADING_MAX && !line.includes('。') && !/^[一二三四五六七八九十]+是/.test(line);
}

function lineAround(text: string, at: number, dir: -1 | 1): string {
  if (dir < 0) return text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  const end = text.indexOf('\n', at);
  return text.slice(at, end < 0 ? text.length : end);
}

export const joinBrokenLines = (m: MappedText) =>
  rewrite(m, /\n(?:[ \t]*\n)*/g, (match, text) => {
    const before = lineAround(text, match.index, -1).trimEnd();
    const after = lineAround(text, match.index + match[0].length, 1).trimStart();
    const blank = match[0].length > 1;
    if (!before.trim() || !after) return undefined;
    if (before.includes('\t') || after.includes('\t')) return undefined;
    if (SENTENCE_END.test(before)) return undefined;
    if (PARAGRAPH_START.test(after)) return undefined;
    const a = before.at(-1) ?? '';
    const joiner = /[A-Za-z0-9]/.test(a) && /[A-Za-z0-9]/.test(after[0] ?? '') ? ' ' : '';
    // A line ending in a comma or an enumeration comma stops mid-sentence, heading or not
    // ("（二）加强载体建设，" / "成员：张三、李四、"), however short.
    if (CLAUSE_END.test(before)) return joiner;
    const isFirstLine = text.lastIndexOf('\n', match.index - 1) < 0;
    const headingLike = isHeading(before.trim()) || isFirstLine || /报告$|统计表$/.test(before);
    if (headingLike) {
      // A heading broken before its last few characters ("…的情\n况") is still joined.
      if (!(after.length <= 3 && before.length >= 10 && !blank)) return undefined;
      return '';
    }
    // Across a blank line only from a long line that stops mid-sentence.
    if (blank && before.trim().length < PAGE_BREAK_MIN) return undefined;
    return joiner;
  });
