// A window of the passage around its best fragment: the place where most distinct
// matches fall within the window, cut at sentence boundaries when one is near.
import { markHtml, type Span } from './highlight.js';

export const SNIPPET_CHARS = 120;

export function snippetWindow(text: string, spans: Span[], width = SNIPPET_CHARS): [number, number] {
  if (text.length <= width) return [0, text.length];
  // Spans are sorted and disjoint (highlightSpans), so the ones inside a window are a run of
  // them, and both ends of the run only move forward as the window does: one pass, not a
  // comparison of every match with every other (quadratic: minutes on a long passage).
  let best = 0;
  let bestScore = -1;
  let lo = 0;
  let hi = 0;
  for (const [s] of spans) {
    const from = Math.max(0, Math.min(s - Math.floor(width / 4), text.length - width));
    while (lo < spans.length && spans[lo]![0] < from) lo++;
    if (hi < lo) hi = lo;
    while (hi < spans.length && spans[hi]![1] <= from + width) hi++;
    const score = hi - lo;
    if (score > bestScore) { bestScore = score; best = from; }
  }
  // Start just after a sentence end if one lies shortly before the window.
  const lead = text.slice(Math.max(0, best - 20), best);
  const cut = Math.max(lead.lastIndexOf('。'), lead.lastIndexOf('；'));
  if (cut >= 0) best = best - lead.length + cut + 1;
  return [best, Math.min(text.length, best + width)];
}

export function snippetHtml(text: string, spans: Span[], width = SNIPPET_CHARS): string {
  const [from, to] = snippetWindow(text, spans, width);
  return (from > 0 ? '…' : '') + markHtml(text, spans, from, to) + (to < text.length ? '…' : '');
}

/**
 * Passages are at most MAX_PASSAGE_CHARS long since ingestion splits long paragraphs; an
 * index built before that may hold a passage of megabytes. An answer carries at most this
 * much of one: the window around its best fragment, with the spans inside it.
 */
export const MAX_HIT_CHARS = 4000;

export function boundedPassage(text: string, spans: Span[], max = MAX_HIT_CHARS): { text: string; spans: Span[] } {
  if (text.length <= max) return { text, spans };
  const [a, b] = snippetWindow(text, spans, SNIPPET_CHARS);
  const from = Math.max(0, Math.min(Math.floor((a + b - max) / 2), text.length - max));
  const to = from + max;
  const inside = spans.filter(([s, e]) => e > from && s < to).map(([s, e]): Span => [Math.max(s, from) - from, Math.min(e, to) - from]);
  return { text: text.slice(from, to), spans: inside };
}
