// Small numeric helpers shared by every benchmark stage: summaries of repeated runs,
// latency percentiles, the machine the figures were taken on, and a load-average probe.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';

/** min / median / max of repeated measurements (n of them). */
export interface Spread { min: number; median: number; max: number; n: number }

export function spread(xs: number[]): Spread {
  if (!xs.length) return { min: NaN, median: NaN, max: NaN, n: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { min: s[0]!, median, max: s[s.length - 1]!, n: s.length };
}

/** Latency percentiles by nearest rank over all samples (ms). */
export interface Percentiles { p50: number; p95: number; p99: number; min: number; max: number; mean: number; n: number }

export function percentiles(xs: number[]): Percentiles {
  if (!xs.length) return { p50: NaN, p95: NaN, p99: NaN, min: NaN, max: NaN, mean: NaN, n: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
  return { p50: at(50), p95: at(95), p99: at(99), min: s[0]!, max: s[s.length - 1]!, mean: s.reduce((a, b) => a + b, 0) / s.length, n: s.length };
}

export const round = (x: number, digits = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);

/** Rounds every number of a plain JSON value, for results that read well. */
export function rounded<T>(value: T, digits = 3): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? round(v, digits) : v))) as T;
}

export interface Machine {
  nproc: number; cpuModel: string; memoryGb: number; freeMemoryGb: number; node: string; platform: string;
  sqlite: string; loadAtStart: number[];
}

export function machine(sqliteVersion: string): Machine {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) model = m[1]!.trim();
  } catch { /* not Linux */ }
  let nproc = cpus().length;
  try { nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()); } catch { /* keep os.cpus() */ }
  return {
    nproc, cpuModel: model, memoryGb: round(totalmem() / 2 ** 30, 1), freeMemoryGb: round(freemem() / 2 ** 30, 1),
    node: process.version, platform: `${process.platform} ${process.arch}`, sqlite: sqliteVersion, loadAtStart: loadavg().map((x) => round(x)),
  };
}

/** The 1-minute load average: on a shared 2-core machine it explains most of the spread. */
export const load1 = () => round(loadavg()[0]!);

/** Wall time and CPU time (user + system, this process) of a synchronous or async job. */
export async function timed<T>(job: () => T | Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await job();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export const MB = 1e6;
