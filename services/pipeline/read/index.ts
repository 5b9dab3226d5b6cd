// Stage 1 of the pipeline: a file on disk → its text, plus what we know about the source.
// Every failure is a ReadError naming the file and the reason in plain words.
import { createHash } from 'node:crypto';
import { constants, readlinkSync, realpathSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { sep } from 'node:path';
import { OCR_SUFFIX, type FileKind, type OcrInfo, type SourceInfo } from '../../core/schema.js';
import { readDoc } from './doc.js';
import { readDocx } from './docx.js';
import { ReadError, Unreadable } from './errors.js';
import { readHtml } from './html.js';
import type { PageMetadata } from './html-meta.js';
import { detectKind } from './kind.js';
import { readPdf } from './pdf.js';
import { readTxt } from './txt.js';

export { ReadError } from './errors.js';

export async function readDocument(path: string): Promise<{ text: string; source: SourceInfo }> {
  const bytes = await readSource(path);
  return decodeDocument(path, bytes, createHash('sha256').update(bytes).digest('hex'));
}

export interface SourceLimit {
  /** Larger files are refused by their size on disk, unread, with the reason `tooLarge` gives. */
  maxBytes: number;
  tooLarge: (size: number) => string;
  /** When set, the file opened must really lie under one of these folders (real paths). */
  within?: string[];
  /** The reason a file outside them is refused with. */
  outside?: string;
}

/** The bytes of a file, read once; every failure is a ReadError naming the file. */
export async function readSource(path: string, limit?: SourceLimit): Promise<Buffer> {
  try {
    return await readBytes(path, limit);
  } catch (err) {
    throw asReadError(path, err);
  }
}

/**
 * The text of a file from bytes already read (and hashed: `sha256` is of these bytes).
 * The PDF reader takes over the buffer, so `bytes` must not be used afterwards.
 */
export async function decodeDocument(path: string, bytes: Buffer, sha256: string): Promise<{ text: string; source: SourceInfo }> {
  try {
    const kind = detectKind(path, bytes);
    if (bytes.length === 0) throw new Unreadable('empty file');
    const size = bytes.length;
    const { text, encoding, page, ocr } = await extract(kind, bytes);
    return { text, source: { path, kind, bytes: size, sha256, encoding, ...page, ...(ocr && { ocr }) } };
  } catch (err) {
    throw asReadError(path, err);
  }
}

function asReadError(path: string, err: unknown): ReadError {
  if (err instanceof ReadError) return err;
  if (err instanceof Unreadable) return new ReadError(path, err.reason);
  // A bug or a library failing in a way we did not foresee: still name the file.
  const wrapped = new ReadError(path, `unexpected error: ${err instanceof Error ? err.message : String(err)}`);
  wrapped.cause = err;
  return wrapped;
}

/** A reader's answer: the text, how it was decoded, and what the file says about itself. */
interface Extracted {
  text: string;
  encoding: string;
  page?: PageMetadata;
  ocr?: OcrInfo;
}

async function extract(kind: FileKind, bytes: Buffer): Promise<Extracted> {
  switch (kind) {
    case 'txt': return readTxt(bytes);
    case 'html': return readHtml(bytes);
    case 'docx': return withOcrMark('docx', await readDocx(bytes));
    case 'pdf': return withOcrMark('pdf', await readPdf(bytes));
    case 'doc': return { text: await readDoc(bytes), encoding: 'doc' };
  }
}

const withOcrMark = (container: string, read: { text: string; ocr?: OcrInfo }): Extracted =>
  read.ocr ? { text: read.text, encoding: container + OCR_SUFFIX, ocr: read.ocr } : { text: read.text, encoding: container };

async function readBytes(path: string, limit?: SourceLimit): Promise<Buffer> {
  let file: FileHandle | undefined;
  try {
    // Opened once, and everything checked on what was opened: a link swapped between the walk's
    // check and this read cannot send it elsewhere. O_NONBLOCK: opening a FIFO must not block.
    file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await file.stat();
    if (info.isDirectory()) throw new Unreadable('is a directory, not a file');
    if (!info.isFile()) throw new Unreadable('not a regular file');
    if (limit && info.size > limit.maxBytes) throw new Unreadable(limit.tooLarge(info.size));
    if (limit?.within && !limit.within.some((root) => isWithin(root, openedPath(file!, path)))) throw new Unreadable(limit.outside ?? 'outside the folders given');
    return await file.readFile();
  } catch (err) {
    if (err instanceof Unreadable) throw err;
    throw new Unreadable(osReason(err));
  } finally {
    await file?.close();
  }
}

/** The real path of the file a handle holds (Linux names it in /proc); elsewhere, the path resolved now. */
function openedPath(file: FileHandle, path: string): string {
  try {
    return readlinkSync(`/proc/self/fd/${file.fd}`);
  } catch {
    return realpathSync(path);
  }
}

const isWithin = (root: string, path: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

const OS_REASONS: Record<string, string> = {
  ENOENT: 'file not found',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links (a link loop?)',
  ENAMETOOLONG: 'path too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error (bad disk or network share?)',
  EBUSY: 'file is busy',
};

function osReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && Object.hasOwn(OS_REASONS, code)) return OS_REASONS[code]!;
  return err instanceof Error ? err.message : String(err);
}
