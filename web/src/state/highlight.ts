// Client-side highlighting of the searched terms in plain report text, for the reader.
// It returns pieces of text, which the view renders as React text and <mark> elements:
// the text is never parsed as HTML, whatever it contains.

/**
 * The matching form the server uses: full-width ASCII to half-width, ideographic space
 * to space, Latin to lower case, one UTF-16 unit in, one out (so offsets carry over).
 * Mirrors services/pipeline/segment/fold.ts, which the web bundle must not import.
 */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0).toLowerCase();
    else if (c === 0x3000) out += ' ';
    else if (c >= 0x41 && c <= 0x5a) out += String.fromCharCode(c + 32);
    else out += text[i];
  }
  return out;
}

export interface Piece { text: string; mark: boolean }

/** `text` cut into unmarked and marked pieces, marks at every (folded) occurrence of a term. */
export function splitByTerms(text: string, terms: readonly string[]): Piece[] {
  const needles = [...new Set(terms.map((t) => foldText(t).trim()).filter((t) => t.length > 0))];
  if (!needles.length || !text) return text ? [{ text, mark: false }] : [];
  const folded = foldText(text);
  const spans: Array<[number, number]> = [];
  for (const n of needles) {
    for (let i = folded.indexOf(n); i >= 0; i = folded.indexOf(n, i + n.length)) spans.push([i, i + n.length]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const pieces: Piece[] = [];
  let at = 0;
  for (const [s, e] of spans) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    if (from > at) pieces.push({ text: text.slice(at, from), mark: false });
    const last = pieces.at(-1);
    // Overlapping or touching matches become one mark.
    if (last?.mark && from === at) last.text += text.slice(from, e);
    else pieces.push({ text: text.slice(from, e), mark: true });
    at = e;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  return pieces;
}

/**
 * The positive words of a query typed in the query language, when the server's own
 * reading of it (SearchResponse.terms) is not at hand: field filters, exclusions and OR dropped.
 */
export function naiveTerms(q: string): string[] {
  const out: string[] = [];
  const re = /(-?)(?:"([^"]*)"|“([^”]*)”|(\S+))/g;
  for (let m = re.exec(q); m; m = re.exec(q)) {
    const [, neg, quoted, curly, bare] = m;
    if (neg) continue;
    const word = quoted ?? curly ?? bare ?? '';
    if (!quoted && !curly && (/^[a-z]+:/i.test(word) || word === 'OR')) continue;
    if (word.trim()) out.push(word.trim());
  }
  return out;
}
