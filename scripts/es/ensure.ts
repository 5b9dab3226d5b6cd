// Find or start a local Elasticsearch for tests/benchmarks.
//   const es = await ensureElasticsearch();
//   if ('skipped' in es) { t.skip(es.skipped); return; }
// Order: $ES_URL if reachable, then http://127.0.0.1:$ES_PORT (default 9200),
// then scripts/es/start.sh. In CI (CI=true) failure throws instead of skipping.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const START_SH = fileURLToPath(new URL('./start.sh', import.meta.url));

async function healthy(url: string): Promise<boolean> {
  try {
    // Not GET /: this distribution lacks the rest-root module, so / answers 405.
    const res = await fetch(`${url}/_cluster/health?wait_for_status=yellow&timeout=5s`, {
      signal: AbortSignal.timeout(8000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

let pending: Promise<{ url: string } | { skipped: string }> | undefined;

export function ensureElasticsearch(opts: { required?: boolean } = {}): Promise<{ url: string } | { skipped: string }> {
  // One attempt per process; start.sh itself also serializes across processes.
  pending ??= locate();
  const required = opts.required ?? process.env.CI === 'true';
  return pending.then((r) => {
    if ('skipped' in r && required) throw new Error(`Elasticsearch is required but unavailable: ${r.skipped}`);
    return r;
  });
}

async function locate(): Promise<{ url: string } | { skipped: string }> {
  const envUrl = process.env.ES_URL?.replace(/\/+$/, '');
  if (envUrl && (await healthy(envUrl))) return { url: envUrl };

  const local = `http://127.0.0.1:${process.env.ES_PORT ?? '9200'}`;
  if (await healthy(local)) return { url: local };

  const r = spawnSync('bash', [START_SH], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 10 * 60_000, // first run downloads ~100 MB via Maven
  });
  if (r.status === 0 && (await healthy(local))) return { url: local };

  const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
  const tail = (r.stderr ?? '').trim().split('\n').slice(-5).join('\n');
  return {
    skipped: `no Elasticsearch at ${envUrl ? envUrl + ' or ' : ''}${local}, and scripts/es/start.sh failed (${why})${tail ? ':\n' + tail : ''}`,
  };
}
