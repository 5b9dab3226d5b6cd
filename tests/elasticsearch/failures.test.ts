// When the cluster goes away mid-run: a second, throw-away node on its own port (never
// the shared one other tests use) is started, used, stopped, and every verb then fails
// with a message naming the cluster, while /api/health answers 503.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { createApp } from '../../services/api/app.js';
import { ElasticsearchBackend } from '../../services/search/elasticsearch/backend.js';
import { ElasticsearchUnavailableError } from '../../services/search/elasticsearch/errors.js';
import { planOf, type Engine } from '../../services/search/engine.js';
import { segmenter } from '../../services/pipeline/segment/segmenter.js';
import { Filters } from '../../services/search/types.js';
import { indexedGenerated } from './generated.js';
import { esConfig, skip as noNode } from './support.js';

const PORT = Number(process.env.GONGKAI_ES_SPARE_PORT ?? 9250);
const URL_ = `http://127.0.0.1:${PORT}`;
const script = (name: string) => fileURLToPath(new URL(`../../scripts/es/${name}`, import.meta.url));

function run(name: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // A small heap boots faster (the JVM touches all of it first); this node holds two reports.
    const child = spawn('bash', [script(name)], { env: { ...process.env, ES_PORT: String(PORT), ES_HEAP: '256m' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const timer = setTimeout(() => child.kill('SIGTERM'), 10 * 60_000);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, output }); });
  });
}

// Start the spare node before the suite decides whether it can run.
let spare: string | false = noNode;
if (!spare) {
  const started = await run('start.sh');
  if (started.code !== 0) {
    const why = `the spare node on port ${PORT} did not start: ${started.output.trim().split('\n').slice(-3).join(' | ')}`;
    if (process.env.CI === 'true') throw new Error(why);
    spare = why;
  }
}

const unreachable = (err: unknown) =>
  err instanceof ElasticsearchUnavailableError && err.message.startsWith(`Elasticsearch at ${URL_} is not reachable: `);

describe('when Elasticsearch goes away', { skip: spare }, () => {
  const seg = segmenter();
  const reports = indexedGenerated(3, 0, 2);
  const config = esConfig('gongkai-spare', { esUrl: URL_ });
  let backend: ElasticsearchBackend;
  let engine: Engine;
  const server = { url: '', close: async () => {} };

  after(async () => {
    await server.close();
    await backend?.close().catch(() => undefined);
    await run('stop.sh');
  });

  it('works while the node is up', async () => {
    // This node is ours alone: drop what an earlier run left (it was stopped before cleaning up).
    const listed = await fetch(`${URL_}/_cat/indices/gongkai-spare-*?format=json&h=index`);
    const old = (await listed.json() as Array<{ index: string }>).map((r) => r.index);
    if (old.length) await fetch(`${URL_}/${old.join(',')}`, { method: 'DELETE' });
    backend = await ElasticsearchBackend.open(config, seg.signature);
    engine = { backend, segmenter: seg, resolveRegion: () => [] };
    assert.equal(await backend.upsert(reports[0]!), 'indexed');
    const out = await backend.search(planOf(engine, '公开', Filters.parse({})).plan, true);
    assert.ok(out.total > 0);
    const s = createApp(engine).listen(0, '127.0.0.1');
    await new Promise((r) => s.once('listening', r));
    server.url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    server.close = () => new Promise((r) => { s.close(() => r()); });
    assert.equal((await fetch(`${server.url}/api/health`)).status, 200);
  });

  it('names the cluster in every failure once it is stopped, and /api/health answers 503', async () => {
    assert.ok(engine, 'the node was up and used');
    const stopped = await run('stop.sh');
    assert.equal(stopped.code, 0, stopped.output);
    const plan = planOf(engine, '公开', Filters.parse({})).plan;
    await assert.rejects(backend.search(plan, true), unreachable);
    await assert.rejects(backend.trend(plan, 'year'), unreachable);
    await assert.rejects(backend.info(), unreachable);
    await assert.rejects(backend.upsert(reports[1]!), unreachable);
    await assert.rejects(backend.report(reports[0]!.id), unreachable);
    await assert.rejects(ElasticsearchBackend.open(config, seg.signature), unreachable);
    const res = await fetch(`${server.url}/api/health`);
    assert.equal(res.status, 503);
    const body = await res.json() as { status: string; backend: string; error: string };
    assert.equal(body.backend, 'elasticsearch');
    assert.match(body.error, new RegExp(`^Elasticsearch at ${URL_.replace(/\./g, '\\.')} is not reachable`));
    const searched = await fetch(`${server.url}/api/search?q=${encodeURIComponent('公开')}`);
    assert.equal(searched.status, 503, 'a search while the cluster is down is "unavailable", not an internal error');
    assert.match(((await searched.json()) as { error: string }).error, /is not reachable/);
  });
});
