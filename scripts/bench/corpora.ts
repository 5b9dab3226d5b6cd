// Generated corpora for the benchmarks, cached by (count, seed) under bench-results/corpora/.
// Generation is never timed as part of a figure. Because generateReport(seed, i) depends
// on (seed, i) only, a smaller corpus is the first files of a larger one with the same seed:
// when a larger one is cached, the smaller is made of hard links to it (no generation at all).
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../../services/corpus-gen/index.js';

export interface Corpus { dir: string; count: number; seed: number; bytes: number; files: string[] }

const MARK = '.bench-corpus.json';
const OWN_FILE = /^r(\d{6,})_\d+_\d{4}\.txt$/;

function reportFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => OWN_FILE.test(f)).sort();
}

function cached(dir: string, count: number, seed: number): Corpus | null {
  const mark = join(dir, MARK);
  if (!existsSync(mark)) return null;
  const m = JSON.parse(readFileSync(mark, 'utf8')) as { count: number; seed: number; bytes: number };
  if (m.count !== count || m.seed !== seed) return null;
  return { dir, count, seed, bytes: m.bytes, files: reportFiles(dir).map((f) => join(dir, f)) };
}

export function ensureCorpus(root: string, count: number, seed: number, log: (s: string) => void): Corpus {
  const dir = join(root, `n${count}-s${seed}`);
  const hit = cached(dir, count, seed);
  if (hit) return hit;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // A larger cached corpus of the same seed holds this one as its first `count` files.
  const larger = existsSync(root) ? readdirSync(root)
    .map((d) => /^n(\d+)-s(\d+)$/.exec(d)).filter((m): m is RegExpExecArray => !!m && Number(m[2]) === seed && Number(m[1]) > count)
    .map((m) => cached(join(root, m[0]), Number(m[1]), seed)).find((c) => c !== null) : undefined;
  const started = performance.now();
  if (larger) {
    for (const f of larger.files) {
      const name = f.slice(larger.dir.length + 1);
      const i = Number(OWN_FILE.exec(name)![1]);
      if (i < count) linkSync(f, join(dir, name));
    }
    log(`  corpus ${count}/${seed}: linked from ${larger.dir}`);
  } else {
    log(`  corpus ${count}/${seed}: generating (not timed) …`);
    generateCorpus({ count, seed, out: dir, onProgress: (done) => { if (done % 10_000 === 0) log(`    ${done}/${count}`); } });
    rmSync(join(dir, 'TRUTH.jsonl'), { force: true });
  }
  const files = reportFiles(dir).map((f) => join(dir, f));
  if (files.length !== count) throw new Error(`corpus ${dir}: expected ${count} reports, found ${files.length}`);
  const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
  writeFileSync(join(dir, MARK), JSON.stringify({ count, seed, bytes }));
  log(`  corpus ${count}/${seed}: ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { dir, count, seed, bytes, files };
}
