import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { readDocument } from '../../services/pipeline/read/index.js';
import { fixtureDir, handmadePdf, printPdfs, rejectsWithReason } from './fixtures.js';

let fx: Awaited<ReturnType<typeof fixtureDir>>;
let report: Buffer;
let twoPages: Buffer;
let blank: Buffer;

const REPORT_HTML = `<html><body style="font-family: 'Noto Sans CJK SC', sans-serif">
<h1>政府信息公开工作年度报告</h1>
<p>一、总体情况</p>
<p>本年度共主动公开政府信息一百二十三条。</p>
<table><tr><td style="padding-right: 40px">申请数</td><td>45</td></tr></table>
</body></html>`;

const TWO_PAGES_HTML = `<html><body>
<p>第一部分：主动公开政府信息情况</p>
<p style="break-before: page">第二部分：收到和处理政府信息公开申请情况</p>
</body></html>`;

before(async () => {
  fx = await fixtureDir();
  [report, twoPages, blank] = await printPdfs([REPORT_HTML, TWO_PAGES_HTML, '<html><body></body></html>']) as [Buffer, Buffer, Buffer];
});
after(() => fx.cleanup());

/**
 * Compare as a reader would: the PDF's text layer may put spaces between characters, and
 * Noto's ToUnicode maps some ideographs to Kangxi radicals (工 → ⼯); both are left for
 * the normalize stage, so the assertion folds them (NFKC) and ignores white space.
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
