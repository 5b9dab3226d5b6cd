// Hostile files, generated on demand (never committed): .docx zip bombs and one-line reports.
// Also run as a script to make them for the measurements in docs/security.md:
//   npx tsx tests/hardening/hostile-files.ts bomb <out.docx> <MiB> [--lie]
//   npx tsx tests/hardening/hostile-files.ts line <out.txt> <MB>
import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOC_HEAD = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOC_TAIL = '</w:body></w:document>';
const PARAGRAPH = '<w:p><w:r><w:t>政府信息公开工作年度报告</w:t></w:r></w:p>';

interface Part { name: string; crc: number; size: number; compressedSize: number; offset: number }

/** Writes a zip (zip64 records when needed) whose parts are given as deflate streams, chunk by chunk. */
class ZipWriter {
  private fd: number;
  private offset = 0;
  private parts: Part[] = [];
  constructor(path: string) { this.fd = openSync(path, 'w'); }
  private write(b: Buffer) { writeSync(this.fd, b); this.offset += b.length; }

  /** `chunks` is the deflated data; `size`, `crc` describe the inflated data; `declared` is what the headers claim. */
  add(name: string, chunks: Iterable<Buffer>, size: number, crc: number, declared = size): void {
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    const zip64 = declared >= 0xffffffff;
    const extra = zip64 ? zip64Extra(declared, 0, null) : Buffer.alloc(0);
    // Sizes in a data descriptor would be read from the central directory anyway: write them there.
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(zip64 ? 45 : 20, 4); head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8); head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(zip64 ? 0xffffffff : 0, 18); head.writeUInt32LE(zip64 ? 0xffffffff : declared, 22);
    head.writeUInt16LE(nameBytes.length, 26); head.writeUInt16LE(extra.length, 28);
    this.write(head); this.write(nameBytes); this.write(extra);
    const start = this.offset;
    for (const c of chunks) this.write(c);
    const compressedSize = this.offset - start;
    this.parts.push({ name, crc, size: declared, compressedSize, offset });
  }

  close(): void {
    const cdStart = this.offset;
    for (const p of this.parts) {
      const nameBytes = Buffer.from(p.name, 'utf8');
      const zip64 = p.size >= 0xffffffff;
      const extra = zip64 ? zip64Extra(p.size, p.compressedSize, p.offset) : Buffer.alloc(0);
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0); h.writeUInt16LE(45, 4); h.writeUInt16LE(zip64 ? 45 : 20, 6); h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(8, 10); h.writeUInt32LE(p.crc, 16);
      h.writeUInt32LE(zip64 ? 0xffffffff : p.compressedSize, 20); h.writeUInt32LE(zip64 ? 0xffffffff : p.size, 24);
      h.writeUInt16LE(nameBytes.length, 28); h.writeUInt16LE(extra.length, 30);
      h.writeUInt32LE(zip64 ? 0xffffffff : p.offset, 42);
      this.write(h); this.write(nameBytes); this.write(extra);
    }
    const cdSize = this.offset - cdStart;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(this.parts.length, 8); end.writeUInt16LE(this.parts.length, 10);
    end.writeUInt32LE(cdSize, 12); end.writeUInt32LE(cdStart, 16);
    this.write(end);
    closeSync(this.fd);
  }
}

function zip64Extra(size: number, compressedSize: number, offset: number | null): Buffer {
  const fields = offset === null ? [size, compressedSize] : [size, compressedSize, offset];
  const b = Buffer.alloc(4 + 8 * fields.length);
  b.writeUInt16LE(1, 0); b.writeUInt16LE(8 * fields.length, 2);
  fields.forEach((f, i) => b.writeBigUInt64LE(BigInt(f), 4 + 8 * i));
  return b;
}

const deflated = (s: string | Buffer) => deflateRawSync(s);

/**
 * A .docx whose word/document.xml inflates to about `mib` MiB of paragraphs. The "stored
 * deflate" trick: one 1 MiB block, deflated once with a full flush (byte-aligned, no back
 * references), is repeated as many times as needed, so gigabytes take seconds to make.
 * `lie`: the headers declare the document 1 KiB, as a hostile file would.
 */
export function makeDocxBomb(path: string, mib: number, opts: { lie?: boolean } = {}): void {
  const chunk = Buffer.from(PARAGRAPH.repeat(Math.floor((1024 * 1024) / Buffer.byteLength(PARAGRAPH))), 'utf8');
  const head = Buffer.from(DOC_HEAD, 'utf8');
  const tail = Buffer.from(DOC_TAIL, 'utf8');
  const block = (b: Buffer) => deflateRawSync(b, { finishFlush: constants.Z_FULL_FLUSH });
  const headBlock = block(head);
  const chunkBlock = block(chunk);
  const tailBlock = deflateRawSync(tail); // the final block
  let crc = crc32(head);
  for (let i = 0; i < mib; i++) crc = crc32(chunk, crc);
  crc = crc32(tail, crc);
  const size = head.length + mib * chunk.length + tail.length;
  const zip = new ZipWriter(path);
  zip.add('[Content_Types].xml', [deflated(CONTENT_TYPES)], Buffer.byteLength(CONTENT_TYPES), crc32(CONTENT_TYPES));
  zip.add('_rels/.rels', [deflated(RELS)], Buffer.byteLength(RELS), crc32(RELS));
  zip.add('word/document.xml', (function* () { yield headBlock; for (let i = 0; i < mib; i++) yield chunkBlock; yield tailBlock; })(), size, crc, opts.lie ? 1024 : size);
  zip.close();
}

/** A report on one line of about `bytes` bytes: sentences without a single line break. */
export function makeOneLine(path: string, bytes: number): void {
  const sentence = '本机关通过政府网站主动公开政府信息，公开内容不够全面，更新不够及时。';
  const fd = openSync(path, 'w');
  writeSync(fd, '某某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n');
  const block = Buffer.from(sentence.repeat(Math.max(1, Math.floor(65536 / Buffer.byteLength(sentence)))), 'utf8');
  for (let written = 0; written < bytes; written += block.length) writeSync(fd, block);
  writeSync(fd, '\n');
  closeSync(fd);
}

if (process.argv[1]?.endsWith('hostile-files.ts')) {
  const [kind, out, n] = process.argv.slice(2);
  if (kind === 'bomb') makeDocxBomb(out!, Number(n), { lie: process.argv.includes('--lie') });
  else if (kind === 'line') makeOneLine(out!, Number(n) * 1024 * 1024);
  else { console.error('usage: hostile-files.ts bomb <out.docx> <MiB> [--lie] | line <out.txt> <MB>'); process.exitCode = 2; }
}
