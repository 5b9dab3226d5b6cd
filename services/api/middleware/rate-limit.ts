// A per-client rate limit (GONGKAI_RATE_LIMIT requests per minute; off by default): one
// small in-memory token bucket per IP address. Behind a reverse proxy every client has the
// proxy's address; the limit is then shared (see docs/security.md).
import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';

interface Bucket { tokens: number; at: number }

/** Buckets kept at most; idle ones (full again) are dropped first. */
const MAX_CLIENTS = 10_000;

export function rateLimit(perMinute: number, now: () => number = Date.now): RequestHandler {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  const refill = (b: Bucket, t: number) => { b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * perMs); b.at = t; };
  const sweep = (t: number) => {
    for (const [key, b] of buckets) { refill(b, t); if (b.tokens >= perMinute) buckets.delete(key); }
    if (buckets.size >= MAX_CLIENTS) buckets.clear();
  };
  return (req, res, next) => {
    const t = now();
    const key = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    let b = buckets.get(key);
    if (!b) {
      if (buckets.size >= MAX_CLIENTS) sweep(t);
      b = { tokens: perMinute, at: t };
      buckets.set(key, b);
    }
    refill(b, t);
    if (b.tokens >= 1) { b.tokens -= 1; next(); return; }
    const retry = Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
    res.setHeader('Retry-After', String(retry));
    next(new HttpError(429, `too many requests: the limit is ${perMinute} per minute; retry in ${retry} s`));
  };
}
