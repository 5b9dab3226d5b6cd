// gongkai serve: the API and the web app; with --seed-demo, an empty index is first
// filled with the generated demo corpus, so that `npm start` shows something real.
import type { Config } from '../config.js';
import { createApp } from '../api/app.js';
import { seedDemo } from '../ingest/demo.js';
import type { Engine } from '../search/engine.js';

export async function serve(engine: Engine, config: Config, opts: { seedDemo: boolean }): Promise<void> {
  if (opts.seedDemo) await seedDemo(engine, config);
  const info = await engine.backend.info();
  const app = createApp(engine);
  await new Promise<void>((resolve, reject) => {
    const server = app.listen(config.port, config.host, () => resolve());
    server.on('error', reject);
    const stop = () => { server.close(); void engine.backend.close().finally(() => process.exit(0)); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log(`Gongkai: ${info.reports} reports, ${info.passages} passages (${info.backend}${info.demoReports ? ', demo data' : ''})`);
  console.log(`serving http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`);
}
