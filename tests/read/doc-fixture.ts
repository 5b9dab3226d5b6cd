// A minimal Word 97–2003 .doc, written at test time (no library writes .doc and no binary is
// committed): an OLE compound file (MS-CFB, version 3, 512-byte sectors) holding a
// `WordDocument` stream — a FIB with the fields a reader needs, then the text as UTF-16LE —
// and a `1Table` stream holding the piece table (MS-DOC Clx) that points at that text.
// Both streams are padded to 4096 bytes so that they live in regular sectors (no mini stream).
// Only paragraphs: table rows would need paragraph properties (PAPX), which this does not write.

const SECTOR = 512;
const STREAM_BYTES = 4096; // the mini-stream cutoff: a stream this size goes to regular sectors
const FREE = 0xffffffff, END = 0xfffffffe, FATSECT = 0xfffffffd, NOSTREAM = 0xffffffff;
const TEXT_AT = 0x800; // where the text starts in WordDocument (after the FIB)

/** The bytes of a .doc whose body is `paragraphs` (each ends with Word's paragraph mark, \r). */
export function makeDoc(paragraphs: string[]): Buffer {
  const text = paragraphs.map((p) => `${p}\r`).join('');
  const utf16 = Buffer.from(text, 'utf16le');
  if (TEXT_AT + utf16.length > STREAM_BYTES) throw new Error('text too long for this minimal .doc');

  const word = Buffer.alloc(STREAM_BYTES);
  word.writeUInt16LE(0xa5ec, 0x00); // wIdent: a Word document
  word.writeUInt16LE(0x00c1, 0x02); // nFib: Word 97
  word.writeUInt16LE(0x0200, 0x0a); // fWhichTblStm: the table stream is 1Table
  word.writeUInt32LE(TEXT_AT, 0x18); // fcMin
  word.writeUInt32LE(text.length, 0x4c); // ccpText: characters in the main document
  word.writeUInt32LE(0, 0x01a2); // fcClx: the piece table is at the start of 1Table
  word.writeUInt32LE(1 + 4 + 16, 0x01a6); // lcbClx
  utf16.copy(word, TEXT_AT);

  const table = Buffer.alloc(STREAM_BYTES);
  table.writeUInt8(2, 0); // Pcdt
  table.writeUInt32LE(16, 1); // lcb of PlcPcd: two CPs and one PCD
  table.writeUInt32LE(0, 5); // CP 0
  table.writeUInt32LE(text.length, 9); // CP end
  table.writeUInt16LE(0, 13); // PCD flags
  table.writeUInt32LE(TEXT_AT, 15); // fc, bit 30 clear: the piece is UTF-16LE at this byte offset
  table.writeUInt16LE(0, 19); // prm

  return compoundFile([['WordDocument', word], ['1Table', table]]);
}

/** An MS-CFB v3 file: sector 0 the FAT, sector 1 the directory, then each stream's sectors. */
function compoundFile(streams: Array<[string, Buffer]>): Buffer {
  const header = Buffer.alloc(SECTOR);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // sector shift: 512
  header.writeUInt16LE(6, 0x20); // mini sector shift: 64
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(STREAM_BYTES, 0x38); // mini stream cutoff
  header.writeUInt32LE(END, 0x3c); // no mini FAT
  header.writeUInt32LE(0, 0x40);
  header.writeUInt32LE(END, 0x44); // no DIFAT sectors
  header.writeUInt32LE(0, 0x48);
  for (let k = 0; k < 109; k++) header.writeUInt32LE(k === 0 ? 0 : FREE, 0x4c + 4 * k); // DIFAT: the FAT is sector 0

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(END, 4);
  let next = 2;
  const starts: number[] = [];
  for (const [, data] of streams) {
    starts.push(next);
    const count = Math.ceil(data.length / SECTOR);
    for (let k = 0; k < count; k++) fat.writeUInt32LE(k === count - 1 ? END : next + k + 1, 4 * (next + k));
    next += count;
  }

  const dir = Buffer.alloc(SECTOR);
  const entry = (k: number, name: string, type: number, start: number, size: number, links: { left?: number; right?: number; child?: number }) => {
    const at = k * 128;
    Buffer.from(`${name}\0`, 'utf16le').copy(dir, at);
    dir.writeUInt16LE((name.length + 1) * 2, at + 64);
    dir.writeUInt8(type, at + 66);
    dir.writeUInt8(1, at + 67); // black
    dir.writeUInt32LE(links.left ?? NOSTREAM, at + 68);
    dir.writeUInt32LE(links.right ?? NOSTREAM, at + 72);
    dir.writeUInt32LE(links.child ?? NOSTREAM, at + 76);
    dir.writeUInt32LE(start, at + 116);
    dir.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, END, 0, { child: 1 });
  // The siblings form a tree ordered by name length, then name: "1Table" < "WordDocument".
  streams.forEach(([name, data], k) => entry(k + 1, name, 2, starts[k]!, data.length, k === 0 && streams.length > 1 ? { left: 2 } : {}));
  for (let k = streams.length + 1; k < 4; k++) {
    dir.writeUInt32LE(NOSTREAM, k * 128 + 68);
    dir.writeUInt32LE(NOSTREAM, k * 128 + 72);
    dir.writeUInt32LE(NOSTREAM, k * 128 + 76);
  }

  return Buffer.concat([header, fat, dir, ...streams.map(([, data]) => pad(data))]);
}

const pad = (data: Buffer) => Buffer.concat([data, Buffer.alloc(Math.ceil(data.length / SECTOR) * SECTOR - data.length)]);

