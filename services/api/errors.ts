// Every error leaves the API as JSON with a clear message in Chinese (services/api/messages.ts);
// never a stack trace.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { BackendUnavailableError } from '../search/backend.js';
import { FRAMEWORK_MESSAGES, message, problemOf, WHOLE_REQUEST, zodErrorMap } from './messages.js';

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly details?: unknown) { super(message); }
}

/** A zod refusal as the API's 400: `参数 <field> 无效：<problem>`, every issue listed. */
function badRequest(error: z.ZodError): HttpError {
  const issues = error.issues.map((i) => ({ field: i.path.join('.') || WHOLE_REQUEST, problem: problemOf(i) }));
  return new HttpError(400, message.invalid(issues[0]!.field, issues[0]!.problem), issues);
}

export function parseOr400<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value, { error: zodErrorMap });
  if (r.success) return r.data;
  throw badRequest(r.error);
}

/** The whole path asked for (inside the /api router `req.path` lacks the `/api`). */
export const notFound: RequestHandler = (req, _res, next) => next(new HttpError(404, message.noSuchEndpoint(req.method, req.baseUrl + req.path)));

export const errorHandler: ErrorRequestHandler = (err, _req, res, next) => {
  if (res.headersSent) { next(err); return; }
  // A method refused its input (each checks it with zod): the request asked for something the
  // route let through. The routes validate with the methods' schemas so this should not
  // happen; when it does, it is still the request that is wrong, not the server, and the
  // message names only the field (zod's words, no internals).
  if (err instanceof z.ZodError) err = badRequest(err);
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: err.message, ...(err.details ? { issues: err.details } : {}) });
    return;
  }
  // The backend is down or empty: say so (its message names the cluster and what to do).
  if (err instanceof BackendUnavailableError) {
    res.status(503).json({ error: message.backendUnavailable(err.message) });
    return;
  }
  // Malformed percent-encoding in the path (/api/reports/%FF): the router cannot decode the parameter.
  if (err instanceof URIError) {
    res.status(400).json({ error: message.badPathEncoding });
    return;
  }
  // Malformed JSON bodies, oversized payloads and the like from express itself; never
  // a message from the engine or a library below it (their words are English, and may say too much).
  const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status === 500) {
    console.error('[gongkai] internal error:', err instanceof Error ? err.message : err);
    res.status(500).json({ error: message.internal });
    return;
  }
  res.status(status).json({ error: (typeof err?.type === 'string' ? FRAMEWORK_MESSAGES[err.type] : undefined) ?? message.badRequest });
};
