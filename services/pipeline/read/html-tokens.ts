// A small HTML tokenizer: enough of the HTML5 tokenization rules to find tags and text
// reliably in hand-written government pages. Attribute values are scanned (quotes
// respected, so `title="a>b"` does not end the tag) but not returned: text is all we need.
// Comments, doctypes and processing instructions are skipped.

export type Token =
  | { type: 'text'; text: string; /** true for script/style bodies: no entities, no markup */ raw: boolean }
  | { type: 'start'; name: string; /** `<x/>`: matters only for foreign elements like <svg/> */ selfClosing: boolean }
  | { type: 'end'; name: string };

// Elements whose content is not markup: it runs to the matching end tag.
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
// Like raw text, but character references are decoded (the text is shown).
const ESCAPABLE_RAW_TEXT = new Set(['title', 'textarea']);

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';
const isLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

export function* tokenize(html: string): Generator<Token> {
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      yield { type: 'text', text: html.slice(i), raw: false };
      return;
    }
    if (lt > i) yield { type: 'text', text: html.slice(i, lt), raw: false };
    i = lt;
    const next = html[i + 1];

    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close < 0 ? n : close + 3;
    } else if (next === '!' || next === '?') {
      // Doctype, CDATA, processing instruction: nothing to show.
      const close = html.indexOf('>', i + 2);
      i = close < 0 ? n : close + 1;
    } else if (next === '/') {
      if (isLetter(html[i + 2])) {
        const nameEnd = scanName(html, i + 2);
        yield { type: 'end', name: html.slice(i + 2, nameEnd).toLowerCase() };
        i = skipAttributes(html, nameEnd);
      } else {
        // `</>` is dropped; `</ ...>` is a bogus comment.
        const close = html.indexOf('>', i + 2);
        i = close < 0 ? n : close + 1;
      }
    } else if (isLetter(next)) {
      const nameEnd = scanName(html, i + 1);
      const name = html.slice(i + 1, nameEnd).toLowerCase();
      const after = skipAttributes(html, nameEnd);
      yield { type: 'start', name, selfClosing: html[after - 2] === '/' && html[after - 1] === '>' };
      i = after;
      const raw = RAW_TEXT.has(name);
      if (raw || ESCAPABLE_RAW_TEXT.has(name)) {
        const close = name === 'plaintext' ? -1 : findEndTag(html, name, i);
        const end = close < 0 ? n : close;
        if (end > i) yield { type: 'text', text: html.slice(i, end), raw };
        i = end; // the end tag itself is tokenized normally on the next turn
      }
    } else {
      // A lone '<' (as in "a < b") is text.
      yield { type: 'text', text: '<', raw: false };
      i += 1;
    }
  }
}

function scanName(html: string, from: number): number {
  let j = from;
  while (j < html.length && !isSpace(html[j]) && html[j] !== '/' && html[j] !== '>') j++;
  return j;
}

/** Skips attributes from just after the tag name; returns the index after the closing '>'. */
function skipAttributes(html: string, from: number): number {
  const n = html.length;
  let j = from;
  while (j < n) {
    const c = html[j];
    if (c === '>') return j + 1;
    if (isSpace(c) || c === '/') {
      j++;
      continue;
    }
    // Attribute name (a leading '=' belongs to the name, as in the HTML5 rules).
    j++;
    while (j < n && !isSpace(html[j]) && html[j] !== '/' && html[j] !== '>' && html[j] !== '=') j++;
    while (j < n && isSpace(html[j])) j++;
    if (html[j] !== '=') continue;
    j++;
    while (j < n && isSpace(html[j])) j++;
    const quote = html[j];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, j + 1);
      j = close < 0 ? n : close + 1;
    } else {
      while (j < n && !isSpace(html[j]) && html[j] !== '>') j++;
    }
  }
  return n;
}

/** Index of `</name` (any case) followed by a delimiter, at or after `from`; -1 if none. */
function findEndTag(html: string, name: string, from: number): number {
  const pattern = new RegExp(`</${name}[\\s/>]`, 'gi');
  pattern.lastIndex = from;
  return pattern.exec(html)?.index ?? -1;
}
