// End-to-end ingest of a cached corpus into a fresh index, each run in its own process
// (scripts/bench/ingest-worker.ts). The last run's index is kept for the query stages.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from './corpora.js';
import { dropEs, esSize } from './es.js';
import { load1, MB, spread, type Spread } from './stats.js';

const WORKER = fileURLToPath(new URL('./ingest-worker.ts', import.meta.url));

export interface IngestRun {
  ms: number; cpuMs: number; openMs: number; files: number; indexed: number; failed: number; bytes: number; passages: number;
  reportsInIndex: number; passagesInIndex: number; maxRssMb: number; firstFailures: unknown[]; load: [number, number];
}

export interface IngestResult {
  /** sqlite: the embedded backend on FTS5; tantivy: on the tantivy core. */
  backend: 'sqlite' | 'tantivy' | 'elasticsearch';
  /** ingest: `gongkai ingest`, one atomic upsert per report; bulk: ElasticsearchBackend.indexMany in batches of 500. */
  mode: 'ingest' | 'bulk';
  /** The corpus size; `reports` may be fewer when only its first reports were ingested. */
  corpus: number; reports: number; bytes: number; passages: number; repeats: number;
  reportsPerS: Spread; mbps: Spread; passagesPerS: Spread;
  /** MB per CPU-second of the ingesting process: what the rate would be with a core to itself. */
  mbPerCpuS: Spread;
  peakRssMb: Spread; indexBytes: number; indexBytesPerInputByte: number; runs: IngestRun[];
}

export function runWorker(args: Record<string, unknown>, log: (s: string) => void): Promise<IngestRun> {
  return new Promise((resolve, reject) => {
    const l0 = load1();
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { const s = c.toString(); err += s; if (s.startsWith('    ')) log(s.trimEnd()); });
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop();
      if (code !== 0 || !line) { reject(new Error(`ingest worker failed (${code}): ${err.slice(-2000)}`)); return; }
      resolve({ ...(JSON.parse(line) as Omit<IngestRun, 'load'>), load: [l0, load1()] });
    });
  });
}

/** The embedded index of a corpus, one directory per core (`sqlite` is FTS5's). */
export const sqliteDir = (root: string, corpus: Corpus, core: 'sqlite' | 'tantivy' = 'sqlite') =>
  join(root, 'indexes', `${core}-n${corpus.count}-s${corpus.seed}`);
export const esPrefix = (corpus: Corpus) => `gongkai-bench-n${corpus.count}-s${corpus.seed}`;

/** The SQLite file and, with the tantivy core, its index directory. */
function fileSize(dir: string): number {
  const tantivy = join(dir, 'tantivy');
  const inTantivy = existsSync(tantivy) ? readdirSync(tantivy).map((f) => join(tantivy, f)) : [];
  return ['gongkai.sqlite', 'gongkai.sqlite-wal', 'gongkai.sqlite-shm'].map((f) => join(dir, f)).concat(inTantivy)
    .filter((f) => existsSync(f) && statSync(f).isFile()).reduce((a, f) => a + statSync(f).size, 0);
}

export async function benchIngest(root: string, corpus: Corpus, backend: IngestResult['backend'], mode: 'ingest' | 'bulk', repeats: number,
  esUrl: string | undefined, log: (s: string) => void, limit?: number): Promise<IngestResult> {
  const runs: IngestRun[] = [];
  let indexBytes = 0;
  for (let r = 0; r < repeats; r++) {
    let run: IngestRun;
    if (backend !== 'elasticsearch') {
      const dir = sqliteDir(root, corpus, backend);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      run = await runWorker({ backend, mode, dataDir: dir, corpus: corpus.dir, limit }, log);
      indexBytes = fileSize(dir);
    } else {
      const prefix = esPrefix(corpus);
      await dropEs(esUrl!, prefix);
      run = await runWorker({ backend, mode, dataDir: join(root, 'indexes', 'es-unused'), corpus: corpus.dir, esUrl, esIndex: prefix, limit }, log);
      indexBytes = (await esSize(esUrl!, prefix)).bytes;
    }
    if (run.failed) throw new Error(`${run.failed} reports failed to ingest: ${JSON.stringify(run.firstFailures)}`);
    log(`  ingest ${backend} (${mode}) ${run.indexed}/${corpus.count}: ${(run.ms / 1000).toFixed(1)} s, ${(run.bytes / MB / (run.ms / 1000)).toFixed(2)} MB/s, ` +
      `RSS ${run.maxRssMb.toFixed(0)} MB, load ${run.load.join('→')}`);
    runs.push(run);
  }
  const s = (f: (r: IngestRun) => number) => spread(runs.map(f));
  return {
    backend, mode, corpus: corpus.count, reports: runs[0]!.indexed, bytes: runs[0]!.bytes, passages: runs[0]!.passages, repeats,
    reportsPerS: s((r) => r.indexed / (r.ms / 1000)), mbps: s((r) => r.bytes / MB / (r.ms / 1000)),
    passagesPerS: s((r) => r.passages / (r.ms / 1000)), mbPerCpuS: s((r) => r.bytes / MB / (r.cpuMs / 1000)),
    peakRssMb: s((r) => r.maxRssMb), indexBytes, indexBytesPerInputByte: indexBytes / runs[0]!.bytes, runs,
  };
}
