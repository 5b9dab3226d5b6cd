// The HTTP API and the web app, served by one express application.
import { existsSync } from 'node:fs';
import express from 'express';
import { WEB_DIST } from '../paths.js';
import type { Engine } from '../search/engine.js';
import { errorHandler, notFound } from './errors.js';
import { openApiDocument } from './openapi.js';
import { analyticsRoutes } from './routes/analytics.js';
import { metaRoutes } from './routes/meta.js';
import { reportRoutes } from './routes/reports.js';
import { searchRoutes } from './routes/search.js';

export function createApp(engine: Engine): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.use(express.json({ limit: '100kb' }));
  const api = express.Router();
  api.use(metaRoutes(engine), searchRoutes(engine), analyticsRoutes(engine), reportRoutes(engine));
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
