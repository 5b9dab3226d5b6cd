// OCR for scanned PDFs and image-only documents: pdftoppm (poppler-utils) renders each page,
// Tesseract recognises it. Both run as child processes without a shell, one page at a time,
// each under a timeout, in a temporary directory removed afterwards.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OcrInfo } from '../../core/schema.js';
import { dropSpacesInChinese } from '../normalize/spaces.js';
import { mapped } from '../normalize/mapped-text.js';
import { Unreadable, briefly } from './errors.js';
import { ocrConfig, type OcrConfig } from './ocr-config.js';

export const OCR_INSTALL = 'apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils';

export interface OcrResult {
  text: string;
  ocr: OcrInfo;
}

/** A page to recognise: its number (1-based) and its longer side in PDF points (1/72 inch). */
export interface PageToRead {
  n: number;
  longSide: number;
}

/** Longest side of a rendered page: a 1,000-inch page must not become a gigapixel image. A3 at 200 dpi is 3,307. */
const MAX_SIDE_PX = 6000;

/** Recognises the given pages of a PDF (at most the configured limit): each page's text. */
export async function ocrPdfPages(pdf: Buffer, toRead: PageToRead[], totalPages: number, what: string): Promise<{ pages: Map<number, string>; ocr: OcrInfo }> {
  const config = ocrConfig();
  const version = await tesseractVersion(config, what);
  await requireTool('pdftoppm', ['-v'], what);
  const chosen = toRead.slice(0, config.maxPages);
  return inTempDir(async (dir) => {
    const input = join(dir, 'input.pdf');
    await writeFile(input, pdf);
    const pages = new Map<number, string>();
    for (const { n, longSide } of chosen) {
      const prefix = join(dir, `page-${n}`);
      const dpi = Math.max(1, Math.min(config.dpi, Math.floor((MAX_SIDE_PX * 72) / Math.max(longSide, 1))));
      await run('pdftoppm', ['-f', String(n), '-l', String(n), '-r', String(dpi), '-gray', '-png', '-singlefile', input, prefix], config, `rendering page ${n}`);
      pages.set(n, cleanOcrText(await recognise(`${prefix}.png`, config, `page ${n}`)));
    }
    return { pages, ocr: info(version, config, chosen.length, totalPages) };
  });
}

/** Recognises images (the pictures of an image-only document), in order, up to the configured limit. */
export async function ocrImages(images: { name: string; bytes: Buffer }[], what: string): Promise<OcrResult> {
  const config = ocrConfig();
  const version = await tesseractVersion(config, what);
  const chosen = images.slice(0, config.maxPages);
  return inTempDir(async (dir) => {
    const texts: string[] = [];
    for (const [k, image] of chosen.entries()) {
      // Only the extension is kept from the document's own name: it tells Tesseract the format.
      const path = join(dir, `image-${k}${/\.[a-z0-9]{2,5}$/i.exec(image.name)?.[0] ?? ''}`);
      await writeFile(path, image.bytes);
      texts.push(await recognise(path, config, `image ${k + 1}`));
    }
    return { text: texts.map(cleanOcrText).filter((t) => t !== '').join('\n\n'), ocr: info(version, config, chosen.length, images.length) };
  });
}

const info = (version: string, config: OcrConfig, pages: number, totalPages: number): OcrInfo =>
  ({ engine: 'tesseract', version, languages: config.languages, pages, totalPages });

/**
 * Tesseract writes Chinese with a space between characters (`政 府 信 息`): the normalize
 * stage's rule for PDF spacing removes them; blank lines between paragraphs stay single.
 */
export function cleanOcrText(raw: string): string {
  const lines = raw.replace(/\f/g, '\n').split('\n').map((l) => l.trimEnd());
  const text = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return dropSpacesInChinese(mapped(text)).text;
}

async function recognise(image: string, config: OcrConfig, what: string): Promise<string> {
  return run('tesseract', [image, 'stdout', '-l', config.languages, '--psm', String(config.psm)], config, `recognising ${what}`);
}

// What the installed Tesseract is and knows, asked once a process (tools are not installed mid-run).
let probed: Promise<[string, string]> | undefined;

async function tesseractVersion(config: OcrConfig, what: string): Promise<string> {
  probed ??= Promise.all([requireTool('tesseract', ['--version'], what), requireTool('tesseract', ['--list-langs'], what)]);
  let out: string, langs: string;
  try {
    [out, langs] = await probed;
  } catch (err) {
    probed = undefined; // a later file may find it installed, and must name itself in the reason
    throw err;
  }
  const have = new Set(langs.split('\n').map((l) => l.trim()));
  const missing = config.languages.split('+').filter((l) => !have.has(l));
  if (missing.length) throw new Unreadable(`${what}: OCR needs Tesseract's ${missing.join(', ')} data; install it: ${OCR_INSTALL}`);
  return /tesseract\s+v?([\d.]+\S*)/i.exec(out)?.[1] ?? 'unknown';
}

/** Runs `tool args` to check it is there; a missing tool becomes a reason saying what to install. */
async function requireTool(tool: string, args: string[], what: string): Promise<string> {
  try {
    return await exec(tool, args, 10_000);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Unreadable(`${what}: OCR needs ${tool}; install it: ${OCR_INSTALL}`);
    throw new Unreadable(`${what}: ${tool} does not run (${briefly(err)})`);
  }
}

async function run(tool: string, args: string[], config: OcrConfig, step: string): Promise<string> {
  try {
    return await exec(tool, args, config.pageTimeoutS * 1000);
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { killed?: boolean };
    if (e.killed) throw new Unreadable(`OCR ${step} took longer than ${config.pageTimeoutS} s (GONGKAI_OCR_PAGE_TIMEOUT_S)`);
    throw new Unreadable(`OCR ${step} failed (${briefly(err)})`);
  }
}

function exec(tool: string, args: string[], timeout: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // tesseract --version prints to stderr on some builds: both are kept.
    execFile(tool, args, { timeout, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' } },
      (err, stdout, stderr) => (err ? reject(err) : resolve(stdout || stderr)));
  });
}

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-ocr-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
