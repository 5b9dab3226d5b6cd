// Benchmark of recurring-statement clustering on generated reports.
//
//   npx tsx scripts/bench-clusters.ts                    # 10 000 reports
//   npx tsx scripts/bench-clusters.ts --reports 100000   # 100 000 reports (generation ≈ 6 CPU-minutes)
//   npx tsx scripts/bench-clusters.ts --distinct         # worst case: every statement a distinct wording
//
// Generation is not timed: the reports' problem and improvement statements are written to a
// temporary file first, then a fresh process reads them, clusters both kinds and reports its
// timings and its own peak RSS (so the generator's memory is not counted).
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { StatementCorpus } from '../services/analytics/clusters/corpus.js';
import { generateReport } from '../services/corpus-gen/index.js';
import type { ReportSummary } from '../services/search/types.js';

interface Line { kind: 'problems' | 'improvements'; doc: string; year: number; level: ReportSummary['level']; code: string | null; texts: string[] }

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function generate(file: string, reports: number, seed: number, distinct: boolean): Promise<void> {
  const out = createWriteStream(file);
  // A distinct tail per report (two CJK characters from the index) defeats the dedupe of equal wordings.
  const tag = (i: number) => String.fromCharCode(0x4e00 + (i % 20000), 0x4e00 + ((i * 7919) % 20000));
  const started = performance.now();
  for (let i = 0; i < reports; i++) {
    const t = generateReport(seed, i, { mess: 0 }).truth;
    for (const kind of ['problems', 'improvements'] as const) {
      const texts = t.planted[kind].map((s) => (distinct ? `${s}，${tag(i)}` : s));
      const line: Line = { kind, doc: `r${i}`, year: t.year, level: t.level, code: t.region.code, texts };
      if (!out.write(JSON.stringify(line) + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    if ((i + 1) % 10000 === 0) process.stderr.write(`generated ${i + 1} reports (${Math.round((performance.now() - started) / 1000)} s)\n`);
  }
  await new Promise<void>((r) => out.end(() => r()));
}

async function cluster(file: string): Promise<void> {
  const corpora = { problems: new StatementCorpus('problems'), improvements: new StatementCorpus('improvements') };
  const lines: Line[] = [];
  const rl = createInterface({ input: createReadStream(file) });
  for await (const l of rl) lines.push(JSON.parse(l) as Line);
  global.gc?.();
  const rssInput = process.memoryUsage().rss;
  const result: Record<string, unknown> = { inputRssMb: mb(rssInput) };
  for (const kind of ['problems', 'improvements'] as const) {
    const c = corpora[kind];
    const started = performance.now();
    for (const l of lines) {
      if (l.kind !== kind) continue;
      const report: ReportSummary = {
        id: l.doc, title: null, issuer: null, year: l.year, level: l.level, demo: false,
        region: { province: null, city: null, county: null, township: null, code: l.code },
      };
      // One passage per report holding its items, as a report would have them.
      c.addPassage(report, 1, l.texts.map((t, i) => `${i + 1}.${t}。`).join(''));
    }
    const added = performance.now();
    c.finish();
    const finished = performance.now();
    const q = c.query({ years: [], regions: [], levels: [], minReports: 2, minYears: 0, offset: 0, limit: 50, members: 20, sort: 'spread' });
    const queried = performance.now();
    const s = c.stats()!;
    result[kind] = {
      statements: s.statements, variants: s.variants, clusters: s.clusters, recurringClusters: q.total,
      candidates: s.candidates, verified: s.verified,
      ms: { splitAndMinhash: Math.round(added - started), lshAndUnionFind: s.ms.cluster, grouping: Math.round(finished - added - s.ms.cluster), query: Math.round(queried - finished), total: Math.round(queried - started) },
    };
  }
  result.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

async function main(): Promise<void> {
  const from = arg('cluster-from');
  if (from) return cluster(from);
  const reports = Number(arg('reports') ?? 10000);
  const seed = Number(arg('seed') ?? 1);
  const distinct = process.argv.includes('--distinct');
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  try {
    const file = join(dir, 'statements.jsonl');
    const g = performance.now();
    await generate(file, reports, seed, distinct);
    process.stderr.write(`generation: ${Math.round((performance.now() - g) / 1000)} s (not counted)\n`);
    const self = fileURLToPath(import.meta.url);
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', self, '--cluster-from', file],
      { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`clustering process failed (${child.status})`);
    const result = JSON.parse(child.stdout) as Record<string, unknown>;
    process.stdout.write(JSON.stringify({ reports, seed, distinct, node: process.version, ...result }, null, 2) + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
