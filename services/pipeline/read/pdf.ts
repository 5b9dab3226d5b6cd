// PDF: the text layer as pdf.js sees it, one line per baseline, pages separated by a blank
// line; pages without a text layer but with an image (scans) are recognised by OCR (ocr.ts).
// Artefacts (spaces inside words, page numbers, running heads) are kept:
// cleaning them is the normalize stage's job, and it needs to see them as they are.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { OcrInfo } from '../../core/schema.js';
import { Unreadable, briefly } from './errors.js';
import { ocrPdfPages, type PageToRead } from './ocr.js';
import { ocrConfig } from './ocr-config.js';

// Chinese PDFs often use non-embedded fonts (STSong-Light, Adobe-GB1) whose text can only
// be mapped to Unicode with Adobe's CMaps, which pdfjs-dist ships as files.
const CMAPS = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps') + '/';

/** The text layer; a PDF without one (a scan) is recognised by OCR (ocr.ts), and says so. */
export async function readPdf(bytes: Buffer): Promise<{ text: string; ocr?: OcrInfo }> {
  // Loaded on first use: pdf.js is large and most runs read no PDF at all.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // A copy: pdf.js takes over (and detaches) the buffer it is given, and a scan's bytes
    // are still needed for OCR. A memcpy costs little next to parsing.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    verbosity: 0, // silence pdf.js warnings about fonts and broken objects
    cMapUrl: CMAPS,
    cMapPacked: true,
    disableFontFace: true,
    useSystemFonts: false,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      if (err instanceof Error && err.name === 'PasswordException') throw new Unreadable('password-protected PDF');
      throw new Unreadable(`corrupt or truncated PDF (${briefly(err)})`);
    }
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        const text = pageText(content.items.filter((item): item is TextItem => 'str' in item));
        pages.push(text.trim() !== '' ? text : '');
        page.cleanup();
      } catch (err) {
        throw new Unreadable(`corrupt or truncated PDF (page ${n}: ${briefly(err)})`);
      }
    }
    const joined = () => pages.filter((p) => p !== '').join('\n\n');
    const empty = pages.flatMap((p, k) => (p === '' ? [k + 1] : []));
    if (empty.length === 0) return { text: joined() };
    // Pages with no text but an image are scans (a whole scanned report, or scanned pages
    // among typed ones); pages with neither are blank.
    const scans = await pagesWithImages(doc, pdfjs.OPS, empty, ocrConfig().maxPages);
    const typed = empty.length < pages.length;
    if (typed && scans.length === 0) return { text: joined() };
    if (scans.length === 0) throw new Unreadable('no text layer and no images (blank PDF?)');
    let recognised;
    try {
      recognised = await ocrPdfPages(bytes, scans, doc.numPages, 'no text layer (scanned PDF?)');
    } catch (err) {
      // The text layer of the typed pages stands on its own: without OCR it is what there is.
      if (typed && err instanceof Unreadable) return { text: joined() };
      throw err;
    }
    for (const [n, text] of recognised.pages) pages[n - 1] = text;
    const text = joined();
    if (text === '') throw new Unreadable('no text layer, and OCR found no text in its pages (blank or unreadable scan?)');
    return { text, ocr: recognised.ocr };
  } finally {
    await task.destroy();
  }
}

/** Which of `pageNumbers` paint an image (a scan is one image a page), the first `limit` of them, with their size. */
async function pagesWithImages(doc: PDFDocumentProxy, ops: Record<string, number>, pageNumbers: number[], limit: number): Promise<PageToRead[]> {
  const painting = new Set(Object.entries(ops).filter(([name]) => /^paint.*(Image|Jpeg)/.test(name)).map(([, code]) => code));
  const found: PageToRead[] = [];
  for (const n of pageNumbers) {
    if (found.length >= limit) break;
    const page = await doc.getPage(n);
    const list = await page.getOperatorList();
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
    page.cleanup();
    if (list.fnArray.some((fn) => painting.has(fn))) found.push({ n, longSide: Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) });
  }
  return found;
}

/**
 * Items in content-stream order, which is reading order in practice. A new line starts
 * where pdf.js marks an end of line or the baseline moves; within a line, a visible gap
 * between items becomes a space (table cells would otherwise run together: "申请数45").
 */
export function pageText(items: TextItem[]): string {
  const lines: string[] = [];
  let line = '';
  let lastY: number | null = null;
  let lastEnd: number | null = null;
  const endLine = () => {
    if (line.trim() !== '') lines.push(line);
    line = '';
    lastY = null;
    lastEnd = null;
  };
  for (const item of items) {
    if (item.str !== '') {
      const x = item.transform[4] ?? 0;
      const y = item.transform[5] ?? 0;
      const size = Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || item.height || 1;
      if (lastY !== null && Math.abs(y - lastY) > size * 0.5) endLine();
      else if (lastEnd !== null && x - lastEnd > size * 0.2 && !/\s$/.test(line) && !/^\s/.test(item.str)) line += ' ';
      line += item.str;
      lastY = y;
      lastEnd = x + item.width;
    }
    if (item.hasEOL) endLine();
  }
  endLine();
  return lines.join('\n');
}
