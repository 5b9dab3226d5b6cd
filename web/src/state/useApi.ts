// One GET as React state. A new URL aborts the request still in flight, so a slow
// answer to an old query can never overwrite the answer to the current one.
// The last good data is kept while the next request loads, so views can dim rather than blank.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson, isAbort } from './api';

export interface ApiState<T> {
  data: T | undefined;
  /** The URL `data` answers (may lag behind the requested URL while loading). */
  dataUrl: string | null;
  loading: boolean;
  error: ApiError | undefined;
  reload: () => void;
}

/** Answers that do not change while the page is open (stats, vocabularies) are fetched once. */
const cache = new Map<string, unknown>();

export function useApi<T>(url: string | null, opts: { cache?: boolean } = {}): ApiState<T> {
  const cached = url && opts.cache && cache.has(url) ? (cache.get(url) as T) : undefined;
  const [state, setState] = useState<Omit<ApiState<T>, 'reload'>>({
    data: cached, dataUrl: cached !== undefined ? url : null, loading: Boolean(url) && cached === undefined, error: undefined,
  });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (!url) {
      setState({ data: undefined, dataUrl: null, loading: false, error: undefined });
      return;
    }
    if (opts.cache && cache.has(url)) {
      setState({ data: cache.get(url) as T, dataUrl: url, loading: false, error: undefined });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    getJson<T>(url, ctrl.signal).then(
      (data) => {
        if (opts.cache) cache.set(url, data);
        setState({ data, dataUrl: url, loading: false, error: undefined });
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        const error = err instanceof ApiError ? err : new ApiError('bad-response', String(err));
        setState((s) => ({ ...s, loading: false, error }));
      },
    );
    return () => ctrl.abort();
    // opts.cache is a constant per call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, attempt]);

  return { ...state, reload };
}
