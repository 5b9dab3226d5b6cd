// A corpus page's parameters in its URL, through the same hook as every page (useUrlState).
import { useCallback } from 'react';
import { readParams, writeParams, type Params } from '../../state/corpusUrl';
import { useUrlState } from '../../state/useUrlState';

export function useCorpusState(defaults: Params): [Params, (patch: Params) => void] {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const read = useCallback((p: URLSearchParams) => readParams(p, defaults), []);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const write = useCallback((s: Params) => writeParams(s, defaults), []);
  const [state, setState] = useUrlState(read, write);
  return [state, (patch) => setState((s) => ({ ...s, ...patch }))];
}
