// An ingestion worker thread: prepares reports (prepare.ts) for the pool in pool.ts.
// Messages in: { id, job }; out: { ready } once loaded, then { id, doc } or { id, error }.
import { parentPort } from 'node:worker_threads';
import { segmenter } from '../pipeline/segment/segmenter.js';
import { prepareReport, type PrepareJob } from './prepare.js';

const port = parentPort;
if (!port) throw new Error('services/ingest/worker.ts runs as a worker thread');
const seg = segmenter();

port.on('message', (m: { id: number; job: PrepareJob }) => {
  prepareReport(m.job, seg).then(
    (doc) => port.postMessage({ id: m.id, doc }),
    (err: unknown) => port.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
port.postMessage({ ready: true, signature: seg.signature });
