// ingest: files and folders → the index. One bad file never stops the batch: it is
// reported with its reason, and each report is written atomically or not at all.
//
// The work is a pipeline. This thread reads each file once, hashes it and skips it when
// that exact content is indexed from that path already; the rest is decoded, parsed and
// segmented by worker threads (pool.ts), and written here, several reports per
// transaction (each still atomic), in the order of the files.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { IndexedReport } from '../core/schema.js';
import { readSource, type SourceLimit } from '../pipeline/read/index.js';
import { detectKind } from '../pipeline/read/kind.js';
import type { UpsertOutcome } from '../search/backend.js';
import type { Engine } from '../search/engine.js';
import { PoolUnavailable, PreparePool } from './pool.js';
import { prepareReport, type PrepareJob } from './prepare.js';
import { findReportFiles, realRoots } from './walk.js';

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
  /** Only files really under this folder are read (links are followed, then checked): the server's ingest root. */
  within?: string;
  /**
   * Follow links wherever they lead (default true). False: only files really under the paths
   * given are read, and links leading elsewhere are reported (the CLI's default).
   */
  followLinks?: boolean;
  /** Worker threads preparing reports (default: the available parallelism); 0 prepares them in this thread. */
  workers?: number;
}

export const DEFAULT_MAX_FILE_MB = 100;
export const OUTSIDE_GIVEN = 'a link leading outside the folders given (--follow-links reads it)';

/** Files read ahead of the one being written, and at most this many bytes of them. */
const READ_AHEAD = 48;
const READ_AHEAD_BYTES = 256 * 1024 * 1024;
/**
 * Reports per write transaction, and how long a report may wait for its batch to fill: the
 * index grows steadily (a kill loses at most that much work) and never in one jump at the end.
 */
const BATCH = 128;
const BATCH_BYTES = 16 * 1024 * 1024;
const BATCH_WAIT_MS = 100;
/** Workers start only once this much has been prepared here: a few files are done before a worker has loaded. */
const IN_THREAD_BYTES = 512 * 1024;
const CONTAINER_KINDS = new Set(['docx', 'pdf', 'doc']);
const isContainer = (job: PrepareJob) => {
  try {
    return CONTAINER_KINDS.has(detectKind(job.path, Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength)));
  } catch {
    return false; // refused by its kind: the reader says why, wherever it runs
  }
};

/** Files above the size limit are refused by their size on disk alone: nothing is read into memory. */
const sizeLimit = (maxMb: number): SourceLimit => ({
  maxBytes: maxMb * 1024 * 1024,
  tooLarge: (size) => `file too large (${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${maxMb} MB, set by GONGKAI_MAX_FILE_MB)`,
});

const reasonOf = (file: string, err: unknown) => (err instanceof Error ? err.message.replace(`${file}: `, '') : String(err));

/** Prepares reports in worker threads once there is enough work to pay for starting them, else in this thread. */
class Preparer {
  private pool: PreparePool | undefined;
  private inThread = 0;

  constructor(private readonly engine: Engine, private readonly workers: number) {}

  async run(job: PrepareJob): Promise<IndexedReport> {
    // Containers (zip, PDF, OLE) may inflate far beyond their size: they are read in a worker,
    // whose heap is bounded, even before the pool would pay for itself.
    const contained = isContainer(job);
    if (!this.pool && this.workers > 0) {
      this.inThread += job.bytes.length;
      if (contained || this.inThread > IN_THREAD_BYTES) this.pool = new PreparePool(this.workers, this.engine.segmenter.signature);
    }
    if (this.pool && (this.pool.usable || contained)) {
      try {
        return await this.pool.run(job);
      } catch (err) {
        if (!(err instanceof PoolUnavailable)) throw err;
      }
    }
    return prepareReport(job, this.engine.segmenter);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

type Read =
  | { kind: 'unchanged'; bytes: number }
  | { kind: 'failed'; reason: string }
  | { kind: 'new'; doc: Promise<{ doc: IndexedReport } | { error: unknown }>; size: number };

interface Pending { index: number; file: string; doc: IndexedReport }

export async function ingest(engine: Engine, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const given = paths.map((p) => resolve(p));
  const confine = opts.within !== undefined
    ? { within: await realRoots([opts.within]), outside: 'outside the ingest root' }
    : opts.followLinks === false ? { within: await realRoots(given), outside: OUTSIDE_GIVEN } : {};
  const { files, problems } = await findReportFiles(given, confine);
  // The reader checks again what it opened: a link swapped after the walk is refused too.
  const limit = { ...sizeLimit(opts.maxFileMb ?? DEFAULT_MAX_FILE_MB), ...confine };
  const demo = opts.demo ?? false;
  const backend = engine.backend;
  const summary: IngestSummary = { files: files.length, indexed: 0, replaced: 0, unchanged: 0, passages: 0, bytes: 0, ms: 0, failed: [...problems] };
  const failed: Array<{ index: number; file: string; reason: string }> = [];
  const preparer = new Preparer(engine, Math.max(0, Math.floor(opts.workers ?? Math.max(1, availableParallelism()))));
  let done = 0;
  const finish = (index: number, file: string, outcome: UpsertOutcome | { reason: string }, bytes = 0, passages = 0) => {
    if (typeof outcome === 'string') {
      summary[outcome]++;
      summary.bytes += bytes;
      if (outcome !== 'unchanged') summary.passages += passages;
    } else {
      failed.push({ index, file, reason: outcome.reason });
    }
    opts.onProgress?.({ done: ++done, total: files.length, bytes: summary.bytes, passages: summary.passages, file });
  };

  /** Read once, hash, and skip the file when this content is indexed from this path; otherwise prepare it. */
  let held = 0;
  const read = async (file: string): Promise<Read> => {
    try {
      const bytes = await readSource(file, limit);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (await backend.isIndexed(file, sha256)) return { kind: 'unchanged', bytes: bytes.length };
      held += bytes.length;
      const doc = preparer.run({ path: file, bytes, sha256, demo }).then((d) => ({ doc: d }), (error: unknown) => ({ error }));
      return { kind: 'new', doc, size: bytes.length };
    } catch (err) {
      return { kind: 'failed', reason: reasonOf(file, err) };
    }
  };

  let batch: Pending[] = [];
  let batchBytes = 0;
  let batchSince = 0;
  const flush = async () => {
    if (!batch.length) return;
    const docs = batch;
    batch = [];
    batchBytes = 0;
    let outcomes: Array<UpsertOutcome | Error>;
    try {
      outcomes = backend.upsertMany ? await backend.upsertMany(docs.map((p) => p.doc)) : await upsertEach(docs.map((p) => p.doc));
    } catch {
      // The transaction as a whole failed: one report at a time, so each failure has its own reason.
      outcomes = await upsertEach(docs.map((p) => p.doc));
    }
    docs.forEach((p, k) => {
      const outcome = outcomes[k]!;
      if (outcome instanceof Error) finish(p.index, p.file, { reason: reasonOf(p.file, outcome) });
      else finish(p.index, p.file, outcome, p.doc.source.bytes, p.doc.passages.length);
    });
  };
  const upsertEach = async (docs: IndexedReport[]) => {
    const out: Array<UpsertOutcome | Error> = [];
    for (const d of docs) out.push(await backend.upsert(d).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
    return out;
  };
  /** A prepared report; a batch kept waiting too long is written meanwhile. */
  const awaitDoc = async <T>(p: Promise<T>): Promise<T> => {
    if (batch.length) {
      const left = batchSince + BATCH_WAIT_MS - performance.now();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<typeof LATE>((r) => { timer = setTimeout(r, Math.max(0, left), LATE); });
      const first = await Promise.race([p, late]);
      clearTimeout(timer);
      if (first !== LATE) return first as T;
      await flush();
    }
    return p;
  };

  const reads: Array<Promise<Read> | undefined> = [];
  let next = 0;
  try {
    for (let i = 0; i < files.length; i++) {
      while (next < files.length && next - i < READ_AHEAD && (next === i || held < READ_AHEAD_BYTES)) reads[next] = read(files[next]!), next++;
      const file = files[i]!;
      const r = await awaitDoc(reads[i]!);
      reads[i] = undefined;
      if (r.kind === 'unchanged') { finish(i, file, 'unchanged', r.bytes); continue; }
      if (r.kind === 'failed') { finish(i, file, { reason: r.reason }); continue; }
      const prepared = await awaitDoc(r.doc);
      held -= r.size;
      if ('error' in prepared) { finish(i, file, { reason: reasonOf(file, prepared.error) }); continue; }
      if (!batch.length) batchSince = performance.now();
      batch.push({ index: i, file, doc: prepared.doc });
      batchBytes += r.size;
      if (batch.length >= BATCH || batchBytes >= BATCH_BYTES || performance.now() - batchSince >= BATCH_WAIT_MS) await flush();
    }
    await flush();
  } finally {
    await preparer.close();
  }
  summary.failed.push(...failed.sort((a, b) => a.index - b.index).map(({ file, reason }) => ({ file, reason })));
  // Readers' caches built now, once, rather than by the first search of the next server.
  if (summary.indexed + summary.replaced > 0) await engine.backend.afterWrites?.();
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

const LATE = Symbol('late');
