// The page's state is its URL: read it with a pure parser, write it with a pure serializer.
// Back/forward and shared links therefore restore exactly the same view.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export type SetUrlState<S> = (next: S | ((current: S) => S), opts?: { replace?: boolean }) => void;

export function useUrlState<S>(read: (p: URLSearchParams) => S, write: (s: S) => URLSearchParams): [S, SetUrlState<S>] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useMemo(() => read(params), [key]);
  const set = useCallback<SetUrlState<S>>((next, opts) => {
    setParams((prev) => write(typeof next === 'function' ? (next as (c: S) => S)(read(prev)) : next), { replace: opts?.replace });
  }, [read, write, setParams]);
  return [state, set];
}
