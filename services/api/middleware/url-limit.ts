// Refuses over-long URLs before anything parses them (query strings included).
// Heads above Node's 16 KB limit never reach express: services/api/client-errors.ts answers those.
import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';
import { message } from '../messages.js';

export const MAX_URL_BYTES = 8 * 1024;

export const urlLimit: RequestHandler = (req, _res, next) => {
  const bytes = Buffer.byteLength(req.originalUrl ?? req.url, 'utf8');
  if (bytes > MAX_URL_BYTES) {
    next(new HttpError(414, message.urlTooLong(bytes, MAX_URL_BYTES)));
    return;
  }
  next();
};
