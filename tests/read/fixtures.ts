// Builds read-stage fixtures at test time in a temporary directory: no real reports and
// no binary files are committed. All Chinese text here is made up.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { chromium, type Browser } from 'playwright-core';
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
export async function makeDocx(paragraphs: string[], rows: string[][] = [], after: string[] = []): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '</Types>');
  zip.file('_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
    '</Relationships>');
  const body = paragraphs.map(para).join('') + (rows.length ? table(rows) : '') + after.map(para).join('');
  zip.file('word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

// ---------------------------------------------------------------- pdf

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Prints each HTML document to PDF with headless Chromium (one browser for all). */
export async function printPdfs(htmls: string[]): Promise<Buffer[]> {
  const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const pdfs: Buffer[] = [];
    for (const html of htmls) {
      await page.setContent(html);
      pdfs.push(await page.pdf({ format: 'A4' }));
    }
    return pdfs;
  } finally {
    await browser.close();
  }
}

/**
 * A one-page PDF written by hand, for cases Chromium cannot produce:
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
