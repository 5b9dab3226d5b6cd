// The generated part of the parity corpus: services/corpus-gen reports, parsed and
// segmented exactly as `gongkai ingest` would (parseText, then toIndexed), in worker
// threads so that both cores work.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IndexedReport } from '../../services/core/schema.js';
import { generateReport } from '../../services/corpus-gen/index.js';
import { toIndexed } from '../../services/ingest/to-indexed.js';
import { parseText } from '../../services/pipeline/parse.js';
import { segmenter } from '../../services/pipeline/segment/segmenter.js';

export function indexedGenerated(seed: number, from: number, to: number): IndexedReport[] {
  const seg = segmenter();
  const out: IndexedReport[] = [];
  for (let i = from; i < to; i++) {
    const g = generateReport(seed, i);
    const bytes = Buffer.from(g.text, 'utf8');
    const source = {
      path: `/generated/seed-${seed}/${g.fileName}`, kind: 'txt' as const, bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'utf-8',
    };
    out.push(toIndexed(parseText(g.text, { fileName: g.fileName }), source, g.text, seg, false));
  }
  return out;
}

export async function generatedCorpus(seed: number, count: number): Promise<IndexedReport[]> {
  const workers = Math.max(1, Math.min(availableParallelism(), 4));
  const per = Math.ceil(count / workers);
  const parts = await Promise.all(Array.from({ length: workers }, (_, w) => new Promise<IndexedReport[]>((resolve, reject) => {
    const from = w * per;
    const to = Math.min(count, from + per);
    if (from >= to) { resolve([]); return; }
    const worker = new Worker(new URL('./generated-worker.mjs', import.meta.url), { workerData: { seed, from, to } });
    worker.once('message', (m: IndexedReport[]) => { resolve(m); void worker.terminate(); });
    worker.once('error', reject);
  })));
  return parts.flat();
}
