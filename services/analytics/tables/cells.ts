// Flattened tables back into rows of cells. Tables arrive from PDF/Word extraction either
// one row a line with tab-separated cells, or one cell a line (each cell tab-prefixed,
// a cell's text sometimes wrapped onto the next lines) with a blank line between rows.

/** Text as the table readers want it: line ends unified, full-width digits and extraction markers gone. */
export function prepare(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .replace(/\*\*/g, '')
    .replace(/[\u200b\u200c\u200d\ufeff]/g, '');
}

/** A label's text for matching: no spaces (PDF spacing inside words), half-width brackets and quotes. */
export function squash(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/（/g, '(').replace(/）/g, ')')
    .replace(/[“”"]/g, '"')
    .replace(/：/g, ':').replace(/，/g, ',').replace(/．/g, '.');
}

const NUMBER = /^[+\-－−]?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$|^[+\-－−]?\d+(?:\.\d+)?$/;

/** The number a cell holds, or null (text, empty, a dash). */
export function numberOf(cell: string): number | null {
  const s = cell.replace(/\s+/g, '');
  if (!NUMBER.test(s)) return null;
  const v = Number(s.replace(/[,，]/g, '').replace(/^[－−]/, '-'));
  return Number.isFinite(v) ? v : null;
}

export const isNumber = (cell: string) => numberOf(cell) !== null;

export interface Row {
  /** Cells, trimmed, inner line breaks removed; empty cells kept (their position can matter). */
  cells: string[];
  /** Index of the row's first line in the prepared text's lines. */
  line: number;
  /** Whether the row had any tab: a line with one bare number and no tab is a page number. */
  tabbed: boolean;
}

/** A bare page number between the rows of a table (a tab-less line holding one number). */
export const isStrayNumber = (row: Row) => !row.tabbed && row.cells.length === 1 && numberOf(row.cells[0]!) !== null;

const cellText = (s: string) => s.replace(/\s*\n\s*/g, '').trim();

/**
 * Rows of lines [from, to). A blank-line-separated group whose lines each hold at most one
 * tab, at their start, is one row written one cell a line; any other line is a row.
 */
export function rowsOf(lines: readonly string[], from = 0, to = lines.length): Row[] {
  const rows: Row[] = [];
  // A line holding only a tab is an empty cell, not a blank line between rows.
  const blank = (l: string) => !l.includes('\t') && !l.trim();
  let i = from;
  while (i < to) {
    if (blank(lines[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && !blank(lines[j]!)) j++;
    const group = lines.slice(i, j);
    const oneCellALine = group.every((l) => {
      const t = l.indexOf('\t');
      return t < 0 || (t === 0 && l.indexOf('\t', 1) < 0);
    }) && group.filter((l) => l.startsWith('\t')).length >= 2;
    if (oneCellALine) {
      rows.push({ cells: group.join('\n').split('\t').map(cellText), line: i, tabbed: true });
    } else {
      group.forEach((l, k) => rows.push({ cells: l.split('\t').map((c) => c.trim()), line: i + k, tabbed: l.includes('\t') }));
    }
    i = j;
  }
  return rows;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 … 九十九 as a number. */
export function cnNumber(s: string): number {
  if (s.length === 1) return CN_DIGITS[s] ?? NaN;
  const ten = s.indexOf('十');
  if (ten < 0) return NaN;
  const tens = ten === 0 ? 1 : (CN_DIGITS[s[0]!] ?? NaN);
  const ones = ten === s.length - 1 ? 0 : (CN_DIGITS[s[ten + 1]!] ?? NaN);
  return tens * 10 + ones;
}

/** A line that is a heading of the six-part report (一、… 六、), not a table row. */
export const isPartHeading = (line: string) => !line.includes('\t') && /^\s*[一二三四五六七八九十]+\s*[、.．]/.test(line);

/** A page number or running page footer that PDF extraction left inside a table: - 3 -, 第3页, 3/12. */
export const isPageFurniture = (cell: string) =>
  /^[-－—–]\s*\d{1,4}\s*[-－—–]$|^第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?$|^\d{1,4}\s*\/\s*\d{1,4}$/.test(cell.trim());
