// npm run bench [-- options]: Gongkai's performance figures, written as JSON (and a markdown
// summary, and a chart) to bench-results/. See BENCHMARKS.md for what is measured and why.
//
//   --quick                 smoke run: 1k reports, a few queries, short HTTP runs, ES only if reachable (< 2 min)
//   --sizes 1000,10000      corpus sizes (default 1000,10000,100000)
//   --light-sizes 100000    sizes that get ingest, the query mix, HTTP and cold start only (default: none)
//   --stages a,b            any of segment,parse,ingest,queries,naive,http,cold,corpus,audit,copy (default all)
//   --backends sqlite,tantivy,elasticsearch   (default all three, tantivy when its addon is built and not --quick; sqlite = the embedded backend on FTS5, tantivy = on the
//                           tantivy core (crates/gongkai-index); ES is 'pending' when unavailable)
//   --es-sizes 1000,10000   sizes at which Elasticsearch is measured too (default: every size)
//   --es start|reachable|off          start a local node if needed (full default) or only use a running one (quick default)
//   --ingest-repeats N      ingest runs per size and backend (default 3 at 1k, 2 at 10k, 1 above)
//   --seed N                corpus seed (default 1)
//   --out DIR               results folder (default bench-results/)
//   --reuse-index           keep an existing index of a size instead of ingesting again (no ingest figures for it)
//   --chart FILE.png        where the chart goes (default <out>/chart.png); --no-chart to skip it
//   --no-es-upsert          skip timing `gongkai ingest` (per-report upsert) into Elasticsearch
//   --keep-es               keep the benchmark's ES indices afterwards (default: deleted at the end)
//   --report FILE.json      only re-render the summary and chart of an earlier run
//   --merge B.json          with --report: figures of B replace those of the same stage, backend and size in FILE
//                           (e.g. a stage re-run on a quieter machine); written as FILE-merged.json/.md
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ensureCorpus, type Corpus } from './bench/corpora.js';
import { dropEs, locateEs, type EsStatus } from './bench/es.js';
import { benchIngest, esPrefix, sqliteDir } from './bench/ingest.js';
import { benchNaive, naiveFileFor } from './bench/naive.js';
import { benchParse } from './bench/parse.js';
import { benchMix, MIX, openFor, QUICK_MIX } from './bench/queries.js';
import { benchAudit } from './bench/audit.js';
import { benchCopy } from './bench/copy.js';
import { chartSvg, markdown, targets, writePng, writeSvg, type BenchResults } from './bench/report.js';
import { benchSegment } from './bench/segment.js';
import { benchCorpusAnalysis } from './bench/corpus-analysis.js';
import { benchColdStart, benchServer, type ServerTarget } from './bench/server.js';
import { load1, machine, rounded } from './bench/stats.js';
import { ADDON } from '../services/search/tantivy/native.js';

const ALL_STAGES = ['segment', 'parse', 'ingest', 'queries', 'naive', 'http', 'cold', 'corpus', 'audit', 'copy'] as const;
type Stage = typeof ALL_STAGES[number];
type Backend = 'sqlite' | 'tantivy' | 'elasticsearch';
/** The embedded backend, on either core: measured wherever the embedded one is. */
const embedded = (b: Backend) => b !== 'elasticsearch';

const { values } = parseArgs({
  args: process.argv.slice(2), strict: true,
  options: {
    quick: { type: 'boolean' }, sizes: { type: 'string' }, 'light-sizes': { type: 'string' }, stages: { type: 'string' },
    backends: { type: 'string' }, 'es-sizes': { type: 'string' }, es: { type: 'string' }, 'no-es': { type: 'boolean' }, seed: { type: 'string' }, out: { type: 'string' },
    'reuse-index': { type: 'boolean' }, chart: { type: 'string' }, 'no-chart': { type: 'boolean' }, 'keep-es': { type: 'boolean' }, 'no-es-upsert': { type: 'boolean' }, 'ingest-repeats': { type: 'string' },
    report: { type: 'string' }, merge: { type: 'string', multiple: true },
  },
});

const started = new Date();
const t0 = performance.now();
const log = (s: string) => process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(5)} s] ${s}\n`);
const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
const out = resolve(values.out ?? 'bench-results');
mkdirSync(out, { recursive: true });

async function render(r: BenchResults, base: string): Promise<void> {
  writeFileSync(`${base}.md`, markdown(r) + '\n');
  if (values['no-chart']) return;
  const svg = chartSvg(r);
  const png = resolve(values.chart ?? join(out, r.quick ? 'chart-quick.png' : 'chart.png'));
  writeSvg(svg, png.replace(/\.png$/, '.svg'));
  try {
    await writePng(svg, png);
    log(`chart: ${png}`);
  } catch (err) {
    log(`chart not drawn (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); the SVG is next to it`);
  }
}

/** Entries of `b` replace those of `a` with the same stage, backend, size (and ingest mode). */
function mergeInto(a: BenchResults, b: BenchResults, file: string): void {
  type Keyed = { backend?: string; reports: number; mode?: string; corpus?: number };
  const key = (x: Keyed) => `${x.backend ?? ''}/${x.reports}/${x.mode ?? ''}/${x.corpus ?? ''}`;
  const merge = <T extends Keyed>(xs: T[], ys: T[]) => {
    const out = xs.filter((x) => !ys.some((y) => key(y) === key(x)));
    return [...out, ...ys].sort((p, q) => p.reports - q.reports);
  };
  a.ingest = merge(a.ingest, b.ingest);
  a.queries = merge(a.queries, b.queries);
  a.naive = merge(a.naive as Array<NaiveLike>, b.naive as Array<NaiveLike>) as BenchResults['naive'];
  a.server = merge(a.server, b.server);
  a.coldStart = merge(a.coldStart, b.coldStart);
  if (b.segment) a.segment = b.segment;
  if (b.parse) a.parse = b.parse;
  (a.merged ??= []).push({ file, startedAt: b.startedAt, command: b.command, loadAtStart: b.machine.loadAtStart, loadAtEnd: b.loadAtEnd });
}
type NaiveLike = BenchResults['naive'][number] & { backend?: string };

if (values.report) {
  const r = JSON.parse(readFileSync(values.report, 'utf8')) as BenchResults;
  let base = values.report.replace(/\.json$/, '');
  if (values.merge?.length) {
    for (const f of values.merge) mergeInto(r, JSON.parse(readFileSync(f, 'utf8')) as BenchResults, f);
    base += '-merged';
  }
  r.targets = targets(r);
  if (values.merge?.length) writeFileSync(`${base}.json`, JSON.stringify(rounded(r), null, 1) + '\n');
  await render(r, base);
  process.stdout.write(markdown(r) + '\n');
  process.exit(0);
}

const quick = values.quick ?? false;
const sizes = (list(values.sizes) ?? (quick ? ['1000'] : ['1000', '10000', '100000'])).map(Number);
const light = new Set((list(values['light-sizes']) ?? []).map(Number));
const stages = new Set((list(values.stages) ?? [...ALL_STAGES]) as Stage[]);
for (const s of stages) if (!ALL_STAGES.includes(s)) throw new Error(`unknown stage ${s}`);
// The tantivy core by default only where its addon is built (npm ci without cargo skips it), and
// not in a quick run, which must stay a two-minute smoke check (--backends sqlite,tantivy adds it).
const backends = (list(values.backends) ?? ['sqlite', ...(existsSync(ADDON) && !quick ? ['tantivy'] : []), 'elasticsearch']) as Backend[];
const esSizes = list(values['es-sizes'])?.map(Number);
const seed = Number(values.seed ?? 1);
const esMode = values['no-es'] ? 'off' : (values.es ?? (quick ? 'reachable' : 'start')) as 'off' | 'reachable' | 'start';
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(seed)) throw new Error('--sizes and --seed take integers');
const ingestRepeats = values['ingest-repeats'] === undefined ? undefined : Number(values['ingest-repeats']);
if (ingestRepeats !== undefined && !(Number.isInteger(ingestRepeats) && ingestRepeats >= 1)) throw new Error('--ingest-repeats takes a positive integer');

// How much of everything: quick keeps the whole run under two minutes on 2 busy cores.
const P = quick
  ? { ingestRepeats: () => 1, queryRepeats: 10, queryBudgetMs: 1500, mix: MIX.filter((q) => QUICK_MIX.includes(q.id)), naiveRepeats: 3,
    naiveBudgetMs: 800, httpS: 2, httpEs: false, conc: [8, 32], coldRepeats: 1, coldEs: false, segReports: 60, segRepeats: 2, parseReports: 200, parseRepeats: 2,
    esUpsertReports: 0 }
  : { ingestRepeats: (n: number) => (n <= 1000 ? 3 : n <= 10_000 ? 2 : 1), queryRepeats: 30, queryBudgetMs: 15_000, mix: MIX, naiveRepeats: 7,
    naiveBudgetMs: 10_000, httpS: 10, httpEs: true, conc: [8, 32], coldRepeats: 5, coldEs: true, segReports: 300, segRepeats: 5, parseReports: 1000, parseRepeats: 5, esUpsertReports: 200 };

const db = new Database(':memory:');
const results: BenchResults = {
  version: 1, startedAt: started.toISOString(), finishedAt: '', durationS: 0, quick, seed,
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  machine: machine(db.prepare('SELECT sqlite_version()').pluck().get() as string), loadAtEnd: [],
  es: { pending: 'not checked' }, corpora: [], ingest: [], queries: [], naive: [], server: [], coldStart: [], targets: [],
};
db.close();

log(`Gongkai bench: ${quick ? 'quick' : 'full'}; sizes ${sizes.join(', ')}; stages ${[...stages].join(',')}; load ${load1()}`);
// The server and the ingest runs start through bin/gongkai.js, which runs the bundle only
// when it is fresh: build it, so what is timed is what `npm start` runs.
log('building the server bundle (npm run build:server) …');
execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./build-server.ts', import.meta.url))], { stdio: ['ignore', 'ignore', 'inherit'] });
const es: EsStatus = backends.includes('elasticsearch') ? await locateEs(esMode) : { pending: 'not requested' };
results.es = es;
log('url' in es ? `Elasticsearch at ${es.url}` : `Elasticsearch pending: ${es.pending}`);
const activeAll = backends.filter((b) => embedded(b) || 'url' in es);
const activeAt = (n: number) => activeAll.filter((b) => embedded(b) || !esSizes || esSizes.includes(n));
const esUrl = 'url' in es ? es.url : undefined;
const corporaRoot = join(out, 'corpora');
// A light size skips only the slow comparisons (segmentation, parse, the naive indexes): the
// targets are stated at the largest size, so its ingest, queries, server and cold start run.
const LIGHT_STAGES: Stage[] = ['ingest', 'queries', 'http', 'cold', 'audit', 'copy'];
const bench = (n: number, stage: Stage) => stages.has(stage) && (!light.has(n) || LIGHT_STAGES.includes(stage));
const target = (b: Backend, c: Corpus): ServerTarget =>
  embedded(b) ? { backend: 'sqlite', label: b, dataDir: sqliteDir(out, c, b as 'sqlite' | 'tantivy') } : { backend: b, dataDir: join(out, 'indexes', 'es-unused'), esUrl, esIndex: esPrefix(c) };
const save = () => {
  results.finishedAt = new Date().toISOString();
  results.durationS = (performance.now() - t0) / 1000;
  results.loadAtEnd = [load1()];
  results.targets = targets(results);
  const r = rounded(results);
  const name = quick ? 'latest-quick' : 'latest';
  writeFileSync(join(out, `${name}.json`), JSON.stringify(r, null, 1) + '\n');
  return r;
};

try {
  const corpora = [...sizes].sort((a, b) => b - a).map((n) => ensureCorpus(corporaRoot, n, seed, log)).sort((a, b) => a.count - b.count);
  results.corpora = corpora.map((c) => ({ reports: c.count, bytes: c.bytes, dir: c.dir }));
  const smallest = corpora[0]!;

  if (stages.has('segment')) {
    log('segmentation …');
    results.segment = benchSegment(smallest.files.slice(0, P.segReports), P.segRepeats);
    log(`  ${Object.entries(results.segment.mbps).map(([k, v]) => `${k} ${v.median.toFixed(2)}`).join(', ')} MB/s (${results.segment.nodejieba})`);
  }
  if (stages.has('parse')) {
    log('parse …');
    results.parse = benchParse(smallest.files.slice(0, P.parseReports), P.parseRepeats);
    log(`  parseText ${results.parse.mbps.median.toFixed(2)} MB/s`);
  }

  for (const c of corpora) {
    const active = activeAt(c.count);
    for (const b of active) {
      const exists = embedded(b) ? existsSync(join(sqliteDir(out, c, b as 'sqlite' | 'tantivy'), 'gongkai.sqlite')) : false;
      if (bench(c.count, 'ingest') && !(values['reuse-index'] && exists)) {
        if (embedded(b)) {
          log(`ingest ${b} ${c.count} …`);
          if (b === 'sqlite') rmSync(naiveFileFor(sqliteDir(out, c)), { force: true });
          results.ingest.push(await benchIngest(out, c, b, 'ingest', ingestRepeats ?? P.ingestRepeats(c.count), esUrl, log));
        } else {
          // `gongkai ingest` refreshes after every report (each is visible whole when its upsert
          // resolves): about one report a second, so it is timed on the first reports only, once.
          if (c === corpora.find((x) => activeAt(x.count).includes('elasticsearch')) && P.esUpsertReports > 0 && !values['no-es-upsert']) {
            log(`ingest elasticsearch (per-report upsert, first ${P.esUpsertReports}) …`);
            results.ingest.push(await benchIngest(out, c, b, 'ingest', 1, esUrl, log, Math.min(P.esUpsertReports, c.count)));
          }
          log(`ingest elasticsearch ${c.count} (bulk) …`);
          results.ingest.push(await benchIngest(out, c, b, 'bulk', P.ingestRepeats(c.count), esUrl, log));
        }
        save();
      }
    }
    for (const b of active) {
      if (!bench(c.count, 'queries')) continue;
      log(`query mix ${b} ${c.count} …`);
      const t = target(b, c);
      const engine = await openFor(t.backend, t.dataDir, t.esUrl, t.esIndex);
      try {
        results.queries.push(await benchMix(engine, P.mix, P.queryRepeats, P.queryBudgetMs, { backend: b, reports: c.count }, log));
      } finally {
        await engine.backend.close();
      }
      save();
      if (embedded(b)) {
        log(`query mix ${b} ${c.count}, matches cached (a refinement: same terms, another page or filter) …`);
        const warm = await openFor('sqlite', t.dataDir, undefined, undefined, true);
        try {
          results.queries.push(await benchMix(warm, P.mix, P.queryRepeats, P.queryBudgetMs, { backend: `${b}, matches cached`, reports: c.count }, log));
        } finally {
          await warm.backend.close();
        }
        save();
      }
    }
    for (const b of active) {
      if (!bench(c.count, 'corpus')) continue;
      log(`corpus analysis ${b} ${c.count} …`);
      const t = target(b, c);
      const engine = await openFor(t.backend, t.dataDir, t.esUrl, t.esIndex);
      try {
        (results.corpusAnalysis ??= []).push(await benchCorpusAnalysis(engine, { backend: b, reports: c.count }, quick ? 2 : 5, log));
      } finally {
        await engine.backend.close();
      }
      save();
    }
    if (bench(c.count, 'audit') && active.includes('sqlite')) {
      log(`audit sqlite ${c.count} …`);
      const engine = await openFor('sqlite', sqliteDir(out, c));
      try {
        (results.audit ??= []).push(await benchAudit(engine, 'sqlite', c.count, quick ? 50 : 200, log));
      } finally {
        await engine.backend.close();
      }
      save();
    }
    if (bench(c.count, 'copy') && active.includes('sqlite')) {
      log(`copy rates sqlite ${c.count} …`);
      const engine = await openFor('sqlite', sqliteDir(out, c));
      try {
        (results.copy ??= []).push(await benchCopy(engine, 'sqlite', c.count, quick ? 50 : 200, log));
      } finally {
        await engine.backend.close();
      }
      save();
    }
    if (bench(c.count, 'naive') && active.includes('sqlite')) {
      log(`naive alternatives ${c.count} …`);
      const dir = sqliteDir(out, c);
      const engine = await openFor('sqlite', dir);
      try {
        results.naive.push(await benchNaive(engine, join(dir, 'gongkai.sqlite'), naiveFileFor(dir), c.count, P.naiveRepeats, P.naiveBudgetMs, log));
      } finally {
        await engine.backend.close();
      }
      save();
    }
    for (const b of active) {
      if (bench(c.count, 'http') && (embedded(b) || P.httpEs)) {
        log(`HTTP ${b} ${c.count} …`);
        results.server.push(await benchServer(target(b, c), c.count, P.mix.map((q) => q.url), P.conc, P.httpS, log));
        save();
      }
      if (bench(c.count, 'cold') && (embedded(b) || P.coldEs)) {
        log(`cold start ${b} ${c.count} …`);
        const cold = await benchColdStart(target(b, c), P.coldRepeats);
        results.coldStart.push({ backend: b, reports: c.count, ...cold });
        log(`  first answer ${(cold.firstAnswerMs.median / 1000).toFixed(2)} s (listening ${(cold.listeningMs.median / 1000).toFixed(2)} s)`);
        save();
      }
    }
    if (esUrl && active.includes('elasticsearch') && !values['keep-es']) await dropEs(esUrl, esPrefix(c)).catch(() => undefined);
  }
} finally {
  if (esUrl && !values['keep-es']) for (const c of sizes) await dropEs(esUrl, `gongkai-bench-n${c}-s${seed}`).catch(() => undefined);
}

const final = save();
const stamp = started.toISOString().replace(/[:.]/g, '-');
const file = join(out, `bench-${quick ? 'quick-' : ''}${stamp}.json`);
copyFileSync(join(out, `${quick ? 'latest-quick' : 'latest'}.json`), file);
await render(final, file.replace(/\.json$/, ''));
process.stdout.write(markdown(final) + '\n');
log(`results: ${file} (${(final.durationS / 60).toFixed(1)} min)`);
