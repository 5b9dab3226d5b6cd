// Fixtures for OCR, made at test time: a text PDF drawn with Noto Sans SC (pdf-lib + fontkit),
// rendered to PNG by pdftoppm, and wrapped image-only in a new PDF or a .docx, as a scanner or
// a "paste the scan into Word" would. All Chinese text here is made up.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { docxPackage } from './fixtures.js';

const FONT_DIR = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css'));

/** Why the OCR tests cannot run here, or null. Under CI they must run: no reason is accepted. */
export function ocrSkipReason(): string | null {
  let reason: string | null = null;
  try {
    const langs = execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (!langs.split('\n').some((l) => l.trim() === 'chi_sim')) reason = 'Tesseract has no chi_sim data';
    else execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  } catch (err) {
    reason = `${(err as { path?: string }).path ?? 'tesseract or pdftoppm'} is not installed`;
  }
  if (reason === null) return null;
  reason += ' (to enable the OCR tests: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils)';
  if (process.env.CI === 'true') throw new Error(`CI=true and the OCR tests cannot run: ${reason}`);
  return reason;
}

/** Noto Sans SC comes in unicode-range subsets: which file draws which code point (from its 400.css). */
function subsets(): { file: string; ranges: [number, number][] }[] {
  const css = readFileSync(join(FONT_DIR, '400.css'), 'utf8');
  return [...css.matchAll(/url\(\.\/files\/([^)]+?\.woff)\) format\('woff'\);\s*unicode-range:\s*([^;]+);/g)].map((m) => ({
    file: join(FONT_DIR, 'files', m[1]!),
    ranges: m[2]!.split(',').map((r) => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as [number, number];
    }),
  }));
}

/** A one-page PDF with a real text layer: `lines` drawn large and black on white. */
export async function textPdf(lines: string[], size = 26): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const table = subsets();
  const fonts = new Map<string, PDFFont>();
  const fontFor = async (ch: string) => {
    const code = ch.codePointAt(0)!;
    const file = table.find((s) => s.ranges.some(([a, b]) => code >= a && code <= b))?.file;
    if (!file) throw new Error(`no Noto Sans SC subset draws ${ch}`);
    if (!fonts.has(file)) fonts.set(file, await doc.embedFont(await readFile(file), { subset: true })); // subset: fontkit rewrites the WOFF as the TrueType a PDF needs
    return fonts.get(file)!;
  };
  const page = doc.addPage([595, 842]);
  let y = 842 - 90;
  for (const line of lines) {
    let x = 60;
    for (const ch of line) {
      const font = await fontFor(ch);
      page.drawText(ch, { x, y, size, font });
      x += font.widthOfTextAtSize(ch, size);
    }
    y -= size * 2;
  }
  return Buffer.from(await doc.save());
}

/** The page of a PDF as a PNG, rendered by pdftoppm (in a temp dir removed afterwards). */
export async function renderPng(pdf: Buffer, dpi = 200): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-ocr-fixture-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await promisify(execFile)('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', join(dir, 'in.pdf'), join(dir, 'page')], { timeout: 60_000 });
    return await readFile(join(dir, 'page.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A PDF of pages that are only images (no text layer): what a scanner produces. */
export async function imagePdf(pngs: Buffer[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const png of pngs) {
    const image = await doc.embedPng(png);
    const page = doc.addPage([595, 842]);
    page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  }
  return Buffer.from(await doc.save());
}

/** A scanned report: the lines drawn, rendered, and wrapped image-only. */
export async function scannedPdf(pages: string[][]): Promise<Buffer> {
  const pngs: Buffer[] = [];
  for (const lines of pages) pngs.push(await renderPng(await textPdf(lines)));
  return imagePdf(pngs);
}

/** A 1×1 white PNG: an image with nothing to read. */
export const BLANK_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAWk1v8QAAAABJRU5ErkJggg==', 'base64');

/** A .docx whose body is one picture and no text: a scan pasted into Word. */
export function imageDocx(png: Buffer): Promise<Buffer> {
  const drawing =
    '<w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">' +
    '<wp:extent cx="5400000" cy="7640000"/><wp:docPr id="1" name="scan"/>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="scan.png"/><pic:cNvPicPr/></pic:nvPicPr>' +
    '<pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>';
  return docxPackage(`<w:p><w:r>${drawing}</w:r></w:p>`, { 'word/media/scan.png': png }, [{ id: 'rIdImg', type: 'image', target: 'media/scan.png' }]);
}

/** A typed page (text layer) followed by a scanned one (image only): a report with its last pages scanned. */
export async function typedThenScannedPdf(typed: string[], scanned: string[]): Promise<Buffer> {
  const doc = await PDFDocument.load(await textPdf(typed));
  const image = await doc.embedPng(await renderPng(await textPdf(scanned)));
  doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await doc.save());
}
