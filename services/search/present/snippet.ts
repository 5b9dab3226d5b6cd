// A window of the passage around its best fragment: the place where most distinct
// matches fall within the window, cut at sentence boundaries when one is near.
import { markHtml, type Span } from './highlight.js';

export const SNIPPET_CHARS = 120;

export function snippetWindow(text: string, spans: Span[], width = SNIPPET_CHARS): [number, number] {
  if (text.length <= width) return [0, text.length];
  let best = 0;
  let bestScore = -1;
  for (const [s] of spans) {
    const from = Math.max(0, Math.min(s - Math.floor(width / 4), text.length - width));
    const score = spans.filter(([a, b]) => a >= from && b <= from + width).length;
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
