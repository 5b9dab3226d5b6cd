// One end-to-end ingest in its own process, so that its peak RSS is its own:
//   node --import tsx scripts/bench/ingest-worker.ts '{"backend":"sqlite","mode":"ingest","dataDir":…,"corpus":…}'
// mode "ingest" runs exactly what `gongkai ingest <dir>` runs (walk → read → hash → parse →
// segment → one atomic upsert per report). mode "bulk" (Elasticsearch only) runs the same
// read → parse → segment steps but writes through ElasticsearchBackend.indexMany in batches,
// the backend's path for first loads. Prints one JSON line with the figures.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadConfig } from '../../services/config.js';
import type { IndexedReport } from '../../services/core/schema.js';
import { ingest } from '../../services/ingest/ingest.js';
import { toIndexed } from '../../services/ingest/to-indexed.js';
import { parseText } from '../../services/pipeline/parse.js';
import { readDocument } from '../../services/pipeline/read/index.js';
import type { ElasticsearchBackend } from '../../services/search/elasticsearch/backend.js';
import { openEngine, type Engine } from '../../services/search/engine.js';

interface Args {
  /** tantivy: the embedded backend on the tantivy core. */
  backend: 'sqlite' | 'tantivy' | 'elasticsearch'; mode: 'ingest' | 'bulk'; dataDir: string; corpus: string;
  /** Only the first `limit` reports of the corpus. */
  limit?: number; batch?: number; esUrl?: string; esIndex?: string;
}
interface Outcome { files: number; indexed: number; bytes: number; passages: number; failed: Array<{ file: string; reason: string }> }

const args = JSON.parse(process.argv[2]!) as Args;
const config = loadConfig({ dataDir: args.dataDir, backend: args.backend === 'tantivy' ? 'sqlite' : args.backend,
  embeddedCore: args.backend === 'tantivy' ? 'tantivy' : 'fts5', esUrl: args.esUrl, esIndex: args.esIndex }, {});
const files = readdirSync(args.corpus).filter((f) => f.endsWith('.txt')).sort().slice(0, args.limit).map((f) => join(args.corpus, f));
const t0 = performance.now();
const engine = await openEngine(config);
const openMs = performance.now() - t0;
let next = 0.1;
const progress = (done: number, total: number) => {
  if (done / total >= next) {
    process.stderr.write(`    ${args.backend}: ${done}/${total} reports, ${((performance.now() - t0 - openMs) / 1000).toFixed(0)} s\n`);
    next += 0.1;
  }
};

async function bulk(e: Engine, batch: number): Promise<Outcome> {
  const backend = e.backend as ElasticsearchBackend;
  const out: Outcome = { files: files.length, indexed: 0, bytes: 0, passages: 0, failed: [] };
  let pending: IndexedReport[] = [];
  const flush = async () => { out.indexed += (await backend.indexMany(pending)).indexed; pending = []; };
  for (const [i, file] of files.entries()) {
    const { text, source } = await readDocument(file);
    const parsed = parseText(text, { fileName: basename(file) });
    pending.push(toIndexed(parsed, source, text, e.segmenter, false));
    out.bytes += source.bytes;
    out.passages += parsed.passages.length;
    if (pending.length >= batch) await flush();
    progress(i + 1, files.length);
  }
  if (pending.length) await flush();
  return out;
}

const cpu0 = process.cpuUsage();
const w0 = performance.now();
let outcome: Outcome;
if (args.mode === 'bulk') {
  outcome = await bulk(engine, args.batch ?? 500);
} else {
  // The whole folder when no limit, exactly as `gongkai ingest <dir>`; else the first files by name.
  const summary = await ingest(engine, args.limit ? files : [args.corpus], { onProgress: (p) => progress(p.done, p.total) });
  outcome = { ...summary, indexed: summary.indexed + summary.replaced };
}
const ms = performance.now() - w0;
const cpu = process.cpuUsage(cpu0);
const info = await engine.backend.info();
await engine.backend.close();
const usage = process.resourceUsage();
process.stdout.write(JSON.stringify({
  ms, cpuMs: (cpu.user + cpu.system) / 1000, openMs, files: outcome.files, indexed: outcome.indexed,
  failed: outcome.failed.length, firstFailures: outcome.failed.slice(0, 3), bytes: outcome.bytes, passages: outcome.passages,
  reportsInIndex: info.reports, passagesInIndex: info.passages, maxRssMb: usage.maxRSS / 1024,
}) + '\n');
