// A small generated lineage corpus written to a temporary folder, for the index-level tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../services/config.js';
import { generateLineages } from '../../services/corpus-gen/lineage.js';
import { openEngine, type Engine } from '../../services/search/engine.js';

export function lineageCorpus(units: number, seed: number): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-lineages-'));
  generateLineages(dir, { units, seed });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An empty embedded index in a temporary folder. */
export async function sqliteEngine(): Promise<{ engine: Engine; dispose: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-copy-'));
  const engine = await openEngine(loadConfig({ dataDir: dir, backend: 'sqlite' }, {}));
  return { engine, dispose: async () => { await engine.backend.close(); rmSync(dir, { recursive: true, force: true }); } };
}
