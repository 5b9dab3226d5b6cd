// Which reader a file needs: by extension first (what the user told us), and by content
// when the extension says nothing (downloads saved as `.bin`, `.aspx`, or with no extension).
import { extname } from 'node:path';
import type { FileKind } from '../../core/schema.js';
import { Unreadable } from './errors.js';

const BY_EXTENSION: Record<string, FileKind> = {
  '.txt': 'txt', '.text': 'txt',
  '.html': 'html', '.htm': 'html',
  '.docx': 'docx',
  '.doc': 'doc',
  '.pdf': 'pdf',
};

/** Compound File Binary (OLE) magic: legacy .doc, and Word's encrypted .docx wrapper. */
export const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
export const OLE_REASON = 'password-protected or legacy .doc (OLE) file; save it as .docx';
export const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

export function detectKind(path: string, bytes: Buffer): FileKind {
  const ext = extname(path);
  const known = BY_EXTENSION[ext.toLowerCase()];
  // Government sites serve many ".doc" downloads that are a web page, a .docx or an RTF file
  // renamed: for .doc the content decides.
  if (known === 'doc') {
    if (bytes.subarray(0, 5).toString('latin1') === '{\\rtf') throw new Unreadable('an RTF document named .doc (RTF is not supported; save it as .docx)');
    return sniff(bytes) ?? 'doc';
  }
  if (known) return known;
  const sniffed = sniff(bytes);
  if (sniffed) return sniffed;
  throw new Unreadable(`unsupported file type (${ext || 'no extension'})`);
}

function sniff(bytes: Buffer): FileKind | null {
  const head = bytes.subarray(0, 1024);
  // The PDF header may follow some junk; readers accept it within the first kilobyte.
  if (head.includes('%PDF', 0, 'latin1')) return 'pdf';
  // Entry names are stored uncompressed, so the main part's name is visible in the bytes.
  if (head.subarray(0, 4).equals(ZIP_MAGIC) && bytes.includes('word/document.xml', 0, 'latin1')) return 'docx';
  // An OLE file of unknown name is most likely a Word 97–2003 document; its reader says if not.
  if (head.subarray(0, 8).equals(OLE_MAGIC)) return 'doc';
  // Drop NULs so that UTF-16 markup matches too.
  const start = head.toString('latin1').replace(/\0/g, '').toLowerCase();
  if (start.includes('<html') || start.includes('<!doctype html')) return 'html';
  return null;
}
