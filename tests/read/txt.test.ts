import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { readDocument } from '../../services/pipeline/read/index.js';
import { encode, fixtureDir, rejectsWithReason, SAMPLE } from './fixtures.js';

let fx: Awaited<ReturnType<typeof fixtureDir>>;
before(async () => { fx = await fixtureDir(); });
after(() => fx.cleanup());

describe('plain text: the encoding is detected, never assumed', () => {
  const cases: { name: string; bytes: () => Buffer; encoding: string }[] = [
    { name: 'UTF-8', bytes: () => encode(SAMPLE, 'utf-8'), encoding: 'utf-8' },
    { name: 'UTF-8 with BOM', bytes: () => encode(SAMPLE, 'utf-8', true), encoding: 'utf-8' },
    { name: 'UTF-16LE with BOM', bytes: () => encode(SAMPLE, 'utf-16le', true), encoding: 'utf-16le' },
    { name: 'UTF-16BE with BOM', bytes: () => encode(SAMPLE, 'utf-16be', true), encoding: 'utf-16be' },
    { name: 'UTF-16LE without BOM', bytes: () => encode(SAMPLE, 'utf-16le'), encoding: 'utf-16le' },
    { name: 'UTF-16BE without BOM', bytes: () => encode(SAMPLE, 'utf-16be'), encoding: 'utf-16be' },
    { name: 'GBK', bytes: () => encode(SAMPLE, 'gbk'), encoding: 'gb18030' },
    { name: 'GB2312', bytes: () => encode(SAMPLE, 'gb2312'), encoding: 'gb18030' },
    { name: 'GB18030 (with a character outside GBK)', bytes: () => encode(`${SAMPLE}\n㐀`, 'gb18030'), encoding: 'gb18030' },
  ];
  for (const c of cases) {
    it(`reads ${c.name}`, async () => {
      const bytes = c.bytes();
      const path = await fx.write(`${c.name.replace(/\W+/g, '-')}.txt`, bytes);
      const { text, source } = await readDocument(path);
      const expected = c.name.startsWith('GB18030') ? `${SAMPLE}\n㐀` : SAMPLE;
      assert.equal(text, expected, 'text decoded exactly, with no BOM');
      assert.equal(source.encoding, c.encoding);
    });
  }

  it('turns \\r\\n and \\r into \\n', async () => {
    const path = await fx.write('crlf.txt', encode('第一行\r\n第二行\r第三行\n', 'gbk'));
    assert.equal((await readDocument(path)).text, '第一行\n第二行\n第三行\n');
  });

  it('describes the source: path, kind, size and sha256 of the bytes', async () => {
    const bytes = encode(SAMPLE, 'utf-8');
    const path = await fx.write('source.txt', bytes);
    const { source } = await readDocument(path);
    assert.deepEqual(source, {
      path, kind: 'txt', bytes: bytes.length, encoding: 'utf-8',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('accepts .text and upper-case extensions', async () => {
    assert.equal((await readDocument(await fx.write('a.text', SAMPLE))).text, SAMPLE);
    assert.equal((await readDocument(await fx.write('B.TXT', SAMPLE))).source.kind, 'txt');
  });
});

describe('plain text: files that are not text', () => {
  it('rejects a 0-byte file as empty', async () => {
    const path = await fx.write('zero.txt', '');
    await rejectsWithReason(readDocument(path), path, /^empty file$/);
  });

  it('rejects a file of white space only as empty (whatever its encoding)', async () => {
    const path = await fx.write('blank.txt', encode(' \r\n\t\u3000\n', 'utf-16le', true));
    // U+3000 is white space to trim() too: nothing readable is left.
    await rejectsWithReason(readDocument(path), path, /^empty file$/);
  });

  it('rejects binary junk with NUL bytes', async () => {
    // Deterministic pseudo-random bytes, like an image renamed to .txt.
    const junk = Buffer.alloc(4096);
    let seed = 12345;
    for (let i = 0; i < junk.length; i++) junk[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    const path = await fx.write('junk.txt', junk);
    await rejectsWithReason(readDocument(path), path, /^binary file, not text$/);
  });

  it('rejects binary junk made of control bytes without NULs', async () => {
    const junk = Buffer.from(Array.from({ length: 600 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x41 + (i % 26))));
    const path = await fx.write('controls.txt', junk);
    await rejectsWithReason(readDocument(path), path, /^binary file, not text$/);
  });
});
