// Every error leaves the API as JSON with a clear message; never a stack trace.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly details?: unknown) { super(message); }
}

export function parseOr400<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ field: i.path.join('.') || '(request)', problem: i.message }));
  throw new HttpError(400, `invalid ${issues[0]!.field}: ${issues[0]!.problem}`, issues);
}

export const notFound: RequestHandler = (req, _res, next) => next(new HttpError(404, `no such endpoint: ${req.method} ${req.path}`));

export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: err.message, ...(err.details ? { issues: err.details } : {}) });
    return;
  }
  // Malformed JSON bodies, oversized payloads and the like from express itself.
  const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status === 500) console.error('[gongkai] internal error:', err instanceof Error ? err.message : err);
  res.status(status).json({ error: status === 500 ? 'internal error' : String(err.message ?? 'bad request') });
};
