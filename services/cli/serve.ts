// gongkai serve: the API and the web app; with --seed-demo, an empty index is first
// filled with the generated demo corpus, so that `npm start` shows something real.
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';
import { createApp } from '../api/app.js';
import { answerClientErrorsInJson } from '../api/client-errors.js';
import type { Engine } from '../search/engine.js';

export async function serve(engine: Engine, config: Config, opts: { seedDemo: boolean }): Promise<void> {
  if (opts.seedDemo) {
    const { seedDemo } = await import('../ingest/demo.js'); // the corpus generator, only for --seed-demo
    await seedDemo(engine, config);
  }
  const info = await engine.backend.info();
  const app = createApp(engine, config);
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.on('error', reject);
    answerClientErrorsInJson(s);
    // Idle keep-alive connections are kept longer than clients and proxies keep theirs (Node's
    // 5 s default lets a busy server reset a connection a client has just reused).
    s.keepAliveTimeout = 65_000;
    s.headersTimeout = 66_000;
    const stop = () => { s.close(); void engine.backend.close().finally(() => process.exit(0)); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const { port } = server.address() as AddressInfo;
  console.log(`Gongkai: ${info.reports} reports, ${info.passages} passages (${info.backend}${info.demoReports ? ', demo data' : ''})`);
  // Say what is switched on, never the secrets themselves.
  const writes = config.writeToken ? `on (token set${config.ingestRoot ? `; ingest root ${config.ingestRoot}` : ''})` : 'off';
  console.log(`writes over HTTP: ${writes}; CORS: ${config.corsOrigin ?? 'off'}; rate limit: ${config.rateLimit ? `${config.rateLimit}/min per client` : 'off'}`);
  console.log(`serving http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`);
}
