// ingest: files and folders → the index. One bad file never stops the batch: it is
// reported with its reason, and each report is written atomically or not at all.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseText } from '../pipeline/parse.js';
import { readDocument } from '../pipeline/read/index.js';
import type { Engine } from '../search/engine.js';
import { toIndexed } from './to-indexed.js';
import { findReportFiles } from './walk.js';

export interface IngestProgress { done: number; total: number; bytes: number; passages: number; file: string }
export interface IngestSummary {
  files: number; indexed: number; replaced: number; unchanged: number; passages: number; bytes: number; ms: number;
  failed: Array<{ file: string; reason: string }>;
}

export interface IngestOptions {
  demo?: boolean;
  onProgress?: (p: IngestProgress) => void;
  /** Files larger than this are refused without being read (default DEFAULT_MAX_FILE_MB). */
  maxFileMb?: number;
  /** Only files really under this folder are read (links are followed, then checked). */
  within?: string;
}

export const DEFAULT_MAX_FILE_MB = 100;

/** Refuses a file above the size limit by its size on disk alone: nothing is read into memory. */
async function checkSize(file: string, maxMb: number): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (info && info.size > maxMb * 1024 * 1024) {
    throw new Error(`file too large (${(info.size / 1024 / 1024).toFixed(1)} MB; the limit is ${maxMb} MB, set by GONGKAI_MAX_FILE_MB)`);
  }
}

export async function ingest(engine: Engine, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const { files, problems } = await findReportFiles(paths.map((p) => resolve(p)), { within: opts.within });
  const maxMb = opts.maxFileMb ?? DEFAULT_MAX_FILE_MB;
  const summary: IngestSummary = { files: files.length, indexed: 0, replaced: 0, unchanged: 0, passages: 0, bytes: 0, ms: 0, failed: [...problems] };
  for (const [i, file] of files.entries()) {
    try {
      await checkSize(file, maxMb);
      // Cheap check first: the same bytes at the same path were indexed before.
      const bytes = await readFile(file).catch(() => null);
      const sha = bytes ? createHash('sha256').update(bytes).digest('hex') : null;
      if (sha && (await engine.backend.isIndexed(file, sha))) {
        summary.unchanged++;
        summary.bytes += bytes!.length;
      } else {
        const { text, source } = await readDocument(file);
        const parsed = parseText(text, { fileName: basename(file) });
        const outcome = await engine.backend.upsert(toIndexed(parsed, source, text, engine.segmenter, opts.demo ?? false));
        summary[outcome]++;
        if (outcome !== 'unchanged') summary.passages += parsed.passages.length;
        summary.bytes += source.bytes;
      }
    } catch (err) {
      const reason = err instanceof Error ? err.message.replace(`${file}: `, '') : String(err);
      summary.failed.push({ file, reason });
    }
    opts.onProgress?.({ done: i + 1, total: files.length, bytes: summary.bytes, passages: summary.passages, file });
  }
  summary.ms = Math.round(performance.now() - started);
  return summary;
}
