// Results → markdown tables, the target check, and the chart (an SVG drawn here, turned
// into a PNG by headless Chromium through playwright-core).
import type { AuditResult } from './audit.js';
import type { CopyResult } from './copy.js';
import { writeFileSync } from 'node:fs';
import type { ColdStart, ServerResult } from './server.js';
import type { IngestResult } from './ingest.js';
import type { MixResult } from './queries.js';
import type { NaiveResult } from './naive.js';
import type { ParseResult } from './parse.js';
import type { SegmentResult } from './segment.js';
import type { Machine, Spread } from './stats.js';

import type { CorpusAnalysisResult } from './corpus-analysis.js';

export interface BenchResults {
  version: 1; startedAt: string; finishedAt: string; durationS: number; command: string; quick: boolean; seed: number;
  machine: Machine; loadAtEnd: number[];
  es: { url: string } | { pending: string };
  corpora: Array<{ reports: number; bytes: number; dir: string }>;
  segment?: SegmentResult; parse?: ParseResult;
  ingest: IngestResult[]; queries: MixResult[]; naive: NaiveResult[];
  server: ServerResult[]; coldStart: Array<{ backend: string; reports: number } & ColdStart>;
  /** The audit stage (issue 17): whole-index audits and one report's audit as served. */
  audit?: AuditResult[];
  /** The copy-rate stage (issue 17): copy rates of the whole index and one report's as served. */
  copy?: CopyResult[];
  targets: Target[];
  /** The corpus-analysis stage (scripts/bench/corpus-analysis.ts). */
  corpusAnalysis?: CorpusAnalysisResult[];
  /** Later runs whose figures replaced some of this run's (see --merge). */
  merged?: Array<{ file: string; startedAt: string; command: string; loadAtStart: number[]; loadAtEnd: number[] }>;
}

export interface Target { name: string; goal: string; measured: string; met: boolean | null; at: string }

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const sp = (s: Spread | undefined, d = 1) => (s && s.n ? (s.n > 1 ? `${f(s.median, d)} (${f(s.min, d)}–${f(s.max, d)})` : f(s.median, d)) : '–');
const mb = (b: number) => `${(b / 1e6).toFixed(b < 1e8 ? 1 : 0)} MB`;
const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

export function targets(r: BenchResults): Target[] {
  const out: Target[] = [];
  const sizes = r.ingest.filter((i) => i.backend === 'sqlite').map((i) => i.reports);
  const top = Math.max(...sizes, ...r.queries.filter((q) => q.backend === 'sqlite').map((q) => q.reports), 0);
  const ing = r.ingest.find((i) => i.backend === 'sqlite' && i.reports === top);
  if (ing) out.push({ name: 'ingest end to end', goal: '≥ 3 MB/s', measured: `${f(ing.mbps.median, 2)} MB/s`, met: ing.mbps.median >= 3, at: k(top) });
  const copy = [...(r.copy ?? [])].sort((a, b) => b.reports - a.reports)[0];
  if (copy) {
    out.push({ name: 'copy rates of the whole index', goal: '< 600 s', measured: `${f(copy.wholeIndexS)} s`, met: copy.wholeIndexS < 600, at: k(copy.reports) });
    out.push({ name: 'one report\'s copy rates p95', goal: '< 100 ms', measured: `${f(copy.perReportMs.p95)} ms`, met: copy.perReportMs.p95 < 100, at: k(copy.reports) });
  }
  const audit = [...(r.audit ?? [])].sort((a, b) => b.reports - a.reports)[0];
  if (audit) {
    out.push({ name: 'audit of the whole index', goal: '< 600 s', measured: `${f(audit.wholeIndexS)} s`, met: audit.wholeIndexS < 600, at: k(audit.reports) });
    out.push({ name: 'one report\'s audit p95', goal: '< 100 ms', measured: `${f(audit.perReportMs.p95)} ms`, met: audit.perReportMs.p95 < 100, at: k(audit.reports) });
  }
  const mix = r.queries.find((q) => q.backend === 'sqlite' && q.reports === top);
  if (mix?.byKind.facets) out.push({ name: 'search with facets p95', goal: '≤ 50 ms', measured: `${f(mix.byKind.facets.p95)} ms`, met: mix.byKind.facets.p95 <= 50, at: k(top) });
  if (mix?.byKind.trend) out.push({ name: 'trend p95', goal: '≤ 100 ms', measured: `${f(mix.byKind.trend.p95)} ms`, met: mix.byKind.trend.p95 <= 100, at: k(top) });
  // The same mix with the match cache on: what another page, filter or facet of the same terms costs.
  const warm = r.queries.find((q) => q.backend === 'sqlite, matches cached' && q.reports === top);
  for (const [kind, goal] of [['facets', 50], ['trend', 100]] as const) {
    const p = warm?.byKind[kind];
    if (p) out.push({ name: `${kind === 'facets' ? 'search with facets' : 'trend'} p95, refining a search (matches cached)`, goal: `≤ ${goal} ms`, measured: `${f(p.p95)} ms`, met: p.p95 <= goal, at: k(top) });
  }
  const srv = [...r.server].filter((s) => s.backend === 'sqlite').sort((a, b) => b.reports - a.reports)[0];
  if (srv) out.push({ name: 'server peak RSS under the mix', goal: '≤ 400 MB', measured: `${f(srv.peakRssMb, 0)} MB`, met: srv.peakRssMb <= 400, at: k(srv.reports) });
  const cold = [...r.coldStart].filter((c) => c.backend === 'sqlite').sort((a, b) => b.reports - a.reports)[0];
  if (cold) out.push({ name: 'cold start to first answer', goal: '≤ 3 s', measured: `${f(cold.firstAnswerMs.median / 1000, 2)} s`, met: cold.firstAnswerMs.median <= 3000, at: k(cold.reports) });
  const naive = [...r.naive].sort((a, b) => b.reports - a.reports)[0];
  if (naive) {
    const equal = naive.queries.filter((q) => q.methods.gongkai.recall >= q.methods.like.recall);
    const worst = Math.min(...equal.map((q) => q.slowerThanGongkai.like));
    out.push({ name: 'faster than LIKE at equal recall (worst query)', goal: '≥ 50×', measured: `${f(worst)}× (${equal.length}/${naive.queries.length} queries at equal recall)`,
      met: equal.length === naive.queries.length && worst >= 50, at: k(naive.reports) });
  }
  return [...out, ...issue15Targets(r)];
}

/**
 * Issue 15's table (a search core that answers in under 50 ms at 100,000 reports), for each
 * embedded core measured — FTS5 (`sqlite`) and tantivy side by side — at the largest size each reached.
 */
function issue15Targets(r: BenchResults): Target[] {
  const out: Target[] = [];
  for (const core of ['sqlite', 'tantivy']) {
    const label = core === 'sqlite' ? 'FTS5' : 'tantivy';
    const mixes = r.queries.filter((q) => q.backend === core);
    const mix = mixes.sort((a, b) => b.reports - a.reports)[0];
    if (mix) {
      const at = k(mix.reports);
      out.push({ name: `[${label}] search p95, the whole mix`, goal: '≤ 20 ms', measured: `${f(mix.all.p95)} ms`, met: mix.all.p95 <= 20, at });
      for (const [kind, name, goal] of [['facets', 'search with all five facets p95', 50], ['trend', 'trend p95', 50], ['concordance', 'concordance, 500 lines, p95', 100]] as const) {
        const p = mix.byKind[kind];
        if (p) out.push({ name: `[${label}] ${name}`, goal: `≤ ${goal} ms`, measured: `${f(p.p95)} ms`, met: p.p95 <= goal, at });
      }
    }
    const ing = r.ingest.filter((i) => i.backend === core).sort((a, b) => b.reports - a.reports)[0];
    if (ing) out.push({ name: `[${label}] ingest end to end`, goal: '≥ 5 MB/s', measured: `${f(ing.mbps.median, 2)} MB/s`, met: ing.mbps.median >= 5, at: k(ing.reports) });
    const srv = r.server.filter((x) => x.backend === core).sort((a, b) => b.reports - a.reports)[0];
    if (srv) {
      // The issue's measure is the anonymous memory; mapped index files are reported beside it.
      const anon = srv.peakAnonMb;
      out.push(anon === undefined
        ? { name: `[${label}] server RSS under the mix`, goal: '≤ 400 MB', measured: `${f(srv.peakRssMb, 0)} MB`, met: srv.peakRssMb <= 400, at: k(srv.reports) }
        : { name: `[${label}] server RSS under the mix (anonymous; file-backed ${f(srv.fileMbAtPeakAnon ?? NaN, 0)} MB beside it)`, goal: '≤ 400 MB', measured: `${f(anon, 0)} MB`, met: anon <= 400, at: k(srv.reports) });
    }
    const cold = r.coldStart.filter((c) => c.backend === core).sort((a, b) => b.reports - a.reports)[0];
    if (cold) out.push({ name: `[${label}] cold start to first answer`, goal: '≤ 1 s', measured: `${f(cold.firstAnswerMs.median / 1000, 2)} s`, met: cold.firstAnswerMs.median <= 1000, at: k(cold.reports) });
  }
  return out;
}

export function markdown(r: BenchResults): string {
  const L: string[] = [];
  const m = r.machine;
  L.push(`Run ${r.startedAt} → ${r.finishedAt} (${f(r.durationS / 60)} min), \`${r.command}\`, seed ${r.seed}.`);
  L.push(`Machine: ${m.nproc} cores (${m.cpuModel}), ${m.memoryGb} GB, Node ${m.node}, SQLite ${m.sqlite}; load average at start ${m.loadAtStart.join(' / ')}, at end ${r.loadAtEnd.join(' / ')}.`);
  L.push(`Elasticsearch: ${'url' in r.es ? r.es.url : `pending — ${r.es.pending}`}.`);
  for (const m of r.merged ?? []) L.push(`Merged from a later run ${m.startedAt} (\`${m.command}\`, load ${m.loadAtStart.join(' / ')} → ${m.loadAtEnd.join(' / ')}): its figures replace those of the same stage, backend and size.`);
  L.push('');
  L.push('Spreads are median (min–max) over the repeated runs; n = runs.', '');
  if (r.targets.length) {
    L.push('### Targets (embedded backend)', '', '| target | goal | measured | at | |', '|---|---|---|---|---|');
    for (const t of r.targets) L.push(`| ${t.name} | ${t.goal} | ${t.measured} | ${t.at} | ${t.met === null ? '–' : t.met ? 'met' : '**missed**'} |`);
    L.push('');
  }
  if (r.corpusAnalysis?.length) {
    L.push('### Corpus analysis (from the stored token streams)', '', '| backend | reports | request | covering | ms | CPU ms | first run ms | goal | n |', '|---|---|---|---|---|---|---|---|---|');
    for (const c of r.corpusAnalysis) for (const t of c.timings) L.push(`| ${c.backend} | ${k(c.reports)} | \`${t.request}\` | ${t.size} | ${sp(t.ms, 0)} | ${sp(t.cpuMs, 0)} | ${f(t.firstMs, 0)} | ${t.goal} | ${t.ms.n} |`);
    L.push('');
  }
  if (r.segment) {
    const s = r.segment;
    L.push(`### Segmentation (${s.texts} passages, ${mb(s.bytes)}, n=${s.repeats})`, '', '| segmenter | MB/s |', '|---|---|');
    for (const [name, v] of Object.entries(s.mbps)) L.push(`| ${name} | ${sp(v, 2)} |`);
    for (const [name, v] of Object.entries(s.ratio)) L.push(`| ratio @node-rs/jieba ÷ nodejieba, ${name} | ${sp(v, 2)}× |`);
    if (!Object.keys(s.ratio).length) L.push(`| nodejieba | ${s.nodejieba} |`);
    L.push('');
  }
  if (r.parse) {
    const p = r.parse;
    L.push(`### Parse alone (parseText, ${p.reports} reports, ${mb(p.bytes)}, n=${p.repeats})`, '',
      `${sp(p.mbps, 2)} MB/s, ${sp(p.reportsPerS, 0)} reports/s.`, '');
  }
  if (r.ingest.length) {
    L.push('### Ingest end to end', '', '| backend | reports | input | passages | reports/s | MB/s | passages/s | MB per CPU-s | peak RSS MB | index on disk | n |',
      '|---|---|---|---|---|---|---|---|---|---|---|');
    for (const i of r.ingest) {
      L.push(`| ${i.backend}${i.mode === 'bulk' ? ' (bulk indexMany)' : ' (gongkai ingest)'} | ${i.reports === i.corpus ? k(i.reports) : `first ${i.reports} of ${k(i.corpus)}`} | ${mb(i.bytes)} | ${i.passages} | ${sp(i.reportsPerS, 0)} | ${sp(i.mbps, 2)} | ${sp(i.passagesPerS, 0)} | ${sp(i.mbPerCpuS, 2)} | ${sp(i.peakRssMb, 0)} | ${mb(i.indexBytes)} (${f(i.indexBytesPerInputByte, 1)}× input) | ${i.repeats} |`);
    }
    L.push('');
  }
  if (r.queries.length) {
    const cols = r.queries.map((q) => `${q.backend} ${k(q.reports)}`);
    L.push('### Query latency, in process (ms: p50 / p95 / p99; hits)', '', `| query | ${cols.join(' | ')} |`, `|---|${cols.map(() => '---').join('|')}|`);
    const ids = [...new Set(r.queries.flatMap((q) => q.queries.map((x) => x.id)))];
    for (const id of ids) {
      const what = r.queries.flatMap((q) => q.queries).find((x) => x.id === id)!.what;
      L.push(`| ${id} — ${what} | ${r.queries.map((q) => {
        const x = q.queries.find((y) => y.id === id);
        return x ? `${f(x.latency.p50)} / ${f(x.latency.p95)} / ${f(x.latency.p99)}; ${x.hits}` : '–';
      }).join(' | ')} |`);
    }
    for (const kind of ['search', 'facets', 'trend', 'concordance']) {
      L.push(`| **all ${kind}** | ${r.queries.map((q) => { const x = q.byKind[kind]; return x ? `${f(x.p50)} / ${f(x.p95)} / ${f(x.p99)} (n=${x.n})` : '–'; }).join(' | ')} |`);
    }
    L.push('');
  }
  if (r.server.length) {
    L.push('### HTTP API under the mix (autocannon, loopback)', '', '| backend | reports | clients | req/s | p50 ms | p99 ms | errors / non-2xx | server RSS idle → peak MB | peak anonymous MB (file-backed then) |', '|---|---|---|---|---|---|---|---|---|');
    for (const s of r.server) for (const t of s.throughput) {
      const anon = s.peakAnonMb === undefined ? '–' : `${f(s.peakAnonMb, 0)} (${f(s.fileMbAtPeakAnon ?? NaN, 0)})`;
      L.push(`| ${s.backend} | ${k(s.reports)} | ${t.connections} | ${f(t.reqPerS)} | ${t.latencyMs.p50} | ${t.latencyMs.p99} | ${t.errors} / ${t.non2xx} | ${f(s.idleRssMb, 0)} → ${f(s.peakRssMb, 0)} | ${anon} |`);
    }
    L.push('');
  }
  if (r.copy?.length) {
    L.push('### Copy rates (every report against its previous year and the same year\'s other units; one report as `GET /api/reports/:id/copy` serves it)', '', '| backend | reports | whole index s | pairs | boilerplate sentences | one report p50 ms | p95 ms | n |', '|---|---|---|---|---|---|---|---|');
    for (const c of r.copy) L.push(`| ${c.backend} | ${k(c.reports)} | ${f(c.wholeIndexS)} | ${c.pairs} | ${c.boilerplateSentences} | ${f(c.perReportMs.p50, 2)} | ${f(c.perReportMs.p95, 2)} | ${c.perReportMs.n} |`);
    L.push('');
  }
  if (r.audit?.length) {
    L.push('### Audit (every report with its previous year; one report as `GET /api/reports/:id/audit` serves it)', '', '| backend | reports | whole index s | reports/s | one report p50 ms | p95 ms | n |', '|---|---|---|---|---|---|---|');
    for (const a of r.audit) L.push(`| ${a.backend} | ${k(a.reports)} | ${f(a.wholeIndexS)} | ${f(a.reportsPerS, 0)} | ${f(a.perReportMs.p50)} | ${f(a.perReportMs.p95)} | ${a.perReportMs.n} |`);
    L.push('');
  }
  if (r.coldStart.length) {
    L.push('### Cold start (`node bin/gongkai.js serve` → first answered search)', '', '| backend | reports | listening s | first answer s | CPU s used by then | n |', '|---|---|---|---|---|---|');
    for (const c of r.coldStart) {
      const s = (x: Spread) => ({ ...x, min: x.min / 1000, median: x.median / 1000, max: x.max / 1000 });
      L.push(`| ${c.backend} | ${k(c.reports)} | ${sp(s(c.listeningMs), 2)} | ${sp(s(c.firstAnswerMs), 2)} | ${c.firstAnswerCpuMs ? sp(s(c.firstAnswerCpuMs), 2) : '–'} | ${c.runs} |`);
    }
    L.push('');
  }
  for (const n of r.naive) {
    L.push(`### Naive alternatives at ${k(n.reports)} reports (${n.passages} passages; ms p50, recall)`, '',
      `Build: raw copy ${f(n.build.raw.ms / 1000)} s, ${mb(n.build.raw.bytes)}; unicode61 ${f(n.build.unicode61.ms / 1000)} s, ${mb(n.build.unicode61.bytes)}; trigram ${f(n.build.trigram.ms / 1000)} s, ${mb(n.build.trigram.bytes)}; Gongkai's whole index ${mb(n.gongkaiIndexBytes)}.`, '',
      '| query | true passages | Gongkai | LIKE | unicode61 | trigram | LIKE ÷ Gongkai |', '|---|---|---|---|---|---|---|');
    for (const q of n.queries) {
      const c = (x: { latency: { p50: number }; recall: number }) => `${f(x.latency.p50)}; ${f(x.recall, 3)}`;
      L.push(`| ${q.q} | ${q.truth} | ${c(q.methods.gongkai)} | ${c(q.methods.like)} | ${c(q.methods.unicode61)} | ${c(q.methods.trigram)} | ${f(q.slowerThanGongkai.like)}× |`);
    }
    L.push('');
  }
  return L.join('\n');
}

// ---------------------------------------------------------------- chart

interface Series { name: string; color: string; dash: boolean; points: Array<[number, number]> }

interface Ref { y: number; label: string }

function panel(x0: number, y0: number, w: number, h: number, title: string, yLabel: string, series: Series[], logY: boolean, refs: Ref[] = []): string {
  const pts = [...series.flatMap((s) => s.points), ...refs.map((r) => [NaN, r.y] as [number, number])];
  if (!pts.length) return `<text x="${x0 + w / 2}" y="${y0 + h / 2}" text-anchor="middle" font-size="14">${title}: no data</text>`;
  const xs = pts.map((p) => p[0]).filter((x) => Number.isFinite(x));
  const ys = pts.map((p) => p[1]).filter((y) => y > 0);
  let lx: [number, number] = [Math.log10(Math.min(...xs)), Math.log10(Math.max(...xs))];
  if (lx[0] === lx[1]) lx = [lx[0] - 0.5, lx[1] + 0.5];
  let yr: [number, number];
  if (logY) yr = [Math.floor(Math.log10(Math.min(...ys))), Math.ceil(Math.log10(Math.max(...ys)))];
  else {
    const raw = (Math.max(...ys) * 1.1) / 5;
    const mag = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((x) => x >= raw)!;
    yr = [0, step * Math.ceil((Math.max(...ys) * 1.1) / step)];
  }
  if (yr[0] === yr[1]) yr[1] = yr[0] + 1;
  const pl = 64, pr = 16, pt = 34, pb = 44;
  const X = (x: number) => x0 + pl + ((Math.log10(x) - lx[0]) / (lx[1] - lx[0])) * (w - pl - pr);
  const Y = (y: number) => {
    const v = logY ? Math.log10(Math.max(y, 10 ** yr[0])) : y;
    return y0 + h - pb - ((v - yr[0]) / (yr[1] - yr[0])) * (h - pt - pb);
  };
  const out: string[] = [];
  out.push(`<text x="${x0 + w / 2}" y="${y0 + 20}" text-anchor="middle" font-size="15" font-weight="600">${title}</text>`);
  out.push(`<rect x="${x0 + pl}" y="${y0 + pt}" width="${w - pl - pr}" height="${h - pt - pb}" fill="none" stroke="#999"/>`);
  const linStep = (() => { const raw = yr[1] / 5; const mag = 10 ** Math.floor(Math.log10(raw)); return [1, 2, 2.5, 5, 10].map((m) => m * mag).find((x) => x >= raw - 1e-12)!; })();
  const yticks = logY ? Array.from({ length: yr[1] - yr[0] + 1 }, (_, i) => 10 ** (yr[0] + i))
    : Array.from({ length: Math.round(yr[1] / linStep) + 1 }, (_, i) => i * linStep);
  for (const t of yticks) {
    out.push(`<line x1="${x0 + pl}" x2="${x0 + w - pr}" y1="${Y(t)}" y2="${Y(t)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${x0 + pl - 6}" y="${Y(t) + 4}" text-anchor="end" font-size="11">${+t.toPrecision(3)}</text>`);
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    out.push(`<line x1="${X(x)}" x2="${X(x)}" y1="${y0 + pt}" y2="${y0 + h - pb}" stroke="#eee"/>`);
    out.push(`<text x="${X(x)}" y="${y0 + h - pb + 16}" text-anchor="middle" font-size="11">${k(x)}</text>`);
  }
  out.push(`<text x="${x0 + pl + (w - pl - pr) / 2}" y="${y0 + h - 8}" text-anchor="middle" font-size="12">reports in the index (log scale)</text>`);
  out.push(`<text transform="translate(${x0 + 16},${y0 + pt + (h - pt - pb) / 2}) rotate(-90)" text-anchor="middle" font-size="12">${yLabel}</text>`);
  for (const r of refs) {
    out.push(`<line x1="${x0 + pl}" x2="${x0 + w - pr}" y1="${Y(r.y)}" y2="${Y(r.y)}" stroke="#555" stroke-width="1.2" stroke-dasharray="2 3"/>`);
    out.push(`<text x="${x0 + w - pr - 4}" y="${Y(r.y) - 4}" text-anchor="end" font-size="11" fill="#333">${r.label}</text>`);
  }
  for (const s of series) {
    const p = [...s.points].sort((a, b) => a[0] - b[0]);
    if (!p.length) continue;
    out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2.2" ${s.dash ? 'stroke-dasharray="6 4"' : ''} points="${p.map(([x, y]) => `${X(x)},${Y(y)}`).join(' ')}"/>`);
    for (const [x, y] of p) out.push(`<circle cx="${X(x)}" cy="${Y(y)}" r="3.5" fill="${s.color}"/>`);
  }
  series.filter((s) => s.points.length).forEach((s, i) => {
    const ly = y0 + pt + 14 + i * 16;
    out.push(`<line x1="${x0 + pl + 10}" x2="${x0 + pl + 34}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2.2" ${s.dash ? 'stroke-dasharray="6 4"' : ''}/>`);
    out.push(`<text x="${x0 + pl + 40}" y="${ly}" font-size="11">${s.name}</text>`);
  });
  return out.join('\n');
}

export function chartSvg(r: BenchResults): string {
  const W = 1200, H = 460;
  const backends = ['sqlite', 'elasticsearch'] as const;
  const dash = (b: string) => b === 'elasticsearch';
  const ingest: Series[] = [
    { name: 'embedded (SQLite), gongkai ingest', color: '#1f77b4', dash: false, b: 'sqlite', mode: 'ingest' },
    { name: 'Elasticsearch, bulk (indexMany)', color: '#d62728', dash: true, b: 'elasticsearch', mode: 'bulk' },
  ].map(({ b, mode, ...s }) => ({ ...s, points: r.ingest.filter((i) => i.backend === b && i.mode === mode).map((i) => [i.reports, i.mbps.median] as [number, number]) }));
  const colors: Record<string, string> = { search: '#1f77b4', facets: '#ff7f0e', trend: '#2ca02c', concordance: '#9467bd' };
  const latency: Series[] = backends.flatMap((b) => Object.keys(colors).map((kind) => ({
    name: `${b === 'sqlite' ? 'embedded' : 'ES'} ${kind} p95`, color: colors[kind]!, dash: dash(b),
    points: r.queries.filter((q) => q.backend === b && q.byKind[kind]).map((q) => [q.reports, q.byKind[kind]!.p95] as [number, number]),
  })));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="DejaVu Sans, sans-serif">
<rect width="${W}" height="${H}" fill="white"/>
${panel(0, 0, 480, H - 20, 'Ingest rate, end to end', 'MB/s of input', ingest, false, [{ y: 3, label: 'target 3 MB/s (embedded)' }])}
${panel(480, 0, 720, H - 20, 'Query latency p95 (in process)', 'ms (log scale)', latency, true,
    [{ y: 50, label: 'target: facets 50 ms' }, { y: 100, label: 'target: trend 100 ms' }])}
<text x="${W - 8}" y="${H - 6}" text-anchor="end" font-size="10" fill="#666">${r.machine.nproc} cores ${r.machine.cpuModel}, Node ${r.machine.node}; ${r.startedAt.slice(0, 10)}; solid = embedded, dashed = Elasticsearch</text>
</svg>`;
}

/** SVG → PNG with headless Chromium; false (and a message) when Chromium is missing. */
export async function writePng(svg: string, file: string): Promise<boolean> {
  const { chromium } = await import('playwright-core');
  const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--headless'] });
  try {
    const m = /width="(\d+)" height="(\d+)"/.exec(svg)!;
    const page = await browser.newPage({ viewport: { width: Number(m[1]), height: Number(m[2]) }, deviceScaleFactor: 1.5 });
    await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: file });
    return true;
  } finally {
    await browser.close();
  }
}

export function writeSvg(svg: string, file: string): void {
  writeFileSync(file, svg);
}
