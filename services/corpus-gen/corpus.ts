// Writing a corpus: one .txt per report plus TRUTH.jsonl (one line per report, in index
// order). A large corpus can be written by several processes, each taking every n-th index
// (reports depend only on (seed, index)), whose truth parts are then merged.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { passageCount } from './doc.js';
import { build, DEFAULT_MESS, type GenerateOptions } from './report.js';

export interface CorpusOptions extends GenerateOptions {
  count: number;
  seed: number;
  out: string;
  /**
   * Part of a parallel run: only indices i with i % of === index, truth written to
   * TRUTH.part-<index>.jsonl. The caller clears the directory first and merges after.
   */
  shard?: { index: number; of: number };
  /** Called every 1000 reports written by this call. */
  onProgress?: (done: number) => void;
}

export interface CorpusSummary {
  count: number;
  bytes: number;
  passages: number;
  ms: number;
  removed: number;
  messy: number;
  inconsistent: number;
  formats: Record<string, number>;
  levels: Record<string, number>;
}

const OWN_FILE = /^r\d{6,}_\d+_\d{4}\.txt$|^TRUTH(\.part-\d+)?\.jsonl$/;
const partFile = (k: number) => `TRUTH.part-${k}.jsonl`;

/** Removes a previous generated corpus (only files this generator names); returns how many. */
export function clearCorpus(out: string): number {
  mkdirSync(out, { recursive: true });
  let removed = 0;
  for (const f of readdirSync(out)) {
    if (OWN_FILE.test(f)) {
      unlinkSync(join(out, f));
      removed++;
    }
  }
  return removed;
}

/** Writes the reports (plain synchronous writes: asynchronous ones cost more CPU than they saved). */
export function generateCorpus(opts: CorpusOptions): CorpusSummary {
  const started = performance.now();
  const { index: shard, of: shards } = opts.shard ?? { index: 0, of: 1 };
  const removed = shards === 1 ? clearCorpus(opts.out) : 0;
  const truthFd = openSync(join(opts.out, shards === 1 ? 'TRUTH.jsonl' : partFile(shard)), 'w');
  const s: CorpusSummary = { count: 0, bytes: 0, passages: 0, ms: 0, removed, messy: 0, inconsistent: 0, formats: {}, levels: {} };
  try {
    let batch = '';
    for (let i = shard; i < opts.count; i += shards) {
      const { report, blocks } = build(opts.seed, i, opts.mess ?? DEFAULT_MESS);
      writeFileSync(join(opts.out, report.fileName), report.text);
      batch += JSON.stringify({ fileName: report.fileName, truth: report.truth }) + '\n';
      const t = report.truth;
      s.count++;
      s.bytes += Buffer.byteLength(report.text);
      s.passages += passageCount(blocks);
      if (t.mess.length) s.messy++;
      if (!t.tableConsistent) s.inconsistent++;
      s.formats[t.format] = (s.formats[t.format] ?? 0) + 1;
      s.levels[t.level] = (s.levels[t.level] ?? 0) + 1;
      if (s.count % 1000 === 0) {
        writeSync(truthFd, batch);
        batch = '';
        opts.onProgress?.(s.count);
      }
    }
    writeSync(truthFd, batch);
  } finally {
    closeSync(truthFd);
  }
  s.ms = performance.now() - started;
  return s;
}

/** Interleaves the shards' truth parts back into index order as TRUTH.jsonl. */
export function mergeTruthParts(out: string, shards: number): void {
  const parts = Array.from({ length: shards }, (_, k) => readFileSync(join(out, partFile(k)), 'utf8').split('\n').filter(Boolean));
  const fd = openSync(join(out, 'TRUTH.jsonl'), 'w');
  try {
    for (let j = 0; j < parts[0]!.length; j++) {
      writeSync(fd, parts.map((p) => (p[j] === undefined ? '' : p[j] + '\n')).join(''));
    }
  } finally {
    closeSync(fd);
  }
  for (let k = 0; k < shards; k++) unlinkSync(join(out, partFile(k)));
}

export function sumSummaries(parts: readonly CorpusSummary[]): CorpusSummary {
  const add = (a: Record<string, number>, b: Record<string, number>) => {
    for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v;
    return a;
  };
  return parts.reduce((a, b) => ({
    count: a.count + b.count, bytes: a.bytes + b.bytes, passages: a.passages + b.passages,
    ms: Math.max(a.ms, b.ms), removed: a.removed + b.removed, messy: a.messy + b.messy,
    inconsistent: a.inconsistent + b.inconsistent, formats: add(a.formats, b.formats), levels: add(a.levels, b.levels),
  }), { count: 0, bytes: 0, passages: 0, ms: 0, removed: 0, messy: 0, inconsistent: 0, formats: {}, levels: {} });
}
