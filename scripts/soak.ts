// Soak test: a server over a generated corpus, 32 concurrent clients on loopback running
// the benchmark query mix, while `gongkai ingest` keeps writing to the same index.
// Reports errors (must be zero), latency percentiles and the server's RSS over time.
//
//   npm run soak -- --minutes 3 [--clients 32] [--reports 2000] [--ingest-reports 600] [--max-requests 2000000]
//
// Bounded in time and in requests; talks to 127.0.0.1 only; everything lives in a temp dir
// that is removed at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../services/corpus-gen/index.js';
import { ROOT } from '../services/paths.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '3' }, clients: { type: 'string', default: '32' },
    reports: { type: 'string', default: '2000' }, 'ingest-reports': { type: 'string', default: '600' },
    'max-requests': { type: 'string', default: '2000000' }, 'sample-seconds': { type: 'string', default: '5' },
    'no-ingest': { type: 'boolean', default: false },
  },
});
const num = (name: keyof typeof values, min: number, max: number) => {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}`);
  return n;
};
const MINUTES = num('minutes', 0.1, 60);
const CLIENTS = num('clients', 1, 256);
const REPORTS = num('reports', 10, 50_000);
const INGEST_REPORTS = num('ingest-reports', 10, 50_000);
const MAX_REQUESTS = num('max-requests', 1, 50_000_000);
const SAMPLE_MS = num('sample-seconds', 1, 60) * 1000;
const CLI = join(ROOT, 'bin', 'gongkai.js');

/** The benchmark query mix: [kind, path]. */
const MIX: Array<[string, string]> = [
  ['single word', '/api/search?q=微信公众号'],
  ['single word', '/api/search?q=培训&facets=false'],
  ['two words', '/api/search?q=政务公开 培训'],
  ['two words', '/api/search?q=微信 网站&collapse=true'],
  ['exact phrase', '/api/search?q="政府开放日"'],
  ['exact phrase', '/api/search?q="依申请公开"&sort=year_desc'],
  ['rare term', '/api/search?q=人员紧缺'],
  ['rare term', '/api/search?q=抖音&collapse=true'],
  ['frequent term', '/api/search?q=信息'],
  ['frequent term', '/api/search?q=政府信息公开&page=5'],
  ['filtered', '/api/search?q=公开&year=2020&section=problems'],
  ['filtered', '/api/search?q=网站&level=township&theme=website'],
  ['filtered', '/api/search?q=扶贫 OR 乡村振兴&year=2019,2020,2021&collapse=true'],
  ['no query, facets', '/api/search?section=improvements'],
  ['trend', '/api/trends?series=微信公众号&series=theme:open_day'],
  ['trend', '/api/trends?series=政务新媒体&by=province'],
  ['concordance', '/api/concordance?q=政府开放日&width=20&limit=200'],
  ['concordance', '/api/concordance?q=培训&sort=left&limit=200'],
].map(([k, p]) => [k!, encodeURI(p!)]);

const log = (s: string) => console.log(`[soak] ${s}`);

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

function run(args: string[], dataDir: string): ChildProcess {
  return spawn(process.execPath, [CLI, ...args, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
}

const exited = (c: ChildProcess) => new Promise<number | null>((r) => {
  if (c.exitCode !== null || c.signalCode !== null) r(c.exitCode);
  else c.once('exit', (code) => r(code));
});

function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'gongkai-soak-'));
  const dataDir = join(work, 'data');
  const children: ChildProcess[] = [];
  const stopAll = () => { for (const c of children) if (c.exitCode === null) c.kill('SIGTERM'); };
  process.once('SIGINT', () => { stopAll(); rmSync(work, { recursive: true, force: true }); process.exit(130); });
  try {
    log(`generating ${REPORTS} + ${INGEST_REPORTS} reports in ${work} …`);
    generateCorpus({ count: REPORTS, seed: 1, out: join(work, 'served') });
    generateCorpus({ count: INGEST_REPORTS, seed: 2, out: join(work, 'incoming') });
    const pre = run(['ingest', join(work, 'served')], dataDir);
    pre.stdout!.on('data', (c) => process.stdout.write(`[soak] ${c}`));
    if ((await exited(pre)) !== 0) throw new Error('the initial ingest failed');

    const server = run(['serve', '--host', '127.0.0.1', '--port', '0'], dataDir);
    children.push(server);
    let serverOut = '';
    server.stderr!.on('data', (c) => { serverOut += c; });
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start: ${serverOut}`)), 60_000);
      server.stdout!.on('data', (c) => {
        serverOut += c;
        const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(serverOut);
        if (m) { clearTimeout(timer); resolve(m[1]!); }
      });
      server.once('exit', () => reject(new Error(`the server exited: ${serverOut}`)));
    });
    log(`server ${base} (pid ${server.pid}), ${CLIENTS} clients for ${MINUTES} min, at most ${MAX_REQUESTS} requests`);

    const started = Date.now();
    const deadline = started + MINUTES * 60_000;
    let stopping = false;

    // The writer: ingest the incoming folder; then change every file (a line appended) and
    // ingest again (every report replaced); repeat until the end.
    let ingestPasses = 0;
    let ingestFailures = 0;
    const writer = (async () => {
      while (!stopping && !values['no-ingest']) {
        const c = run(['ingest', join(work, 'incoming')], dataDir);
        children.push(c);
        let out = '';
        c.stdout!.on('data', (d) => { out += d; });
        c.stderr!.on('data', (d) => { out += d; });
        const code = await exited(c);
        if (stopping && code === null) break; // stopped at the end: not a failure
        ingestPasses++;
        if (code !== 0 || !/failed 0/.test(out)) { ingestFailures++; log(`ingest pass failed (exit ${code}): ${out.slice(-500)}`); }
        else log(`ingest pass ${ingestPasses}: ${out.split('\n')[0]}`);
        const dir = join(work, 'incoming');
        for (const f of readdirSync(dir)) if (f.endsWith('.txt')) appendFileSync(join(dir, f), `\n附：第${ingestPasses}次更新。\n`);
      }
    })();

    // The readers.
    const latencies = new Float64Array(MAX_REQUESTS);
    const kinds = new Uint8Array(MAX_REQUESTS);
    const kindNames = [...new Set(MIX.map(([k]) => k))];
    let count = 0;
    let errors = 0;
    const errorSamples: string[] = [];
    const slowest: Array<{ ms: number; at: number; path: string }> = [];
    const client = async (id: number) => {
      let i = id;
      while (!stopping && Date.now() < deadline && count < MAX_REQUESTS) {
        const [kind, path] = MIX[i++ % MIX.length]!;
        const t0 = performance.now();
        try {
          const res = await fetch(base + path);
          const body = await res.arrayBuffer();
          if (res.status !== 200) {
            errors++;
            if (errorSamples.length < 10) errorSamples.push(`${res.status} ${path}: ${Buffer.from(body).toString('utf8').slice(0, 200)}`);
          }
        } catch (err) {
          errors++;
          const cause = (err as { cause?: { code?: string; message?: string } }).cause;
          if (errorSamples.length < 10) errorSamples.push(`${path}: ${err instanceof Error ? err.message : String(err)}${cause ? ` (${cause.code ?? cause.message})` : ''}`);
        }
        const took = performance.now() - t0;
        slowest.push({ ms: took, at: (Date.now() - started - took) / 1000, path: decodeURI(path) });
        slowest.sort((a, b) => b.ms - a.ms).splice(5);
        if (count < MAX_REQUESTS) {
          latencies[count] = took;
          kinds[count] = kindNames.indexOf(kind);
          count++;
        }
      }
    };

    const rss: number[] = [];
    let lastCount = 0;
    const sampler = setInterval(() => {
      const mb = rssMb(server.pid!);
      rss.push(mb);
      const secs = (Date.now() - started) / 1000;
      log(`${secs.toFixed(0).padStart(4)} s  ${String(count).padStart(8)} requests  ${Math.round((count - lastCount) / (SAMPLE_MS / 1000))} req/s  ` +
        `server RSS ${mb} MB  errors ${errors}  ingest passes ${ingestPasses}`);
      lastCount = count;
    }, SAMPLE_MS);
    rss.push(rssMb(server.pid!));

    await Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
    const secs = (Date.now() - started) / 1000;
    stopping = true;
    clearInterval(sampler);
    rss.push(rssMb(server.pid!));
    const health = await fetch(`${base}/api/health`).then((r) => r.json() as Promise<{ reports: number }>).catch(() => null);
    stopAll();
    await writer;

    const all = latencies.slice(0, count).sort();
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    log('---------------------------------------------------------------');
    log(`duration ${secs.toFixed(0)} s, ${CLIENTS} clients, ${count} requests, ${Math.round(count / secs)} req/s, errors ${errors}`);
    log(`latency p50 ${ms(percentile(all, 50))}  p95 ${ms(percentile(all, 95))}  p99 ${ms(percentile(all, 99))}  max ${ms(all[all.length - 1] ?? NaN)}`);
    for (const [k, name] of kindNames.entries()) {
      const sub = latencies.slice(0, count).filter((_, i) => kinds[i] === k).sort();
      log(`  ${name.padEnd(17)} n=${String(sub.length).padStart(7)}  p50 ${ms(percentile(sub, 50)).padStart(9)}  p99 ${ms(percentile(sub, 99)).padStart(9)}`);
    }
    const valid = rss.filter((x) => Number.isFinite(x));
    log(`server RSS: start ${valid[0]} MB, max ${Math.max(...valid)} MB, end ${valid.at(-1)} MB (${valid.length} samples every ${SAMPLE_MS / 1000} s)`);
    log(`ingest while serving: ${ingestPasses} passes of ${INGEST_REPORTS} reports, ${ingestFailures} failed; index now ${health?.reports ?? '?'} reports`);
    for (const s of slowest) log(`slowest: ${ms(s.ms)} sent at ${s.at.toFixed(1)} s: ${s.path}`);
    for (const s of errorSamples) log(`error: ${s}`);
    process.exitCode = errors || ingestFailures ? 1 : 0;
  } finally {
    stopAll();
    await Promise.all(children.map(exited));
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => { console.error('[soak] failed:', err instanceof Error ? err.message : err); process.exitCode = 1; });
