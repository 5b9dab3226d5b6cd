// CORS is off unless one origin is configured (GONGKAI_CORS_ORIGIN); then only that origin
// may call the API from a browser, through the `cors` package. Without the headers, browsers
// keep other sites' pages from reading answers; same-origin use (the web app) needs none.
import type { RequestHandler } from 'express';
import corsPackage from 'cors';

const off: RequestHandler = (_req, _res, next) => { next(); };

export function cors(origin: string | undefined): RequestHandler {
  // Never `cors()` without an origin: the package then allows every origin ('*').
  if (!origin) return off;
  return corsPackage({
    // A list, not a string: a string would be sent to every caller; a list is matched
    // against the request's Origin and only an exact match gets the header (Vary: Origin always).
    origin: [new URL(origin).origin],
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}
