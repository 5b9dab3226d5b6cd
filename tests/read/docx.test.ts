import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readDocument } from '../../services/pipeline/read/index.js';
import { fixtureDir, makeDocx, rejectsWithReason } from './fixtures.js';

let fx: Awaited<ReturnType<typeof fixtureDir>>;
before(async () => { fx = await fixtureDir(); });
after(() => fx.cleanup());

const PARAGRAPHS = ['政府信息公开工作年度报告', '一、总体情况', '本年度共受理政府信息公开申请四十五件。'];
const ROWS = [['项目', '数量'], ['申请数', '45'], ['办结数', '44']];

describe('DOCX', () => {
  it('reads paragraphs as lines and a table as tab-separated rows', async () => {
    const bytes = await makeDocx(PARAGRAPHS, ROWS, ['二、存在的主要问题']);
    const path = await fx.write('report.docx', bytes);
    const { text, source } = await readDocument(path);
    assert.equal(text, [...PARAGRAPHS, '项目\t数量', '申请数\t45', '办结数\t44', '二、存在的主要问题'].join('\n'));
    assert.equal(source.kind, 'docx');
    assert.equal(source.encoding, 'docx');
    assert.equal(source.bytes, bytes.length);
  });

  it('recognises a .docx by its content when the extension says nothing', async () => {
    const path = await fx.write('download', await makeDocx(PARAGRAPHS));
    const { text, source } = await readDocument(path);
    assert.equal(source.kind, 'docx');
    assert.equal(text, PARAGRAPHS.join('\n'));
  });

  it('explains a password-protected .docx (an OLE container)', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const path = await fx.write('secret.docx', ole);
    await rejectsWithReason(readDocument(path), path, /^password-protected or legacy \.doc \(OLE\) file; save it as \.docx$/);
  });

  it('reads a .doc with the .doc reader, which explains a broken one', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const path = await fx.write('old.doc', ole);
    await rejectsWithReason(readDocument(path), path, /^corrupt or truncated \.doc \(.+\)$/);
  });

  it('rejects a truncated .docx as corrupt', async () => {
    const bytes = await makeDocx(PARAGRAPHS, ROWS);
    const path = await fx.write('truncated.docx', bytes.subarray(0, bytes.length >> 1));
    await rejectsWithReason(readDocument(path), path, /^corrupt or truncated \.docx \(.+\)$/);
  });

  it('rejects a .docx that is not a zip archive as corrupt', async () => {
    const path = await fx.write('fake.docx', '这不是一个Word文档');
    await rejectsWithReason(readDocument(path), path, /^corrupt or truncated \.docx \(not a zip archive\)$/);
  });

  it('says so when a document has no text at all', async () => {
    const path = await fx.write('images-only.docx', await makeDocx([]));
    await rejectsWithReason(readDocument(path), path, /no text in document/);
  });
});
