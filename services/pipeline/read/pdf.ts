// PDF: the text layer as pdf.js sees it, one line per baseline, pages separated by a
// blank line. Artefacts (spaces inside words, page numbers, running heads) are kept:
// cleaning them is the normalize stage's job, and it needs to see them as they are.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { Unreadable, briefly } from './errors.js';

// Chinese PDFs often use non-embedded fonts (STSong-Light, Adobe-GB1) whose text can only
// be mapped to Unicode with Adobe's CMaps, which pdfjs-dist ships as files.
const CMAPS = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps') + '/';

export async function readPdf(bytes: Buffer): Promise<string> {
  // Loaded on first use: pdf.js is large and most runs read no PDF at all.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // A view, not a copy: pdf.js takes over (and detaches) the buffer when it spans it whole.
    data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
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
        if (text.trim() !== '') pages.push(text);
        page.cleanup();
      } catch (err) {
        throw new Unreadable(`corrupt or truncated PDF (page ${n}: ${briefly(err)})`);
      }
    }
    if (pages.length === 0) throw new Unreadable('no text layer (scanned PDF?), OCR needed');
    return pages.join('\n\n');
  } finally {
    await task.destroy();
  }
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
