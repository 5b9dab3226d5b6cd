// CORS is off unless one origin is configured (GONGKAI_CORS_ORIGIN); then only that origin
// may call the API from a browser. Without the headers, browsers keep other sites' pages
// from reading answers; same-origin use (the web app) needs none.
import type { RequestHandler } from 'express';

export function cors(origin: string | undefined): RequestHandler {
  const allowed = origin ? new URL(origin).origin : null;
  return (req, res, next) => {
    res.vary('Origin');
    if (!allowed || req.get('origin') !== allowed) { next(); return; }
    res.setHeader('Access-Control-Allow-Origin', allowed);
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
