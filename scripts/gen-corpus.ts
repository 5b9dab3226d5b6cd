// Generates a synthetic corpus of annual reports, e.g.
//   tsx scripts/gen-corpus.ts --count 200 --seed 1 --out data/demo-corpus [--mess 0.3] [--jobs 2]
// Large corpora are written by --jobs processes (default: one per CPU from 4000 reports on),
// each taking every n-th report; the output is byte-identical whatever the number of jobs.
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  clearCorpus, DEFAULT_MESS, generateCorpus, mergeTruthParts, sumSummaries, type CorpusSummary,
} from '../services/corpus-gen/index.js';

const OPTIONS = ['count', 'seed', 'out', 'mess', 'jobs', 'shard'];

function args(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}`);
    const [k, v] = a.includes('=') ? a.slice(2).split('=', 2) : [a.slice(2), argv[++i]];
    if (!OPTIONS.includes(k!)) throw new Error(`unknown option --${k}`);
    if (v === undefined) throw new Error(`--${k} needs a value`);
    out[k!] = v;
  }
  return out;
}

function int(v: string | undefined, name: string, dflt: number, min: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`invalid --${name}: ${v}`);
  return n;
}

/** Runs one shard in a child process (same launcher flags, e.g. tsx's loader) and returns its summary. */
function runShard(k: number, jobs: number, argv: readonly string[]): Promise<CorpusSummary> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [...argv, '--shard', `${k}/${jobs}`]);
    let summary: CorpusSummary | undefined;
    child.on('message', (m) => (summary = m as CorpusSummary));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && summary ? resolve(summary) : reject(new Error(`shard ${k} failed (exit ${code})`))));
  });
}

async function main(): Promise<void> {
  const a = args(process.argv.slice(2));
  const count = int(a.count, 'count', 200, 1);
  const seed = int(a.seed, 'seed', 1, 0);
  const mess = a.mess === undefined ? DEFAULT_MESS : Number(a.mess);
  if (!(mess >= 0 && mess <= 1)) throw new Error(`invalid --mess: ${a.mess}`);
  const out = a.out ?? 'data/demo-corpus';
  const opts = { count, seed, mess, out };

  if (a.shard) {
    const [index, of] = a.shard.split('/').map(Number);
    process.send!(generateCorpus({ ...opts, shard: { index: index!, of: of! } }));
    return;
  }
  const jobs = int(a.jobs, 'jobs', count >= 4000 ? Math.min(availableParallelism(), 8) : 1, 1);
  const started = performance.now();
  let s: CorpusSummary;
  if (jobs === 1) {
    s = generateCorpus({ ...opts, onProgress: (done) => done % 10000 === 0 && process.stderr.write(`  ${done}/${count}\n`) });
  } else {
    const removed = clearCorpus(out);
    const argv = ['--count', String(count), '--seed', String(seed), '--mess', String(mess), '--out', out];
    s = sumSummaries(await Promise.all(Array.from({ length: jobs }, (_, k) => runShard(k, jobs, argv))));
    mergeTruthParts(out, jobs);
    s.removed = removed;
  }
  const secs = (performance.now() - started) / 1000;
  console.log(`wrote ${s.count} reports + TRUTH.jsonl to ${out} (seed ${seed}, mess ${mess}, ${jobs} job${jobs > 1 ? 's' : ''})` + (s.removed ? `, replacing ${s.removed} old files` : ''));
  console.log(`  ${(s.bytes / 1e6).toFixed(1)} MB: ${(s.bytes / s.count / 1024).toFixed(1)} KB and ${(s.passages / s.count).toFixed(1)} passages per report on average`);
  console.log(`  ${secs.toFixed(1)} s, ${Math.round(s.count / secs)} reports/s`);
  console.log(`  formats ${JSON.stringify(s.formats)}, levels ${JSON.stringify(s.levels)}`);
  console.log(`  ${s.messy} with extraction mess, ${s.inconsistent} with an inconsistent table`);
}

await main();
