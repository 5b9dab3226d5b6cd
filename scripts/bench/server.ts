// The real server (`node bin/gongkai.js serve`) on a loopback port: cold start until the
// first answered search, throughput of the query mix with 8 and 32 concurrent clients
// (autocannon, bounded duration), and the server's peak RSS (VmHWM) under that load.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { load1, spread, type Spread } from './stats.js';

const BIN = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));

/** `label`: what the results call it (the embedded backend's core: sqlite or tantivy); the directory decides the core. */
export interface ServerTarget { backend: 'sqlite' | 'elasticsearch'; label?: string; dataDir: string; esUrl?: string; esIndex?: string }

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
  });
}

/** kB figures of /proc/<pid>/status: VmRSS now, VmHWM the peak so far. */
/**
 * Resident memory: all of it (VmRSS, and its peak VmHWM), and apart the anonymous part (the
 * heap, RssAnon) and the file-backed part (RssFile: mapped files such as the tantivy index, which
 * the kernel drops and reads again as it needs, unlike the heap).
 */
export function procMemMb(pid: number): { rssMb: number; peakMb: number; anonMb: number; fileMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024, anonMb: kb('RssAnon') / 1024, fileMb: kb('RssFile') / 1024 };
}

/** CPU time (user + system) a process has used so far, ms (clock-tick resolution). */
export function procCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ (100 on Linux)
}

export interface Running {
  url: string; child: ChildProcess; startedMs: number; listeningMs: number; firstAnswerMs: number;
  /** CPU the server used until its first answer: less sensitive to a busy machine than wall time. */
  firstAnswerCpuMs: number; stop: () => Promise<void>;
}

const PROBE = `/api/search?q=${encodeURIComponent('微信公众号')}&facets=false&size=1`;

/** Spawns the server and polls a search until it answers 200; times both from the spawn. */
export async function startServer(t: ServerTarget, timeoutMs = 120_000): Promise<Running> {
  const port = await freePort();
  const env = { ...process.env, GONGKAI_BACKEND: t.backend, GONGKAI_DATA_DIR: t.dataDir, PORT: String(port), HOST: '127.0.0.1',
    GONGKAI_RATE_LIMIT: '0', GONGKAI_MATCH_CACHE_MB: '0', ...(t.esUrl ? { ES_URL: t.esUrl } : {}), ...(t.esIndex ? { ES_INDEX: t.esIndex } : {}) };
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let listeningMs = NaN;
  let err = '';
  child.stdout!.on('data', (c: Buffer) => { if (Number.isNaN(listeningMs) && c.toString().includes('serving http')) listeningMs = performance.now() - t0; });
  child.stderr!.on('data', (c: Buffer) => { err += c.toString(); });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const done = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await done;
    clearTimeout(timer);
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${err.slice(-1000)}`);
    if (performance.now() - t0 > timeoutMs) { await stop(); throw new Error(`no answer from the server within ${timeoutMs} ms`); }
    try {
      const res = await fetch(url + PROBE, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 20));
  }
  const firstAnswerMs = performance.now() - t0;
  const firstAnswerCpuMs = procCpuMs(child.pid!);
  return { url, child, startedMs: t0, listeningMs, firstAnswerMs, firstAnswerCpuMs, stop };
}

export interface ColdStart { firstAnswerMs: Spread; listeningMs: Spread; firstAnswerCpuMs: Spread; runs: number }

export async function benchColdStart(t: ServerTarget, repeats: number): Promise<ColdStart> {
  const first: number[] = [];
  const listening: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const s = await startServer(t);
    first.push(s.firstAnswerMs);
    listening.push(s.listeningMs);
    cpu.push(s.firstAnswerCpuMs);
    await s.stop();
  }
  return { firstAnswerMs: spread(first), listeningMs: spread(listening), firstAnswerCpuMs: spread(cpu), runs: repeats };
}

export interface Throughput {
  connections: number; durationS: number; requests: number; reqPerS: number; errors: number; non2xx: number; timeouts: number;
  latencyMs: { p50: number; p90: number; p97_5: number; p99: number; max: number }; load: [number, number];
}
/** peakAnonMb: the most anonymous memory seen (sampled every 100 ms under the mix); fileMb: file-backed then. */
export interface ServerResult {
  backend: string; reports: number; idleRssMb: number; peakRssMb: number; peakAnonMb?: number; fileMbAtPeakAnon?: number; throughput: Throughput[];
}

/** The query mix, cycled by every client, for `durationS` seconds at each concurrency. */
export async function benchServer(t: ServerTarget, reports: number, paths: string[], concurrencies: number[], durationS: number,
  log: (s: string) => void): Promise<ServerResult> {
  const s = await startServer(t);
  try {
    for (const p of paths) { const r = await fetch(s.url + p); await r.arrayBuffer(); if (!r.ok) throw new Error(`${p}: HTTP ${r.status}`); }
    const idleRssMb = procMemMb(s.child.pid!).rssMb;
    const throughput: Throughput[] = [];
    let peakAnonMb = 0;
    let fileMbAtPeakAnon = 0;
    const sample = setInterval(() => {
      const m = procMemMb(s.child.pid!);
      if (m.anonMb > peakAnonMb) { peakAnonMb = m.anonMb; fileMbAtPeakAnon = m.fileMb; }
    }, 100);
    for (const connections of concurrencies) {
      const l0 = load1();
      const r = await autocannon({
        url: s.url, connections, duration: durationS, timeout: 60,
        requests: paths.map((path) => ({ method: 'GET' as const, path })),
      });
      const t: Throughput = {
        connections, durationS, requests: r.requests.total, reqPerS: r.requests.total / durationS, errors: r.errors,
        non2xx: r.non2xx, timeouts: r.timeouts,
        latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p97_5: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max },
        load: [l0, load1()],
      };
      log(`    http ${t.connections} clients: ${t.reqPerS.toFixed(1)} req/s, p50 ${t.latencyMs.p50} ms, p99 ${t.latencyMs.p99} ms, errors ${t.errors}, non-2xx ${t.non2xx}`);
      throughput.push(t);
    }
    clearInterval(sample);
    const peakRssMb = procMemMb(s.child.pid!).peakMb;
    return { backend: t.label ?? t.backend, reports, idleRssMb, peakRssMb, peakAnonMb, fileMbAtPeakAnon, throughput };
  } finally {
    await s.stop();
  }
}
