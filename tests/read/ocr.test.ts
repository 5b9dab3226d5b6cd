// OCR of scanned PDFs and image-only DOCX, on scans made at test time (ocr-fixtures.ts).
// Needs tesseract (with chi_sim) and pdftoppm: outside CI the suite skips, saying how to
// enable it; under CI=true it must run.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readDocument } from '../../services/pipeline/read/index.js';
import { cleanOcrText } from '../../services/pipeline/read/ocr.js';
import { fixtureDir, rejectsWithReason } from './fixtures.js';
import { BLANK_PNG, imageDocx, imagePdf, ocrSkipReason, renderPng, scannedPdf, textPdf, typedThenScannedPdf } from './ocr-fixtures.js';

let fx: Awaited<ReturnType<typeof fixtureDir>>;
before(async () => { fx = await fixtureDir(); });
after(() => fx.cleanup());

// Made-up report lines, two pages.
const PAGE_1 = ['青石镇2022年政府信息公开工作年度报告', '一、总体情况', '本年度共受理政府信息公开申请四十五件，', '全部按期答复。'];
const PAGE_2 = ['二、存在的主要问题', '信息公开的及时性仍有不足。'];
// OCR makes the odd character mistake: the test asks for key phrases, not every character.
const PHRASES_1 = ['政府信息公开工作年度报告', '总体情况', '受理政府信息公开申请', '四十五件'];
const PHRASES_2 = ['存在的主要问题', '及时性仍有不足'];
const CJK_SPACE_CJK = /[\u4e00-\u9fff] +[\u4e00-\u9fff]/;

/** Runs `work` with `name` set in the environment, restoring it afterwards. */
async function withEnv<T>(name: string, value: string, work: () => Promise<T>): Promise<T> {
  const before = process.env[name];
  process.env[name] = value;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  }
}

describe('OCR text cleaning', () => {
  it('removes the spaces Tesseract puts between Chinese characters, keeps those between Latin words', () => {
    assert.equal(cleanOcrText('政 府 信 息 公 开 2022 年\n\n\n\nOpen Government  Data\f'), '政府信息公开2022年\n\nOpen Government Data');
  });
});

describe('OCR without Tesseract', () => {
  it('says exactly what to install', async () => {
    const path = await fx.write('scan-no-tools.pdf', await imagePdf([BLANK_PNG]));
    await withEnv('PATH', '/nonexistent', () => rejectsWithReason(readDocument(path), path,
      /^no text layer \(scanned PDF\?\): OCR needs tesseract; install it: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils$/));
  });
});

const skip = ocrSkipReason();
describe('OCR', { skip: skip ?? false }, () => {
  let scan: Buffer;
  before(async () => { scan = await scannedPdf([PAGE_1, PAGE_2]); });

  it('reads a scanned PDF (no text layer) with Tesseract, and marks the text as OCR', async () => {
    const path = await fx.write('scan.pdf', scan);
    const { text, source } = await readDocument(path);
    for (const phrase of [...PHRASES_1, ...PHRASES_2]) assert.ok(text.includes(phrase), `missing ${phrase} in ${JSON.stringify(text)}`);
    assert.ok(!CJK_SPACE_CJK.test(text), `spaces left between Chinese characters: ${JSON.stringify(text)}`);
    assert.equal(source.kind, 'pdf');
    assert.equal(source.encoding, 'pdf+ocr');
    assert.equal(source.ocr?.engine, 'tesseract');
    assert.equal(source.ocr?.languages, 'chi_sim');
    assert.deepEqual([source.ocr?.pages, source.ocr?.totalPages], [2, 2]);
  });

  it('recognises no more pages than GONGKAI_OCR_MAX_PAGES, and says how many it read', async () => {
    const path = await fx.write('scan-limited.pdf', scan);
    const { text, source } = await withEnv('GONGKAI_OCR_MAX_PAGES', '1', () => readDocument(path));
    assert.ok(text.includes('总体情况'));
    assert.ok(!text.includes('存在的主要问题'));
    assert.deepEqual([source.ocr?.pages, source.ocr?.totalPages], [1, 2]);
  });

  it('reads the scanned pages of a PDF whose other pages are typed, in page order', async () => {
    const path = await fx.write('typed-then-scanned.pdf', await typedThenScannedPdf(PAGE_1, PAGE_2));
    const { text, source } = await readDocument(path);
    assert.ok(text.startsWith(PAGE_1.join('\n')), text); // the typed page, from its text layer, exactly
    for (const phrase of PHRASES_2) assert.ok(text.includes(phrase), `missing ${phrase} in ${JSON.stringify(text)}`);
    assert.equal(source.encoding, 'pdf+ocr');
    assert.deepEqual([source.ocr?.pages, source.ocr?.totalPages], [1, 2]);
  });

  it('keeps the typed pages when OCR cannot run on the scanned ones', async () => {
    const path = await fx.write('typed-no-ocr.pdf', await typedThenScannedPdf(PAGE_1, PAGE_2));
    const { text, source } = await withEnv('GONGKAI_OCR_PAGE_TIMEOUT_S', '0.01', () => readDocument(path));
    assert.equal(text, PAGE_1.join('\n'));
    assert.equal(source.ocr, undefined);
  });

  it('gives up on a page that takes longer than GONGKAI_OCR_PAGE_TIMEOUT_S', async () => {
    const path = await fx.write('scan-slow.pdf', scan);
    await withEnv('GONGKAI_OCR_PAGE_TIMEOUT_S', '0.01', () => rejectsWithReason(readDocument(path), path, /took longer than 0\.01 s \(GONGKAI_OCR_PAGE_TIMEOUT_S\)$/));
  });

  it('says so when the scan holds no text', async () => {
    const path = await fx.write('blank-scan.pdf', await imagePdf([BLANK_PNG]));
    await rejectsWithReason(readDocument(path), path, /^no text layer, and OCR found no text/);
  });

  it('reads a text PDF from its text layer, without OCR', async () => {
    const path = await fx.write('text.pdf', await textPdf(PAGE_2));
    const { text, source } = await readDocument(path);
    assert.equal(text, PAGE_2.join('\n'));
    assert.equal(source.encoding, 'pdf');
    assert.equal(source.ocr, undefined);
  });

  it('reads an image-only .docx (a scan pasted into Word) with Tesseract', async () => {
    const path = await fx.write('scan.docx', await imageDocx(await renderPng(await textPdf(PAGE_1))));
    const { text, source } = await readDocument(path);
    for (const phrase of PHRASES_1) assert.ok(text.includes(phrase), `missing ${phrase} in ${JSON.stringify(text)}`);
    assert.equal(source.encoding, 'docx+ocr');
    assert.deepEqual([source.ocr?.pages, source.ocr?.totalPages], [1, 1]);
  });
});
