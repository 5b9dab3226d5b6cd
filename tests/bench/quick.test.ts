// Smoke test of the benchmark harness: a tiny quick run (30 reports, embedded backend only,
// no chart) finishes and writes well-formed results. No timing is asserted: the figures
// depend on the machine; only their shape and basic consistency are checked.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BenchResults } from '../../scripts/bench/report.js';
import { MIX, QUICK_MIX } from '../../scripts/bench/queries.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
after(() => rmSync(out, { recursive: true, force: true }));

const positive = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x > 0;
const spreadOk = (s: { min: number; median: number; max: number; n: number }) =>
  positive(s.median) && s.min <= s.median && s.median <= s.max && s.n >= 1;

test('npm run bench -- --quick runs and writes well-formed results', { timeout: 240_000 }, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--quick', '--sizes', '30', '--out', out, '--no-chart', '--no-es'],
    { cwd: ROOT, encoding: 'utf8', timeout: 230_000 });
  assert.equal(r.status, 0, `bench failed: ${r.stderr.slice(-3000)}`);
  const file = join(out, 'latest-quick.json');
  assert.ok(existsSync(file), 'latest-quick.json written');
  const res = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;

  assert.equal(res.version, 1);
  assert.equal(res.quick, true);
  assert.ok(res.machine.nproc >= 1 && res.machine.cpuModel && res.machine.node.startsWith('v'));
  assert.ok('pending' in res.es, 'ES is pending with --no-es');
  assert.deepEqual(res.corpora.map((c) => c.reports), [30]);

  assert.ok(res.segment && spreadOk(res.segment.mbps['node-rs']!) && spreadOk(res.segment.mbps['gongkai words+grams']!));
  if (!res.segment.nodejieba.startsWith('unavailable')) assert.ok(spreadOk(res.segment.ratio['hmm off']!));
  assert.ok(res.parse && spreadOk(res.parse.mbps) && res.parse.passages > 0);

  const ing = res.ingest.find((i) => i.backend === 'sqlite')!;
  assert.ok(ing, 'embedded ingest measured');
  assert.equal(ing.reports, 30);
  assert.ok(spreadOk(ing.mbps) && spreadOk(ing.reportsPerS) && spreadOk(ing.passagesPerS) && spreadOk(ing.peakRssMb));
  assert.ok(ing.passages > 0 && ing.indexBytes > 0 && ing.runs.every((x) => x.failed === 0 && x.reportsInIndex === 30));

  const mix = res.queries.find((q) => q.backend === 'sqlite')!;
  assert.deepEqual(mix.queries.map((q) => q.id), MIX.filter((q) => QUICK_MIX.includes(q.id)).map((q) => q.id));
  for (const q of mix.queries) {
    assert.ok(q.hits >= 0 && q.latency.n >= 5, q.id);
    assert.ok(q.latency.p50 <= q.latency.p95 && q.latency.p95 <= q.latency.p99, q.id);
  }
  assert.ok(mix.byKind.facets && mix.byKind.trend && mix.all.n >= 5 * mix.queries.length);

  const naive = res.naive[0]!;
  assert.ok(naive && naive.passages === ing.passages);
  for (const q of naive.queries) {
    assert.equal(q.methods.like.recall, 1, `LIKE is the truth for ${q.q}`);
    for (const m of Object.values(q.methods)) assert.ok(m.recall >= 0 && m.recall <= 1 && m.latency.n >= 3);
  }

  const srv = res.server.find((s) => s.backend === 'sqlite')!;
  assert.deepEqual(srv.throughput.map((t) => t.connections), [8, 32]);
  assert.ok(positive(srv.peakRssMb) && srv.throughput.every((t) => t.requests > 0 && t.errors === 0 && t.non2xx === 0));
  const cold = res.coldStart.find((c) => c.backend === 'sqlite')!;
  assert.ok(cold && spreadOk(cold.firstAnswerMs));

  assert.ok(res.targets.length >= 5 && res.targets.every((t) => t.goal && t.measured && typeof t.met === 'boolean'));
  const md = readFileSync(join(out, `bench-quick-${res.startedAt.replace(/[:.]/g, '-')}.md`), 'utf8');
  assert.match(md, /### Ingest end to end/);
});
