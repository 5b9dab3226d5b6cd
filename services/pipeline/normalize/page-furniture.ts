// Page numbers and running headers repeated by PDF extraction on every page.
import { SENTENCE_END, TABLE_CELL } from './chars.js';
import { rewrite, type MappedText } from './mapped-text.js';

const PAGE_NUMBER = /^[ \t]*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|\d{1,3})[ \t]*$\n?/gm;

/** The nearest non-blank line ending before the line that starts at `at`. */
function lineBefore(text: string, at: number): string {
  // `e` is the line break ending the line looked at; at 0 that line is empty and the first one.
  // (Going on at 0 looped forever: lastIndexOf('\n', -1) finds the break at 0 again.)
  for (let e = at - 1; e > 0;) {
    const s = text.lastIndexOf('\n', e - 1) + 1;
    const line = text.slice(s, e);
    if (line.trim()) return line;
    e = s - 1;
  }
  return '';
}

/** The nearest non-blank line starting at or after the line start `at`. */
function lineAfter(text: string, at: number): string {
  for (let s = at; s < text.length;) {
    const e = text.indexOf('\n', s) < 0 ? text.length : text.indexOf('\n', s);
    const line = text.slice(s, e);
    if (line.trim()) return line;
    s = e + 1;
  }
  return '';
}

/**
 * A page number between dashes run into the text after it (`- 3 -一、总体情况`), as a footer
 * and the next page's first line come out of some extractors. Left there, it would be read as a
 * list bullet `- ` before `3 -一、总体情况`: the dashes around a number are a page number
 * wherever they start a line, so they go whatever follows (but a digit or a dash).
 */
const PAGE_NUMBER_RUN_IN = /^[ \t]*[-—–－]\s*\d{1,3}\s*[-—–－][ \t]*(?=[^\s\d\-—–－])/gm;

export const dropPageNumbers = (m: MappedText) => rewrite(dropWholeLinePageNumbers(m), PAGE_NUMBER_RUN_IN, () => '');

const dropWholeLinePageNumbers = (m: MappedText) =>
  rewrite(m, PAGE_NUMBER, (match, text) => {
    // A bare number is a page number only when it stands alone between other lines, never as
    // a cell of a table (tab-separated, or flattened one cell per line next to other cells),
    // nor when it continues the sentence of the line just before it.
    if (/^\s*\d{1,3}\s*$/.test(match[0])) {
      if (match[0].includes('\t')) return undefined;
      const prevLine = text.slice(text.lastIndexOf('\n', match.index - 2) + 1, Math.max(0, match.index - 1));
      if (prevLine.trim() && !SENTENCE_END.test(prevLine.trimEnd())) return undefined;
      const end = match.index + match[0].length;
      if (TABLE_CELL.test(lineBefore(text, match.index)) || TABLE_CELL.test(lineAfter(text, end))) return undefined;
    }
    return '';
  });

/** A short line that recurs at least three times (a running header or footer) is dropped. */
export function dropRunningHeaders(m: MappedText): MappedText {
  const counts = new Map<string, number>();
  for (const line of m.text.split('\n')) {
    if (line.includes('\t')) continue;
    const key = line.trim();
    if (key.length >= 4 && key.length <= 30) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = new Set([...counts].filter(([line, n]) => n >= 3 && !/[。，；]/.test(line)).map(([line]) => line));
  if (repeated.size === 0) return m;
  return rewrite(m, /^[^\n]*\n?/gm, (match) =>
    !match[0].includes('\t') && repeated.has(match[0].trim()) ? '' : undefined);
}
