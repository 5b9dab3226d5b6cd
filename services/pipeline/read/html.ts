// HTML → plain text, roughly as a browser would show it: one line per block, table
// rows as lines with tab-separated cells, white space collapsed, nothing hidden shown.
// htmlparser2 tokenizes (entities, raw text, implied end tags); it is used as a stream of
// events, not a DOM, so a page of 100,000 nested <div>s costs an array, not a recursion
// (and, with html-stack.ts, linear time).
import { Parser } from 'htmlparser2';
import { decodeText, type Decoded } from './decode.js';
import { Unreadable } from './errors.js';
import { layoutTables } from './html-layout.js';
import { Lines } from './html-lines.js';
import { innermostFirstStack } from './html-stack.js';
import { mainContent, type Block } from './html-main.js';
import { pageMetadata, type PageMetadata } from './html-meta.js';

/** Elements whose content never shows: dropped together with everything inside. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'select', 'button']);

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'title', 'tr', 'ul',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3']);
/** At most this many lines (a metadata row or two: 发布时间, 来源, 字号) between the heading and the content. */
const HEADING_REACH = 6;

/** Page furniture by its element: navigation, banners, footers, sidebars. */
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search']);
// Whole class/id tokens (or their -/_ parts) that name furniture on Chinese and other sites:
// 当前位置 bars are "position"/"location"/"dqwz"/"crumb"; kept short to spare "main-right" and the like.
const CHROME_NAME = /(?:^|[-_])(?:nav|navbar|menu|header|footer|foot|breadcrumbs?|crumbs?|sidebar|copyright|dqwz|share)(?:[-_]|$)|^(?:position|location|top|bottom|head)$/i;

export interface HtmlPage extends Decoded {
  page: PageMetadata;
}

/** Reads an HTML file's bytes: the page's declared charset is a hint, the bytes decide. */
export function readHtml(bytes: Buffer): HtmlPage {
  const decoded = decodeText(bytes, declaredCharset(bytes));
  if (decoded.text.trim() === '') throw new Unreadable('empty file');
  const parsed = parseHtml(decoded.text);
  const text = parsed.mainText();
  if (text === '') throw new Unreadable('no text in HTML page (content loaded by script?)');
  return { text, encoding: decoded.encoding, page: pageMetadata(parsed.meta, parsed.allLines()) };
}

/** `<meta charset=...>` or `<meta http-equiv=Content-Type content="...; charset=...">` near the top. */
export function declaredCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 4096).toString('latin1');
  return /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
}

/** All the text of an HTML document or fragment (no choosing of the main content). */
export function htmlToText(html: string): string {
  return parseHtml(html).allText();
}

/** What the page says about itself outside its text: links, meta tags, the saved-from comment. */
export interface RawMeta {
  canonical?: string;
  metaTags: Map<string, string>;
  savedFrom?: string;
}

interface Frame {
  name: string;
  /** Index into `blocks` when this element bounds whole lines, else -1. */
  block: number;
  chrome: boolean;
}

export function parseHtml(html: string) {
  const out = new Lines();
  const blocks: Block[] = [];
  const stack: Frame[] = [];
  const meta: RawMeta = { metaTags: new Map() };
  let hiddenDepth = 0; // >0 inside an element whose content never shows
  let chromeDepth = 0;
  let links = 0;
  let pre = 0;
  let titleLine = -1;
  // Lines of each <h1>–<h3> outside furniture: a page's own heading often sits just above the content block.
  const headings: { start: number; end: number }[] = [];
  // One entry per open table: are we inside a cell, and how many cells has the row had?
  const tables: { inCell: boolean; cells: number; layout: boolean }[] = [];
  const layout = /<table/i.test(html) ? layoutTables(html) : [];
  let tableCount = 0;
  const inCell = () => tables.at(-1)?.inCell === true;
  // Rows and cells of a layout table are blocks, like <div>s.
  const layoutPart = (name: string) => (name === 'tr' || name === 'td' || name === 'th') && tables.at(-1)?.layout === true;
  // Inside a cell, block boundaries must not break the row's line.
  const blockBreak = () => (inCell() ? out.space() : out.endLine());

  const parser = new Parser({
    onopentag(name, attrs) {
      if (hiddenDepth > 0 || HIDDEN.has(name) || 'hidden' in attrs || /display\s*:\s*none/i.test(attrs.style ?? '')) {
        hiddenDepth++;
        stack.push({ name, block: -1, chrome: false });
        return;
      }
      if (name === 'meta') noteMeta(meta, attrs);
      else if (name === 'link' && /(^|\s)canonical(\s|$)/i.test(attrs.rel ?? '') && attrs.href) meta.canonical ??= attrs.href;
      const chrome = CHROME_TAGS.has(name) || CHROME_ROLES.has(attrs.role ?? '') || namesChrome(attrs.class) || namesChrome(attrs.id);
      if (chrome) chromeDepth++;
      if (name === 'a') links++;
      if (name === 'pre') pre++;
      let block = -1;
      if (name === 'br') inCell() ? out.space() : out.hardBreak();
      else if (name === 'table') {
        blockBreak();
        tables.push({ inCell: false, cells: 0, layout: layout[tableCount++] === true });
      } else if (layoutPart(name)) {
        out.endLine();
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
      if (name === 'title') titleLine = out.count();
      // Only an element whose edges are line boundaries can be chosen as the main content.
      if ((BLOCK.has(name) || name === 'table' || layoutPart(name)) && !inCell()) {
        block = blocks.length;
        blocks.push({ name, attrs: contentHint(attrs), start: out.count(), end: -1, depth: stack.length });
      }
      stack.push({ name, block, chrome });
    },
    ontext(text) {
      if (hiddenDepth > 0) return;
      out.text(text, pre > 0, links > 0 || chromeDepth > 0);
    },
    onclosetag(name) {
      const frame = stack.pop();
      if (!frame) return;
      if (hiddenDepth > 0) {
        hiddenDepth--;
        return;
      }
      if (frame.chrome) chromeDepth--;
      if (name === 'a' && links > 0) links--;
      if (name === 'pre' && pre > 0) pre--;
      if (name === 'br') return;
      if (name === 'table') {
        tables.pop();
        blockBreak();
      } else if (layoutPart(name)) {
        out.endLine();
      } else if (name === 'tr') {
        const table = tables.at(-1);
        if (table) table.inCell = false;
        out.endLine();
      } else if (name === 'td' || name === 'th') {
        const table = tables.at(-1);
        if (table) table.inCell = false;
      } else if (BLOCK.has(name)) blockBreak();
      if (frame.block >= 0) blocks[frame.block]!.end = out.count();
      if (HEADINGS.has(name) && chromeDepth === 0 && frame.block >= 0) headings.push({ start: blocks[frame.block]!.start, end: out.count() });
    },
    oncomment(data) {
      // Internet Explorer's "Save as" mark: <!-- saved from url=(0046)http://www.example.gov.cn/… -->
      const saved = /saved from url=\(\d+\)\s*(\S+)/i.exec(data);
      if (saved) meta.savedFrom ??= saved[1];
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  (parser as unknown as { stack: string[] }).stack = innermostFirstStack();
  parser.write(html);
  parser.end();
  const lines = out.result();

  return {
    meta,
    allLines: () => lines,
    allText: () => join(lines.map((l) => l.text)),
    /** The page's own text: its <title>, then the block that holds the most text and the fewest links and furniture. */
    mainText: () => {
      const { start, end } = mainContent(blocks, lines);
      const chosen = lines.slice(start, end).map((l) => l.text);
      // The last heading shortly above the chosen block is the report's own title (the <title>
      // is often the site's name): it comes along.
      let heading: { start: number; end: number } | undefined;
      for (const h of headings) if (h.end <= start && start - h.end <= HEADING_REACH) heading = h;
      if (heading) chosen.unshift(...lines.slice(heading.start, heading.end).map((l) => l.text));
      const title = lines[titleLine]?.text;
      if (title && (titleLine < start || titleLine >= end)) chosen.unshift(title);
      return join(chosen);
    },
  };
}

// Blank lines only make sense between content, and never more than one.
const join = (lines: string[]) => lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');

function namesChrome(value: string | undefined): boolean {
  return value !== undefined && value.split(/\s+/).some((token) => CHROME_NAME.test(token));
}

/** class and id, kept for the content-container bonus of html-main.ts. */
function contentHint(attrs: Record<string, string>): string {
  return `${attrs.class ?? ''} ${attrs.id ?? ''}`.trim();
}

function noteMeta(meta: RawMeta, attrs: Record<string, string>): void {
  const key = (attrs.name ?? attrs.property ?? attrs.itemprop ?? '').trim().toLowerCase();
  const content = attrs.content?.trim();
  if (key && content && !meta.metaTags.has(key)) meta.metaTags.set(key, content);
}
