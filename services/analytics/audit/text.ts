// Quotes with their offsets: every finding points into the report's text as stored (the
// offsets the passages use), so a reader can be taken to the words that show it.
import type { AuditEvidence } from './schema.js';

export interface Line { text: string; start: number; end: number }

/** The text's lines with their offsets (line ends excluded). */
export function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    out.push({ text: text.slice(start, end).replace(/\r$/, ''), start, end });
    if (nl < 0) return out;
    start = nl + 1;
  }
}

/** At most this many characters quoted: a table row or a sentence, never a page. */
const MAX_QUOTE = 160;

export function quote(text: string, start: number, end: number, note?: string, reportId?: string): AuditEvidence {
  const e = Math.min(end, start + MAX_QUOTE);
  return { quote: text.slice(start, e).replace(/\s+$/, ''), start, end: e, ...(note ? { note } : {}), ...(reportId ? { reportId } : {}) };
}

export const lineQuote = (text: string, l: Line, note?: string, reportId?: string) => quote(text, l.start, l.end, note, reportId);

/** Spaces inside words (PDF extraction) and full-width brackets do not change a label. */
export const squashed = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/（/g, '(').replace(/）/g, ')');

/** The first line at or after `from` whose squashed text matches. */
export function findLine(lines: readonly Line[], re: RegExp, from = 0): Line | undefined {
  for (const l of lines) if (l.start >= from && re.test(squashed(l.text))) return l;
  return undefined;
}
