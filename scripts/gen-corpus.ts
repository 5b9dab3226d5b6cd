// Generates a synthetic corpus of annual reports, e.g.
//   tsx scripts/gen-corpus.ts --count 200 --seed 1 --out data/demo-corpus [--mess 0.3] [--jobs 2]
//   tsx scripts/gen-corpus.ts --lineages 100 --out data/lineages   (units year after year, lineage.ts)
// Large corpora are written by --jobs processes (default: one per CPU from 4000 reports on),
// each taking every n-th report; the output is byte-identical whatever the number of jobs.
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { plantDefects } from '../services/corpus-gen/defects.js';
import {
  clearCorpus, DEFAULT_MESS, generateCorpus, generateLineages, mergeTruthParts, sumSummaries, type CorpusSummary,
} from '../services/corpus-gen/index.js';

const USAGE = `usage: tsx scripts/gen-corpus.ts [--count N] [--seed N] [--out DIR] [--mess 0..1] [--jobs N]

  --count N    reports to write (default 200)
  --seed N     the seed: the same seed writes the same bytes (default 1)
  --out DIR    where to write them, with TRUTH.jsonl (default data/demo-corpus)
  --mess R     share of reports with extraction artefacts, 0 to 1 (default ${DEFAULT_MESS})
  --jobs N     processes writing in parallel (default 1; one per CPU, at most 8, from 4000 reports on)
  --lineages N instead of --count: N units, each 2–6 consecutive years with a controlled copy rate
               from year to year (truth.lineage in TRUTH.jsonl: unit, previous report, true copy rate)
  --defects R  with --lineages: share of reports given a planted audit defect (defects.ts; truth.defects)
  -h, --help   this text
`;

/** A mistake in the command line: said with the usage, never as a stack trace. */
class UsageError extends Error {}

function args(argv: string[]) {
  try {
    const { values } = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: {
        count: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, mess: { type: 'string' },
        jobs: { type: 'string' }, lineages: { type: 'string' }, defects: { type: 'string' }, shard: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
    return values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

function int(v: string | undefined, name: string, dflt: number, min: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`invalid --${name}: ${v}`);
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
  if (a.help) { process.stdout.write(USAGE); return; }
  const count = int(a.count, 'count', 200, 1);
  const seed = int(a.seed, 'seed', 1, 0);
  const mess = a.mess === undefined ? DEFAULT_MESS : Number(a.mess);
  if (!(mess >= 0 && mess <= 1)) throw new UsageError(`invalid --mess: ${a.mess}`);
  const out = a.out ?? 'data/demo-corpus';
  const opts = { count, seed, mess, out };
  if (a.lineages !== undefined) {
    const units = int(a.lineages, 'lineages', 0, 1);
    const defects = a.defects === undefined ? undefined : Number(a.defects);
    if (defects !== undefined && !(defects >= 0 && defects <= 1)) throw new UsageError(`invalid --defects: ${a.defects}`);
    const l = generateLineages(out, { units, seed, mess, ...(defects === undefined ? {} : { transform: plantDefects({ rate: defects }) }) });
    console.log(`wrote ${l.reports} reports of ${l.units} units (${l.pairs} year-to-year pairs, ${l.renamed} units renamed) + TRUTH.jsonl to ${out} in ${(l.ms / 1000).toFixed(1)} s`);
    return;
  }

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

try {
  await main();
} catch (err) {
  if (!(err instanceof UsageError)) throw err;
  process.stderr.write(`gen-corpus: ${err.message}\n\n${USAGE}`);
  process.exitCode = 2;
}
