// Builds read-stage fixtures at test time in a temporary directory: no real reports and
// no binary files are committed. All Chinese text here is made up.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { ReadError } from '../../services/pipeline/read/index.js';

export const SAMPLE = '政府信息公开工作年度报告\n一、总体情况\n本年度共主动公开政府信息一百二十三条。';

/** A fresh temp dir, and a function that writes a file into it and returns its path. */
export async function fixtureDir(): Promise<{ dir: string; write: (name: string, data: Uint8Array | string) => Promise<string>; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-read-'));
  return {
    dir,
    write: async (name, data) => {
      const path = join(dir, name);
      await writeFile(path, data);
      return path;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export function encode(text: string, encoding: string, bom = false): Buffer {
  return iconv.encode(text, encoding, { addBOM: bom });
}

// ---------------------------------------------------------------- docx

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
const table = (rows: string[][]) =>
  `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${para(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

/** A minimal but valid .docx: paragraphs, then an optional table, then a closing paragraph. */
export function makeDocx(paragraphs: string[], rows: string[][] = [], after: string[] = []): Promise<Buffer> {
  return docxPackage(paragraphs.map(para).join('') + (rows.length ? table(rows) : '') + after.map(para).join(''));
}

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
interface Rel { id: string; type: string; target: string }
const relationships = (rels: Rel[]) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  rels.map((r) => `<Relationship Id="${r.id}" Type="${R}/${r.type}" Target="${r.target}"/>`).join('') +
  '</Relationships>';

/** The package around a document body: content types, relationships, and the media parts the body refers to. */
export function docxPackage(body: string, media: Record<string, Buffer> = {}, rels: Rel[] = []): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '</Types>');
  zip.file('_rels/.rels', relationships([{ id: 'rId1', type: 'officeDocument', target: 'word/document.xml' }]));
  if (rels.length) zip.file('word/_rels/document.xml.rels', relationships(rels));
  for (const [path, bytes] of Object.entries(media)) zip.file(path, bytes);
  zip.file('word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

// ---------------------------------------------------------------- pdf

// Noto Sans SC from @fontsource, in the subset file that holds the simplified Chinese set
// (GB 2312 and more: about 7,900 characters, with ASCII and the full-width punctuation), so one
// font draws every line; pdf-lib subsets it again to the glyphs drawn and writes a ToUnicode
// map for them, so pdf.js reads back exactly the characters drawn. The WOFF2 file, not the
// WOFF: fontkit inflates a WOFF table on every read, so subsetting the 1.5 MB WOFF took about
// 3 s a document; the WOFF2 is decoded once (0.6 s) and a document then takes about 0.3 s.
const FONT_FILE = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css')),
  'files', 'noto-sans-sc-chinese-simplified-400-normal.woff2');
let fontBytes: Promise<Buffer> | undefined;
// pdf-lib parses the font anew for every document: one parsed font serves every fixture instead.
let parsed: ReturnType<typeof fontkit.create> | undefined;
const sharedFontkit = { create: (bytes: Uint8Array) => (parsed ??= fontkit.create(bytes)) } as unknown as typeof fontkit;

/** A piece of text on a PDF page: `x`, `y` (the baseline) in points from the bottom left. */
export interface PdfText { text: string; x: number; y: number; size?: number }

/** Points from the left at which `text` ends when drawn from `x` at `size` (12 by default). */
export type Measure = (text: string, size?: number) => number;

export const A4: [number, number] = [595.28, 841.89];

/**
 * A PDF with a real, embedded-font text layer, one page per entry (an empty entry is a page with
 * no text at all), each piece of text drawn where it is placed — so layouts a browser would give
 * (a heading, a table row with a gap between its cells, a page break, a footer) are laid out by
 * hand. `pages` may be a function of a measure of drawn widths, for layouts that need them.
 */
export async function drawPdf(pages: PdfText[][] | ((width: Measure) => PdfText[][])): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(sharedFontkit);
  const font = await doc.embedFont(await (fontBytes ??= readFile(FONT_FILE)), { subset: true });
  const glyphs = new Set(font.getCharacterSet());
  const layout = typeof pages === 'function' ? pages((text, size = 12) => font.widthOfTextAtSize(text, size)) : pages;
  for (const texts of layout) {
    const page = doc.addPage(A4);
    for (const { text, x, y, size = 12 } of texts) {
      const missing = [...text].filter((c) => !glyphs.has(c.codePointAt(0)!));
      if (missing.length) throw new Error(`Noto Sans SC (${FONT_FILE}) has no glyph for ${JSON.stringify(missing.join(''))}`);
      page.drawText(text, { x, y, size, font });
    }
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/**
 * A one-page PDF written by hand, for cases pdf-lib does not produce:
 * - `cjkFont`: text in the non-embedded Adobe font STSong-Light with the UniGB-UCS2-H CMap,
 *   as older Chinese PDF writers do (needs pdf.js's CMap files to read);
 * - `encrypted`: a Standard security handler whose user password is not empty, so no
 *   reader can open it without the password (the O/U hashes are arbitrary bytes).
 */
export function handmadePdf(opts: { text?: string; encrypted?: boolean }): Buffer {
  const ucs2 = Buffer.from(opts.text ?? '', 'utf16le').swap16().toString('hex').toUpperCase();
  const content = `BT /F1 24 Tf 72 720 Td <${ucs2}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] ' +
      '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  if (opts.encrypted) {
    objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${'5a'.repeat(32)}> /U <${'a5'.repeat(32)}> /P -3904 >>`);
  }
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(pdf.length);
    pdf += `${k + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const encrypt = opts.encrypted ? ` /Encrypt ${objects.length} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : '';
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// ---------------------------------------------------------------- assertions

/** Asserts that reading fails with a ReadError naming `file`, whose reason matches. */
export async function rejectsWithReason(promise: Promise<unknown>, file: string, reason: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof ReadError, `expected a ReadError, got ${String(err)}`);
    assert.equal(err.file, file);
    assert.match(err.reason, reason);
    assert.equal(err.message, `${file}: ${err.reason}`);
    return true;
  });
}
