// The copy-rate stage (issue 17): copy rates of every report of the index computed once
// (each against its unit's previous report and against the other units' reports of the same
// year; the lineages linked within), then single reports as GET /api/reports/:id/copy serves them.
//   also runnable alone: tsx scripts/bench/copy.ts <data-dir>
import { copyRates } from '../../services/analytics/copy/corpus.js';
import { loadConfig } from '../../services/config.js';
import { openEngine, type Engine } from '../../services/search/engine.js';
import { percentiles, type Percentiles } from './stats.js';

export interface CopyResult {
  backend: string;
  reports: number;
  /** The whole index once, seconds (lineage linking included). */
  wholeIndexS: number;
  pairs: number;
  boilerplateSentences: number;
  /** One report's copy rates as served once computed: ms over a sample of ids. */
  perReportMs: Percentiles;
  heapMb: number;
}

export async function benchCopy(engine: Engine, backend: string, reports: number, sample: number, log: (s: string) => void): Promise<CopyResult> {
  const t0 = performance.now();
  const c = await copyRates(engine);
  const wholeIndexS = (performance.now() - t0) / 1000;
  const pairs = [...c.previousRate].filter((x) => !Number.isNaN(x)).length;
  log(`  whole index: ${c.reports} reports, ${pairs} pairs with a previous year, ${c.boilerplate.size} boilerplate sentences, in ${wholeIndexS.toFixed(1)} s`);
  const step = Math.max(1, Math.floor(c.summaries.length / sample));
  const times: number[] = [];
  for (let i = 0; i < c.summaries.length && times.length < sample; i += step) {
    const t = performance.now();
    const rates = await copyRates(engine);
    JSON.stringify(rates.of(c.summaries[i]!.id));
    times.push(performance.now() - t);
  }
  const perReportMs = percentiles(times);
  log(`  one report: p50 ${perReportMs.p50.toFixed(2)} ms, p95 ${perReportMs.p95.toFixed(2)} ms`);
  return { backend, reports, wholeIndexS, pairs, boilerplateSentences: c.boilerplate.size, perReportMs, heapMb: Math.round(process.memoryUsage().heapUsed / 1e6) };
}

if (process.argv[1]?.endsWith('copy.ts') && process.argv[2]) {
  const engine = await openEngine(loadConfig({ dataDir: process.argv[2] }));
  const info = await engine.backend.info();
  console.log(JSON.stringify(await benchCopy(engine, 'sqlite', info.reports, 200, console.log)));
  await engine.backend.close();
}
