// Page numbers and running headers repeated by PDF extraction on every page.
import { rewrite, type MappedText } from './mapped-text.js';

const PAGE_NUMBER = /^[ \t]*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|\d{1,3})[ \t]*$\n?/gm;

export const dropPageNumbers = (m: MappedText) =>
  rewrite(m, PAGE_NUMBER, (match, text) => {
    // A bare number is a page number only when it stands alone between other lines,
    // never as a cell of a table flattened one cell per line.
    if (/^\s*\d{1,3}\s*$/.test(match[0])) {
      const before = text.slice(Math.max(0, match.index - 2), match.index);
      if (before.includes('\t')) return undefined;
      const prevLine = text.slice(text.lastIndexOf('\n', match.index - 2) + 1, match.index);
      if (/\t|^\s*$/.test(prevLine) === false && /[。！？；]\s*$/.test(prevLine) === false) return undefined;
    }
    return '';
  });

/** A short line that recurs at least three times (a running header or footer) is dropped. */
export function dropRunningHeaders(m: MappedText): MappedText {
  const counts = new Map<string, number>();
  for (const line of m.text.split('\n')) {
    const key = line.trim();
    if (line.includes('\t')) continue;
    if (key.length >= 4 && key.length <= 30 && !key.includes('\t')) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = new Set([...counts].filter(([line, n]) => n >= 3 && !/[。，；]/.test(line)).map(([line]) => line));
  if (repeated.size === 0) return m;
  return rewrite(m, /^[^\n]*\n?/gm, (match) =>
    !match[0].includes('\t') && repeated.has(match[0].trim()) ? '' : undefined);
}
