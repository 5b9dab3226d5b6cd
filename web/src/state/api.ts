// The API client: typed GETs under /api, cancellable with an AbortSignal, failing with
// one error type whose `kind` lets a view say what went wrong in plain Chinese.
import type { ApiErrorBody } from './types';

export type ApiErrorKind = 'bad-request' | 'not-found' | 'server' | 'network' | 'bad-response';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly issues: ApiErrorBody['issues'] = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** An aborted request is not an error to show: the view has moved on. */
export const isAbort = (err: unknown): boolean => err instanceof DOMException && err.name === 'AbortError';

export function apiUrl(path: string, params?: URLSearchParams): string {
  const qs = params?.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

function kindOf(status: number): ApiErrorKind {
  if (status === 400) return 'bad-request';
  if (status === 404) return 'not-found';
  return 'server';
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError('network', '无法连接到服务器，请检查网络或服务是否已启动。');
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError(res.ok ? 'bad-response' : kindOf(res.status), `服务器返回了无法解析的内容（HTTP ${res.status}）。`, res.status);
  }
  if (!res.ok) {
    const e = body as Partial<ApiErrorBody>;
    // 5xx answers carry no detail worth showing (by design: no stack traces); say it in Chinese.
    const message = res.status >= 500 ? `服务器内部错误（HTTP ${res.status}），请稍后重试。` : typeof e.error === 'string' ? e.error : `HTTP ${res.status}`;
    throw new ApiError(kindOf(res.status), message, res.status, e.issues);
  }
  return body as T;
}

// One function per endpoint, so that views never spell URLs themselves.
export const api = {
  searchUrl: (p: URLSearchParams) => apiUrl('/search', p),
  trendsUrl: (p: URLSearchParams) => apiUrl('/trends', p),
  concordanceUrl: (p: URLSearchParams) => apiUrl('/concordance', p),
  reportUrl: (id: string) => apiUrl(`/reports/${encodeURIComponent(id)}`),
  exportUrl: (p: URLSearchParams) => apiUrl('/export', p),
  statsUrl: () => apiUrl('/stats'),
  vocabularyUrl: () => apiUrl('/facets'),
  regionsUrl: (p: URLSearchParams) => apiUrl('/regions', p),
  recurringUrl: (p: URLSearchParams) => apiUrl('/recurring', p),
  repeatsUrl: (p: URLSearchParams) => apiUrl('/repeats', p),
  statTotalsUrl: (p: URLSearchParams) => apiUrl('/stat-totals', p),
} as const;

