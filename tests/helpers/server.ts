// A real Gongkai server on a free loopback port, over a fresh index holding the given
// reports: what the API and browser tests talk to.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../services/api/app.js';
import { ingest } from '../../services/ingest/ingest.js';
import { tempEngine } from './engine.js';

/** `demo`: the reports are ingested as demo data (as `serve --seed-demo` does), so the UI and the exports mark them. */
export async function startServer(paths: string[], opts: { demo?: boolean } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const t = await tempEngine();
  const summary = await ingest(t.engine, paths, { demo: opts.demo ?? false });
  if (summary.failed.length) throw new Error(`test corpus failed to ingest: ${JSON.stringify(summary.failed)}`);
  const server: Server = await new Promise((resolve) => {
    const s = createApp(t.engine).listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => { await new Promise((r) => server.close(r)); await t.dispose(); },
  };
}
