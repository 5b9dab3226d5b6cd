// The corpus-analysis stage: collocates of a term found in about 20,000 passages, keywords
// between two slices of (up to) 10,000 reports each, the trigram list of a slice of (up to)
// 10,000 reports — on an index built by the ingest stage, from its stored token streams.
import type { Engine } from '../../services/search/engine.js';
import { planOf } from '../../services/search/engine.js';
import { collocates } from '../../services/search/methods/corpus/collocates.js';
import { keywords } from '../../services/search/methods/corpus/keywords.js';
import { ngrams } from '../../services/search/methods/corpus/ngrams.js';
import { Filters } from '../../services/search/types.js';
import { spread, type Spread } from './stats.js';

export interface CorpusAnalysisTiming {
  what: 'collocates' | 'keywords' | 'ngrams';
  request: string;
  /** What the request covered: passages with the node, or reports per slice. */
  size: string;
  ms: Spread;
  /** The first run: slices read cold, and the collocates' reference counts not yet cached. */
  firstMs: number;
  /** CPU time of the process per run (user + system): what the work costs whatever else the machine runs. */
  cpuMs: Spread;
  goal: string;
}
export interface CorpusAnalysisResult { backend: string; reports: number; timings: CorpusAnalysisTiming[] }

/** Words of the generated reports, tried as nodes: the one found in the passage count nearest 20,000 is taken. */
const NODES = ['公开', '信息', '工作', '政府', '申请', '网站', '培训', '制度', '平台', '人员', '公众', '政策', '解读', '办理', '回应'];
const PASSAGES = 20_000;
const SLICE_REPORTS = 10_000;

/** Consecutive years from the first whose reports add up to about `want` (or all the years left). */
function yearSpan(years: Array<{ year: number; reports: number }>, from: number, want: number): { span: string; reports: number; next: number } {
  let n = 0;
  let i = from;
  while (i < years.length && n < want) n += years[i++]!.reports;
  return { span: `year:${years[from]!.year}..${years[i - 1]!.year}`, reports: n, next: i };
}

async function time(job: () => Promise<unknown>, repeats: number): Promise<{ ms: Spread; firstMs: number; cpuMs: Spread }> {
  const t = performance.now();
  await job(); // the first run, timed apart
  const firstMs = performance.now() - t;
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await job();
    const c = process.cpuUsage(c0);
    ms.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: spread(ms), firstMs, cpuMs: spread(cpu) };
}

export async function benchCorpusAnalysis(engine: Engine, label: { backend: string; reports: number }, repeats: number, log: (s: string) => void): Promise<CorpusAnalysisResult> {
  const timings: CorpusAnalysisTiming[] = [];
  let best = { q: NODES[0]!, passages: 0 };
  for (const q of NODES) {
    const { plan } = planOf(engine, q, Filters.parse({}), { limit: 0 });
    const { total } = await engine.backend.search(plan, false);
    if (Math.abs(total - PASSAGES) < Math.abs(best.passages - PASSAGES)) best = { q, passages: total };
  }
  const c = await time(() => collocates(engine, { q: best.q, minFreq: 3 }), repeats);
  timings.push({ what: 'collocates', request: `collocates ${best.q} (window 5/5)`, size: `${best.passages} passages`, ...c, goal: '≤ 300 ms' });
  log(`  collocates ${best.q} in ${best.passages} passages: ${c.ms.median.toFixed(0)} ms, CPU ${c.cpuMs.median.toFixed(0)} ms (first ${c.firstMs.toFixed(0)} ms)`);

  const years = (await engine.backend.info()).years;
  const total = years.reduce((n, y) => n + y.reports, 0);
  const each = Math.min(SLICE_REPORTS, Math.floor(total / 2));
  const a = yearSpan(years, 0, each);
  const b = yearSpan(years, a.next, each);
  const k = await time(() => keywords(engine, { a: a.span, b: b.span }), repeats);
  timings.push({ what: 'keywords', request: `keywords ${a.span} --vs ${b.span}`, size: `${a.reports} and ${b.reports} reports`, ...k, goal: '≤ 1 s' });
  log(`  keywords ${a.span} (${a.reports}) vs ${b.span} (${b.reports}): ${k.ms.median.toFixed(0)} ms, CPU ${k.cpuMs.median.toFixed(0)} ms (first ${k.firstMs.toFixed(0)} ms)`);

  const s = yearSpan(years, 0, Math.min(SLICE_REPORTS, total));
  const g = await time(() => ngrams(engine, { q: s.span, n: 3 }), repeats);
  timings.push({ what: 'ngrams', request: `ngrams ${s.span} --n 3`, size: `${s.reports} reports`, ...g, goal: '≤ 2 s' });
  log(`  trigrams of ${s.span} (${s.reports} reports): ${g.ms.median.toFixed(0)} ms, CPU ${g.cpuMs.median.toFixed(0)} ms (first ${g.firstMs.toFixed(0)} ms)`);
  return { ...label, timings };
}
