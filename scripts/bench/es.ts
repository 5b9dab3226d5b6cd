// Elasticsearch for the benchmarks: a node on loopback (found, or started with
// scripts/es/start.sh for a full run), a backend that really works (not a placeholder),
// an index prefix of our own, and its size on disk.
import { ensureElasticsearch } from '../es/ensure.js';
import { loadConfig } from '../../services/config.js';
import { openEngine } from '../../services/search/engine.js';

export type EsStatus = { url: string } | { pending: string };

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/_cluster/health?wait_for_status=yellow&timeout=3s`, { signal: AbortSignal.timeout(5000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** A reachable node whose backend can open an index, or why the ES column is pending. */
export async function locateEs(mode: 'off' | 'reachable' | 'start'): Promise<EsStatus> {
  if (mode === 'off') return { pending: 'not requested (--no-es)' };
  let url: string;
  if (mode === 'start') {
    const node = await ensureElasticsearch({ required: false });
    if ('skipped' in node) return { pending: node.skipped };
    url = node.url;
  } else {
    const candidates = [process.env.ES_URL, `http://127.0.0.1:${process.env.ES_PORT ?? '9200'}`].filter((u): u is string => !!u);
    const found = [];
    for (const u of candidates) if (await healthy(u.replace(/\/+$/, ''))) found.push(u.replace(/\/+$/, ''));
    if (!found.length) return { pending: 'no Elasticsearch reachable (quick runs never start one; run `npm run es:start`)' };
    url = found[0]!;
  }
  if (!/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(url)) return { pending: `${url} is not loopback; the benchmark only talks to loopback` };
  try {
    const engine = await openEngine(loadConfig({ backend: 'elasticsearch', esUrl: url, esIndex: 'gongkai-bench-probe' }, {}));
    await engine.backend.info();
    await engine.backend.close();
  } catch (err) {
    return { pending: `the Elasticsearch backend cannot be used yet: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
  return { url };
}

/** Deletes the concrete indices behind a bench prefix's aliases. */
export async function dropEs(url: string, prefix: string): Promise<void> {
  for (const kind of ['passages', 'reports']) {
    const res = await fetch(`${url}/_alias/${prefix}-${kind}`);
    if (!res.ok) continue;
    for (const index of Object.keys(await res.json() as Record<string, unknown>)) {
      await fetch(`${url}/${encodeURIComponent(index)}`, { method: 'DELETE' });
    }
  }
}

/** Primary store size of both indices (after a flush), bytes. */
export async function esSize(url: string, prefix: string): Promise<{ bytes: number; docs: number }> {
  const idx = `${prefix}-passages,${prefix}-reports`;
  await fetch(`${url}/${idx}/_flush`, { method: 'POST' });
  const res = await fetch(`${url}/${idx}/_stats/store,docs`);
  const body = await res.json() as { _all: { primaries: { store: { size_in_bytes: number }; docs: { count: number } } } };
  return { bytes: body._all.primaries.store.size_in_bytes, docs: body._all.primaries.docs.count };
}
