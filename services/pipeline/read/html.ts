// HTML → plain text, roughly as a browser would show it: one line per block, table
// rows as lines with tab-separated cells, white space collapsed, nothing hidden shown.
import { decodeText, type Decoded } from './decode.js';
import { decodeEntities } from './entities.js';
import { Unreadable } from './errors.js';
import { tokenize } from './html-tokens.js';

/** Elements whose content never shows: dropped together with everything inside. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'select', 'button']);

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'title', 'tr', 'ul',
]);

/** What may appear in <head>; any other start tag means the body has begun (tags are often omitted). */
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'base', 'style', 'script', 'noscript', 'template', 'object']);

/** Reads an HTML file's bytes: the page's declared charset is a hint, the bytes decide. */
export function readHtml(bytes: Buffer): Decoded {
  const decoded = decodeText(bytes, declaredCharset(bytes));
  if (decoded.text.trim() === '') throw new Unreadable('empty file');
  const text = htmlToText(decoded.text);
  if (text === '') throw new Unreadable('no text in HTML page (content loaded by script?)');
  return { text, encoding: decoded.encoding };
}

/** `<meta charset=...>` or `<meta http-equiv=Content-Type content="...; charset=...">` near the top. */
export function declaredCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 4096).toString('latin1');
  return /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
}

export function htmlToText(html: string): string {
  const out = new Lines();
  let hidden: { name: string; depth: number } | null = null;
  let inHead = false;
  let inTitle = false;
  let pre = 0;
  // One entry per open table: are we inside a cell, and how many cells has the row had?
  const tables: { inCell: boolean; cells: number }[] = [];
  const inCell = () => tables.at(-1)?.inCell === true;
  // Inside a cell, block boundaries must not break the row's line.
  const blockBreak = () => (inCell() ? out.space() : out.endLine());

  for (const token of tokenize(html)) {
    if (hidden) {
      if (token.type === 'start' && token.name === hidden.name) hidden.depth++;
      if (token.type === 'end' && token.name === hidden.name && --hidden.depth === 0) hidden = null;
      continue;
    }
    if (token.type === 'text') {
      if (token.raw) continue;
      if (inHead && !inTitle) {
        // Stray text in <head> means the body started without its tags (as browsers do).
        if (token.text.trim() === '') continue;
        inHead = false;
      }
      out.text(decodeEntities(token.text), pre > 0);
      continue;
    }

    const { name } = token;
    if (token.type === 'start') {
      if (HIDDEN.has(name)) {
        if (token.selfClosing) continue;
        hidden = { name, depth: 1 };
        continue;
      }
      if (name === 'head') inHead = true;
      else if (inHead && !HEAD_CONTENT.has(name)) inHead = false;
      if (name === 'title') inTitle = true;
      if (name === 'pre') pre++;
      if (name === 'br') inCell() ? out.space() : out.hardBreak();
      else if (name === 'table') {
        blockBreak();
        tables.push({ inCell: false, cells: 0 });
      } else if (name === 'tr') {
        const table = tables.at(-1);
        if (table) Object.assign(table, { inCell: false, cells: 0 });
        out.endLine();
      } else if (name === 'td' || name === 'th') {
        const table = tables.at(-1);
        if (table) {
          if (table.cells > 0) out.tab();
          table.cells++;
          table.inCell = true;
        } else out.space();
      } else if (BLOCK.has(name)) blockBreak();
    } else {
      if (name === 'head') inHead = false;
      if (name === 'title') inTitle = false;
      if (name === 'pre' && pre > 0) pre--;
      if (name === 'table') {
        tables.pop();
        blockBreak();
      } else if (name === 'tr') {
        const table = tables.at(-1);
        if (table) table.inCell = false;
        out.endLine();
      } else if (name === 'td' || name === 'th') {
        const table = tables.at(-1);
        if (table) table.inCell = false;
      } else if (name === 'br') {
        out.hardBreak(); // `</br>` is read as <br> by browsers
      } else if (BLOCK.has(name)) blockBreak();
    }
  }
  return out.result();
}

/**
 * Accumulates lines. HTML white space (space, tab, newline) collapses to one space,
 * dropped at line edges; a line break in the source between two CJK characters
 * disappears entirely (CSS Text 3 segment-break rule), since Chinese has no word spaces.
 */
class Lines {
  private lines: string[] = [];
  private line = '';
  private pending: 'none' | 'space' | 'break' = 'none';

  text(text: string, preformatted: boolean): void {
    if (preformatted) {
      this.flushPending(text[0]);
      const parts = text.split('\n');
      parts.forEach((part, k) => {
        if (k > 0) this.hardBreak();
        this.line += part;
      });
      return;
    }
    // Split into runs of white space and runs of content.
    for (const run of text.match(/[ \t\n\r\f]+|[^ \t\n\r\f]+/g) ?? []) {
      const c = run.charCodeAt(0);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c) {
        const kind = /[\n\r]/.test(run) ? 'break' : 'space';
        if (this.pending !== 'space') this.pending = kind; // a plain space wins: it was meant
      } else {
        this.flushPending(run);
        this.line += run;
      }
    }
  }

  space(): void {
    if (this.pending === 'none') this.pending = 'space';
  }

  tab(): void {
    this.line += '\t';
    this.pending = 'none';
  }

  /** End the current line if it has anything on it (block boundary). */
  endLine(): void {
    if (this.line.trim() !== '') this.lines.push(this.line.replace(/ +$/, ''));
    this.line = '';
    this.pending = 'none';
  }

  /** End the current line even if empty (<br>): consecutive breaks leave blank lines. */
  hardBreak(): void {
    this.lines.push(this.line.trim() === '' ? '' : this.line.replace(/ +$/, ''));
    this.line = '';
    this.pending = 'none';
  }

  result(): string {
    this.endLine();
    // Blank lines only make sense between content, and never more than one.
    return this.lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
  }

  private flushPending(next: string | undefined): void {
    const pending = this.pending;
    this.pending = 'none';
    if (pending === 'none' || this.line === '' || this.line.endsWith('\t')) return;
    if (pending === 'break' && isWide(this.line.codePointAt(this.line.length - 1)) && isWide(next?.codePointAt(0))) return;
    this.line += ' ';
  }
}

function isWide(c: number | undefined): boolean {
  if (c === undefined) return false;
  return (
    (c >= 0x3000 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3ffff)
  );
}
