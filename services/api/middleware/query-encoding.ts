// A query string whose percent-encoding is not UTF-8 (?q=%FF) is refused with the name of
// the parameter, instead of being searched for literally as "%FF".
import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';
import { message, problem } from '../messages.js';

const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));

export const queryEncoding: RequestHandler = (req, _res, next) => {
  const url = req.originalUrl ?? req.url;
  const at = url.indexOf('?');
  if (at < 0) { next(); return; }
  for (const pair of url.slice(at + 1).split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    let name: string;
    try {
      name = decode(key);
    } catch {
      next(new HttpError(400, message.badQueryNameEncoding));
      return;
    }
    try {
      if (eq >= 0) decode(pair.slice(eq + 1));
    } catch {
      const field = name.replace(/\[.*$/, '').slice(0, 40);
      next(new HttpError(400, message.invalid(field, problem.percentEncoding), [{ field, problem: problem.percentEncoding }]));
      return;
    }
  }
  next();
};
