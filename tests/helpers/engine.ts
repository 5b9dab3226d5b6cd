// A fresh embedded index in a temporary folder, for a test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../services/config.js';
import { openEngine, type Engine } from '../../services/search/engine.js';

export async function tempEngine(): Promise<{ engine: Engine; config: Config; dir: string; dispose: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
  const config = loadConfig({ dataDir: dir, backend: 'sqlite' }, {});
  const engine = await openEngine(config);
  return { engine, config, dir, dispose: async () => { await engine.backend.close(); rmSync(dir, { recursive: true, force: true }); } };
}
