import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readDocument } from '../../services/pipeline/read/index.js';
import { makeDoc } from './doc-fixture.js';
import { fixtureDir, makeDocx, rejectsWithReason } from './fixtures.js';

let fx: Awaited<ReturnType<typeof fixtureDir>>;
before(async () => { fx = await fixtureDir(); });
after(() => fx.cleanup());

const PARAGRAPHS = ['青石镇2019年政府信息公开工作年度报告', '一、总体情况', '本年度共受理政府信息公开申请四十五件，全部按期答复。'];

describe('.doc (Word 97–2003)', () => {
  it('reads the paragraphs of a .doc as lines', async () => {
    const path = await fx.write('report.doc', makeDoc(PARAGRAPHS));
    const { text, source } = await readDocument(path);
    assert.equal(text, PARAGRAPHS.join('\n'));
    assert.equal(source.kind, 'doc');
    assert.equal(source.encoding, 'doc');
  });

  it('recognises a .doc by its content when the extension says nothing', async () => {
    const { text, source } = await readDocument(await fx.write('download.bin', makeDoc(PARAGRAPHS)));
    assert.equal(source.kind, 'doc');
    assert.equal(text, PARAGRAPHS.join('\n'));
  });

  it('reads a ".doc" that is really a web page or a .docx by what it is', async () => {
    const html = await readDocument(await fx.write('page.doc', `<html><body><p>${PARAGRAPHS.join('</p><p>')}</p></body></html>`));
    assert.equal(html.source.kind, 'html');
    assert.equal(html.text, PARAGRAPHS.join('\n'));
    const docx = await readDocument(await fx.write('new.doc', await makeDocx(PARAGRAPHS)));
    assert.equal(docx.source.kind, 'docx');
    assert.equal(docx.text, PARAGRAPHS.join('\n'));
  });

  it('explains an RTF file named .doc', async () => {
    const path = await fx.write('rtf.doc', '{\\rtf1\\ansi 政府信息公开}');
    await rejectsWithReason(readDocument(path), path, /^an RTF document named \.doc/);
  });

  it('rejects a truncated .doc as corrupt', async () => {
    const path = await fx.write('truncated.doc', makeDoc(PARAGRAPHS).subarray(0, 1024));
    await rejectsWithReason(readDocument(path), path, /^corrupt or truncated \.doc \(.+\)$/);
  });

  it('says so when a .doc has no text', async () => {
    const path = await fx.write('empty.doc', makeDoc(['']));
    await rejectsWithReason(readDocument(path), path, /^no text in document/);
  });
});
