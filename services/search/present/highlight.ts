// Where the query's terms occur in a passage. Computed once, here, for both backends:
// terms are found in the folded text, whose offsets are the clean text's (fold is 1:1).
import { fold } from '../../pipeline/segment/segmenter.js';
import type { Query, Term } from '../query/ast.js';

export type Span = [number, number];

function occurrences(haystack: string, needle: string): Span[] {
  const out: Span[] = [];
  if (!needle) return out;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) {
    out.push([i, i + needle.length]);
  }
  return out;
}

/** Matched text of a term: exact terms may span white space the passage does not have. */
function termNeedles(t: Term): string[] {
  return t.exact && /\s/.test(t.text) ? [t.text, t.text.replace(/\s+/g, '')] : [t.text];
}

/** Sorted, merged spans of every positive term (and the whole phrase) in `text`. */
export function highlightSpans(text: string, query: Query): Span[] {
  const folded = fold(text);
  const terms = [...query.groups.flat(), ...(query.phrase ? [query.phrase] : [])];
  const spans = terms.flatMap((t) => termNeedles(t).flatMap((n) => occurrences(folded, n)));
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** HTML-escaped `text[from, to)` with the spans inside it wrapped in <mark>. */
export function markHtml(text: string, spans: Span[], from = 0, to = text.length): string {
  let out = '';
  let at = from;
  for (const [s, e] of spans) {
    if (e <= from || s >= to) continue;
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    out += escapeHtml(text.slice(at, a)) + '<mark>' + escapeHtml(text.slice(a, b)) + '</mark>';
    at = b;
  }
  return out + escapeHtml(text.slice(at, to));
}
