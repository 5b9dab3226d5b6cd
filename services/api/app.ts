// The HTTP API and the web app, served by one express application.
import { existsSync } from 'node:fs';
import express from 'express';
import type { Config } from '../config.js';
import { WEB_DIST } from '../paths.js';
import type { Engine } from '../search/engine.js';
import { errorHandler, notFound } from './errors.js';
import { cors } from './middleware/cors.js';
import { rateLimit } from './middleware/rate-limit.js';
import { queryEncoding } from './middleware/query-encoding.js';
import { securityHeaders } from './middleware/security-headers.js';
import { urlLimit } from './middleware/url-limit.js';
import { openApiDocument } from './openapi.js';
import { analyticsRoutes } from './routes/analytics.js';
import { analyticsExtraRoutes } from './routes/analytics-extra.js';
import { auditRoutes } from './routes/audit.js';
import { corpusRoutes } from './routes/corpus.js';
import { copyRoutes } from './routes/copy.js';
import { metaRoutes } from './routes/meta.js';
import { regionRoutes } from './routes/regions.js';
import { reportRoutes } from './routes/reports.js';
import { searchRoutes } from './routes/search.js';
import { statSeriesRoutes } from './routes/stat-series.js';
import { writeRoutes } from './routes/write.js';

/** What the app takes from the configuration; everything off when not given (read-only, no CORS, no limit). */
export type AppOptions = Partial<Pick<Config, 'writeToken' | 'corsOrigin' | 'ingestRoot' | 'rateLimit' | 'maxFileMb'>>;

export function createApp(engine: Engine, opts: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.use(securityHeaders, urlLimit);
  const api = express.Router();
  api.use(cors(opts.corsOrigin), queryEncoding);
  if (opts.rateLimit) api.use(rateLimit(opts.rateLimit));
  api.use(express.json({ limit: '100kb' }));
  api.use(metaRoutes(engine), regionRoutes(), searchRoutes(engine), analyticsRoutes(engine), analyticsExtraRoutes(engine), statSeriesRoutes(engine), corpusRoutes(engine), copyRoutes(engine), auditRoutes(engine), reportRoutes(engine), writeRoutes(engine, opts));
  api.get('/openapi.json', (_req, res) => { res.json(openApiDocument()); });
  api.use(notFound);
  app.use('/api', api);
  const web = WEB_DIST;
  if (existsSync(web)) {
    app.use(express.static(web, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes: any other GET that is not a file gets the app.
    app.get(/^\/(?!api\/).*/, (_req, res) => { res.sendFile('index.html', { root: web }); });
  }
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
