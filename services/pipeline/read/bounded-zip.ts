// A zip archive read within bounds, for mammoth: a small .docx may inflate to gigabytes (a
// zip bomb). Each entry is inflated by yauzl while its bytes are counted, and refused past
// MAX_ENTRY_BYTES, or once everything read from the archive passes MAX_TOTAL_BYTES. Declared
// sizes are checked first, but never trusted: the count while inflating is what holds.
import yauzl from 'yauzl';
import { Unreadable } from './errors.js';

// A long report's document.xml is a few MB; mammoth needs about 1 s and 30 MB of memory per MB
// of it (a 60 MiB one: a minute), so these bounds leave room for real documents only.
export const MAX_ENTRY_BYTES = 32 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 160 * 1024 * 1024;
/** Entries in a .docx are a few dozen; a million tiny ones is an attack on the central directory. */
const MAX_ENTRIES = 10_000;

export interface ZipLimits { entryBytes: number; totalBytes: number }

/** The interface mammoth reads a document through (its `file` input): only exists and read are used. */
export interface MammothZip {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<Uint8Array | string>;
  write(name: string, contents: string): void;
  toArrayBuffer(): Promise<ArrayBuffer>;
}

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

export async function openBoundedZip(bytes: Buffer, limits: ZipLimits = { entryBytes: MAX_ENTRY_BYTES, totalBytes: MAX_TOTAL_BYTES }): Promise<MammothZip> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (err, z) => (err ? reject(err) : resolve(z))));
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entries.size >= MAX_ENTRIES) { reject(new Unreadable(`suspicious .docx: more than ${MAX_ENTRIES} entries in the archive`)); return; }
      // The first of two entries with one name wins, as in the central directory's order.
      if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });

  let total = 0;
  const inflate = (entry: yauzl.Entry) => new Promise<Buffer>((resolve, reject) => {
    const tooLarge = () => new Unreadable(`suspicious .docx (zip bomb?): ${entry.fileName} inflates to more than ${mib(limits.entryBytes)}`);
    const tooMuch = () => new Unreadable(`suspicious .docx (zip bomb?): its parts inflate to more than ${mib(limits.totalBytes)} in all`);
    if (entry.uncompressedSize > limits.entryBytes) { reject(tooLarge()); return; }
    if (total + entry.uncompressedSize > limits.totalBytes) { reject(tooMuch()); return; }
    zip.openReadStream(entry, (err, stream) => {
      if (err) { reject(err); return; }
      const chunks: Buffer[] = [];
      let size = 0;
      let failed = false;
      const fail = (e: unknown) => { if (failed) return; failed = true; stream.destroy(); reject(e); };
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        total += chunk.length;
        if (size > limits.entryBytes) fail(tooLarge());
        else if (total > limits.totalBytes) fail(tooMuch());
        else chunks.push(chunk);
      });
      // yauzl's own count (validateEntrySizes): more bytes than the headers declare.
      stream.on('error', (e: Error) => fail(/too many bytes/.test(e.message)
        ? new Unreadable(`suspicious .docx (zip bomb?): ${entry.fileName} inflates to more than its header declares`) : e));
      stream.on('end', () => { if (!failed) resolve(Buffer.concat(chunks, size)); });
    });
  });

  return {
    exists: (name) => entries.has(name),
    async read(name, encoding) {
      const entry = entries.get(name);
      if (!entry) throw new Error(`no ${name} in the archive`);
      const data = await inflate(entry);
      if (encoding === 'base64') return data.toString('base64');
      if (encoding) return new TextDecoder(encoding).decode(data);
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    },
    write() { throw new Error('read-only archive'); },
    toArrayBuffer() { return Promise.reject(new Error('read-only archive')); },
  };
}
