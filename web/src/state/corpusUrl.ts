// URL state of the corpus pages (/corpus/…): every choice is a parameter, so a link
// reproduces the table; the same parameters go to the API.
import { apiUrl } from './api';

export type Params = Record<string, string>;

export function readParams(p: URLSearchParams, defaults: Params): Params {
  const out: Params = { ...defaults };
  for (const k of Object.keys(defaults)) { const v = p.get(k); if (v !== null) out[k] = v.slice(0, 200); }
  return out;
}

/** Only what differs from the defaults, so links stay short. */
export function writeParams(s: Params, defaults: Params): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(s)) if (v !== defaults[k] && v !== '') p.set(k, v);
  return p;
}

export const corpusApiUrl = (path: 'collocates' | 'keywords' | 'ngrams' | 'dispersion', s: Params) =>
  apiUrl(`/${path}`, new URLSearchParams(Object.entries(s).filter(([, v]) => v !== '')));

/** The concordance of a query (its typed filters included), what every "open in KWIC" link leads to. */
export const kwicHref = (q: string) => `/concordance?${new URLSearchParams({ q: q.trim() })}`;
