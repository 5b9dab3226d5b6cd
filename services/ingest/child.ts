// An ingest in a child process (`gongkai ingest-job`), for the server: a large batch then
// takes none of the server's thread from searches, and a file that crashes its reader (or
// a bug) ends that process, not the server. The child opens the same index (SQLite in WAL
// mode lets it write while the server reads; the server sees new reports once it commits).
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { ROOT } from '../paths.js';
import { openEngine } from '../search/engine.js';
import { ingest, type IngestSummary } from './ingest.js';

/** The heap of the ingest process; each file's reading is bounded further in its worker (pool.ts). */
const CHILD_HEAP_MB = 4096;

export interface IngestJob {
  /** Settings that open the index (dataDir and backend, the Elasticsearch ones). */
  config: Partial<Config>;
  paths: string[];
  within: string;
  maxFileMb?: number;
}

type Reply = { summary: IngestSummary } | { error: string };

/** Runs the job in a new `gongkai ingest-job` process and answers its summary. */
export function ingestInChild(job: IngestJob): Promise<IngestSummary> {
  return new Promise((resolve, reject) => {
    const child = fork(join(ROOT, 'bin', 'gongkai.js'), ['ingest-job'], {
      execArgv: [`--max-old-space-size=${CHILD_HEAP_MB}`], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let reply: Reply | undefined;
    child.on('message', (m: Reply) => { reply = m; });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (reply && 'summary' in reply) resolve(reply.summary);
      else if (reply) reject(new Error(reply.error));
      else reject(new Error(`the ingest process stopped (${signal ?? `exit code ${code}`}) before it finished`));
    });
    child.send(job);
  });
}

/** The child's side: one job from the parent, its summary back, then exit. */
export async function runIngestJob(): Promise<number> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('ingest-job is started by the server, with an IPC channel');
  const job = await new Promise<IngestJob>((resolve) => process.once('message', (m) => resolve(m as IngestJob)));
  const engine = await openEngine(loadConfig(job.config));
  let reply: Reply;
  try {
    reply = { summary: await ingest(engine, job.paths, { within: job.within, maxFileMb: job.maxFileMb }) };
  } catch (err) {
    reply = { error: err instanceof Error ? err.message : String(err) };
  } finally {
    await engine.backend.close();
  }
  await new Promise<void>((resolve) => send(reply, () => resolve()));
  process.disconnect();
  return 0;
}
