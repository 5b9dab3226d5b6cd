// One file's bytes → the report as the index stores it: decoded, parsed and segmented.
// The CPU-heavy half of ingestion; it runs in worker threads (pool.ts) or in this one.
import { basename } from 'node:path';
import type { IndexedReport } from '../core/schema.js';
import { parseText } from '../pipeline/parse.js';
import { decodeDocument } from '../pipeline/read/index.js';
import type { Segmenter } from '../pipeline/segment/segmenter.js';
import { toIndexed } from './to-indexed.js';

export interface PrepareJob {
  path: string;
  /** The file's bytes; taken over (a PDF reader detaches them). */
  bytes: Uint8Array;
  /** sha256 of `bytes`, already computed by the caller. */
  sha256: string;
  demo: boolean;
}

export async function prepareReport(job: PrepareJob, seg: Segmenter): Promise<IndexedReport> {
  const bytes = Buffer.isBuffer(job.bytes) ? job.bytes : Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  const { text, source } = await decodeDocument(job.path, bytes, job.sha256);
  const parsed = parseText(text, { fileName: basename(job.path), address: source.url });
  return toIndexed(parsed, source, text, seg, job.demo);
}
