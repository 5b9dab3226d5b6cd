// Shared by the Elasticsearch tests: a node (or a clear reason to skip), fresh index
// names per run, and engines over either backend.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureElasticsearch } from '../../scripts/es/ensure.js';
import { loadConfig, type Config } from '../../services/config.js';
import type { ElasticsearchBackend } from '../../services/search/elasticsearch/backend.js';
import { openEngine, type Engine } from '../../services/search/engine.js';

/** The node to test against, or why the tests skip (never in CI: there it throws). */
export const node = await ensureElasticsearch();
export const skip: string | false = 'skipped' in node
  ? `no Elasticsearch (${node.skipped.replace(/\s+/g, ' ').trim()}); to run these tests: npm run es:start (needs a JDK, and Maven the first time), or set ES_URL to a running node`
  : false;
export const esUrl = 'url' in node ? node.url : 'http://127.0.0.1:9200';

/** Indices of earlier runs that were killed before cleaning up (older than an hour: never a running test's). */
async function dropStale(): Promise<void> {
  try {
    const res = await fetch(`${esUrl}/_cat/indices/gongkai-test-*?format=json&h=index,creation.date&expand_wildcards=open`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) return;
    const rows = await res.json() as Array<{ index: string; 'creation.date': string }>;
    const stale = rows.filter((r) => Date.now() - Number(r['creation.date']) > 3600_000).map((r) => r.index);
    for (let i = 0; i < stale.length; i += 20) {
      await fetch(`${esUrl}/${stale.slice(i, i + 20).join(',')}`, { method: 'DELETE', signal: AbortSignal.timeout(30_000) });
    }
  } catch {
    // Best effort only.
  }
}
if (!skip) await dropStale();

let n = 0;
/** An ES_INDEX prefix no other run uses. */
export const freshPrefix = (what: string) => `gongkai-test-${what}-${process.pid}-${Date.now().toString(36)}-${n++}`;

export function esConfig(prefix: string, overrides: Partial<Record<keyof Config, unknown>> = {}): Config {
  return loadConfig({ dataDir: tmpdir(), backend: 'elasticsearch', esUrl, esIndex: prefix, ...overrides }, {});
}

export async function esEngine(prefix: string): Promise<Engine & { backend: ElasticsearchBackend }> {
  return await openEngine(esConfig(prefix)) as Engine & { backend: ElasticsearchBackend };
}

export async function sqliteEngine(): Promise<{ engine: Engine; dispose: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-parity-'));
  const engine = await openEngine(loadConfig({ dataDir: dir, backend: 'sqlite' }, {}));
  return { engine, dispose: async () => { await engine.backend.close(); rmSync(dir, { recursive: true, force: true }); } };
}
