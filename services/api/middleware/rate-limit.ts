// A per-client rate limit (GONGKAI_RATE_LIMIT requests per minute; off by default), through
// express-rate-limit with its in-memory store: a one-minute window per client, counted from
// its first request. Clients are told by IP address (IPv6 by /56, as one household or host
// has many); behind a reverse proxy every client has the proxy's address and the limit is
// then shared (see docs/security.md).
import type { RequestHandler } from 'express';
import { rateLimit as expressRateLimit } from 'express-rate-limit';
import { HttpError } from '../errors.js';
import { message } from '../messages.js';

export function rateLimit(perMinute: number): RequestHandler {
  return expressRateLimit({
    windowMs: 60_000,
    limit: perMinute,
    // RateLimit and RateLimit-Policy headers (IETF draft 7), and Retry-After once refused.
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Refused like every other error: JSON through the error handler.
    handler: (_req, res, next) => {
      const retry = Number(res.getHeader('Retry-After')) || 60;
      next(new HttpError(429, message.tooManyRequests(perMinute, retry)));
    },
  });
}
