import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { normalize } from '../../services/pipeline/normalize/index.js';
import { readDocument } from '../../services/pipeline/read/index.js';
import { drawPdf, fixtureDir, handmadePdf, rejectsWithReason } from './fixtures.js';

let fx: Awaited<ReturnType<typeof fixtureDir>>;
let report: Buffer;
let twoPages: Buffer;
let blank: Buffer;
let artefacts: Buffer;

// Laid out by hand as a browser would print them (A4, 72 pt margins, baselines going down the
// page): a heading, two paragraphs and a table row whose two cells stand 40 pt apart.
const LEFT = 72;
const TOP = 760;

before(async () => {
  fx = await fixtureDir();
  report = await drawPdf((width) => [[
    { text: '政府信息公开工作年度报告', x: LEFT, y: TOP, size: 24 },
    { text: '一、总体情况', x: LEFT, y: TOP - 40 },
    { text: '本年度共主动公开政府信息一百二十三条。', x: LEFT, y: TOP - 60 },
    { text: '申请数', x: LEFT, y: TOP - 90 },
    { text: '45', x: LEFT + width('申请数') + 40, y: TOP - 90 },
  ]]);
  twoPages = await drawPdf([
    [{ text: '第一部分：主动公开政府信息情况', x: LEFT, y: TOP }],
    [{ text: '第二部分：收到和处理政府信息公开申请情况', x: LEFT, y: TOP }],
  ]);
  blank = await drawPdf([[]]);
  // What real reports' PDFs do: a word drawn in two pieces with a gap (政 府信息), a paragraph
  // running on over a page break, and a page number in each footer, on a baseline of its own.
  artefacts = await drawPdf((width) => [[
    { text: '政府信息公开工作年度报告', x: LEFT, y: TOP, size: 18 },
    { text: '政', x: LEFT, y: TOP - 30 },
    { text: '府信息公开工作由办公室负责，全年共主动公开', x: LEFT + width('政') + 4, y: TOP - 30 },
    { text: '政府信息一百二十三条，其中通过政府网站发布', x: LEFT, y: TOP - 50 },
    { text: '- 1 -', x: 290, y: 40 },
  ], [
    { text: '八十条。', x: LEFT, y: TOP },
    { text: '- 2 -', x: 290, y: 40 },
  ]]);
});
after(() => fx.cleanup());

/**
 * Compare as a reader would: a PDF's text layer may put spaces between characters, and some
 * writers' ToUnicode maps ideographs to Kangxi radicals (工 → ⼯, as Chromium's did); both are
 * left for the normalize stage, so the assertion folds them (NFKC) and ignores white space.
 */
const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

describe('PDF', () => {
  it('reads the text layer of a Chinese PDF, one line per baseline', async () => {
    const path = await fx.write('report.pdf', report);
    const { text, source } = await readDocument(path);
    const plain = squeeze(text);
    for (const expected of ['政府信息公开工作年度报告', '一、总体情况', '本年度共主动公开政府信息一百二十三条。', '申请数45']) {
      assert.ok(plain.includes(expected), `missing ${expected} in ${JSON.stringify(text)}`);
    }
    const lines = text.split('\n').map(squeeze);
    assert.ok(lines.includes('政府信息公开工作年度报告'), 'the heading is a line of its own');
    assert.ok(lines.includes('一、总体情况'), 'the paragraph is a line of its own');
    assert.ok(text.split('\n').some((l) => /申请数\s+45/.test(l.normalize('NFKC'))), 'table cells stay on one line, apart');
    // The font's ToUnicode map gives back exactly what was drawn, cells a space apart.
    assert.equal(text, '政府信息公开工作年度报告\n一、总体情况\n本年度共主动公开政府信息一百二十三条。\n申请数 45');
    assert.deepEqual(source, {
      path, kind: 'pdf', bytes: report.length, encoding: 'pdf',
      sha256: createHash('sha256').update(report).digest('hex'),
    });
  });

  it('separates pages by a blank line', async () => {
    const path = await fx.write('two-pages.pdf', twoPages);
    const pages = (await readDocument(path)).text.split('\n\n').map(squeeze);
    assert.deepEqual(pages, ['第一部分:主动公开政府信息情况', '第二部分:收到和处理政府信息公开申请情况']);
  });

  it('keeps layout artefacts for the normalize stage, which removes them', async () => {
    const path = await fx.write('artefacts.pdf', artefacts);
    const { text } = await readDocument(path);
    assert.equal(text, '政府信息公开工作年度报告\n政 府信息公开工作由办公室负责，全年共主动公开\n' +
      '政府信息一百二十三条，其中通过政府网站发布\n- 1 -\n\n八十条。\n- 2 -');
    const clean = normalize(text).text;
    assert.equal(clean.trimEnd(), '政府信息公开工作年度报告\n政府信息公开工作由办公室负责，全年共主动公开政府信息一百二十三条，其中通过政府网站发布八十条。');
  });

  it('reads non-embedded Adobe CJK fonts (STSong-Light, UniGB-UCS2-H)', async () => {
    const path = await fx.write('stsong.pdf', handmadePdf({ text: '政府信息公开' }));
    assert.equal((await readDocument(path)).text, '政府信息公开');
  });

  it('recognises a PDF by its content when the extension says nothing', async () => {
    const path = await fx.write('download.aspx', report);
    assert.equal((await readDocument(path)).source.kind, 'pdf');
  });

  it('says OCR is needed when there is no text layer', async () => {
    const path = await fx.write('scanned.pdf', blank);
    await rejectsWithReason(readDocument(path), path, /^no text layer and no images \(blank PDF\?\)$/);
  });

  it('rejects a truncated PDF as corrupt', async () => {
    const path = await fx.write('truncated.pdf', report.subarray(0, report.length >> 1));
    await rejectsWithReason(readDocument(path), path, /^corrupt or truncated PDF \(.+\)$/);
  });

  it('rejects a password-protected PDF', async () => {
    const path = await fx.write('encrypted.pdf', handmadePdf({ text: '政府信息公开', encrypted: true }));
    await rejectsWithReason(readDocument(path), path, /^password-protected PDF$/);
  });
});
