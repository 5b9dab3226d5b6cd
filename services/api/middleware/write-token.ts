// Writes over HTTP need the token from GONGKAI_WRITE_TOKEN (Authorization: Bearer <token>),
// compared in constant time over equal-length digests. Without a configured token every
// write is refused. The token is never logged nor echoed.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';
import { message } from '../messages.js';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function requireWriteToken(token: string | undefined): RequestHandler {
  const expected = token ? digest(token) : null;
  return (req, res, next) => {
    if (!expected) { next(new HttpError(403, message.writesDisabled)); return; }
    const m = /^Bearer +(\S+) *$/i.exec(req.get('authorization') ?? '');
    if (!m) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="gongkai"');
      next(new HttpError(401, message.tokenMissing));
      return;
    }
    if (!timingSafeEqual(digest(m[1]!), expected)) { next(new HttpError(403, message.tokenWrong)); return; }
    next();
  };
}
