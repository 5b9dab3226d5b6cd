// The demo corpus: generated reports (never real ones), indexed and flagged as demo
// when the index is empty, so a fresh `npm start` has something to search.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { generateCorpus } from '../corpus-gen/index.js';
import type { Engine } from '../search/engine.js';
import { ingest } from './ingest.js';

export const DEMO_REPORTS = 400;
export const DEMO_SEED = 20_260_101;

export async function seedDemo(engine: Engine, config: Config): Promise<void> {
  const info = await engine.backend.info();
  if (info.reports > 0) return;
  const dir = join(config.dataDir, 'demo-corpus');
  if (!existsSync(dir) || readdirSync(dir).filter((f) => f.endsWith('.txt')).length < DEMO_REPORTS) {
    console.log(`generating ${DEMO_REPORTS} demo reports in ${dir} …`);
    await generateCorpus({ count: DEMO_REPORTS, seed: DEMO_SEED, out: dir });
  }
  console.log('indexing the demo corpus …');
  const summary = await ingest(engine, [dir], { demo: true });
  console.log(`demo corpus: ${summary.indexed} reports, ${summary.passages} passages in ${(summary.ms / 1000).toFixed(1)} s`);
}
