// The search's state, headless (no React): what the box and the sidebar share.
// A filter typed in the box (section:problems, theme:微信, year:2019..2021) and one ticked in
// the sidebar are the same state: the server's parser (services/search/query/, the one both
// backends use) reads the box, and its reading — the words left and the filters typed,
// normalised to ids — is moved into the state, so ticks and chips show it and a tick more
// combines by the one rule: within a facet OR, across facets AND.
import { withoutFields } from '../../../services/search/query/lexer.js';
import type { Filters, SearchResponse } from './types';
import { filterCount, type SearchState } from './url';

/** Longest query the box takes: its URLs (page, search, trend) stay well under the API's 8 KB. */
export const MAX_QUERY_CHARS = 500;

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

export function mergeFilters(a: Filters, b: Filters): Filters {
  const merged: Filters = {
    years: union(a.years, b.years), regions: union(a.regions, b.regions), sections: union(a.sections, b.sections),
    themes: union(a.themes, b.themes), levels: union(a.levels, b.levels),
  };
  // -region:00 typed in the box becomes the sidebar's 排除 of 地区未识别.
  const x = a.exclude ?? {};
  const y = b.exclude ?? {};
  const exclude = {
    years: union(x.years ?? [], y.years ?? []), regions: union(x.regions ?? [], y.regions ?? []),
    sections: union(x.sections ?? [], y.sections ?? []), themes: union(x.themes ?? [], y.themes ?? []),
    levels: union(x.levels ?? [], y.levels ?? []),
  };
  return Object.values(exclude).some((v) => v.length) ? { ...merged, exclude } : merged;
}

const hasAny = (f: Filters) => filterCount(f) > 0;

/**
 * The state once the server has read the box: its typed filters ticked, the box left with
 * its words. Null when there is nothing to move (no typed filter, or an answer to another query).
 */
export function absorbTypedFilters(state: SearchState, answer: Pick<SearchResponse, 'q' | 'text' | 'typedFilters'>): SearchState | null {
  if (answer.q !== state.q || !hasAny(answer.typedFilters)) return null;
  return { ...state, q: answer.text, filters: mergeFilters(state.filters, answer.typedFilters), page: 1 };
}

/** The words of a query, without its filters: what the reader marks (a filter is never a search word). */
export const searchWords = (q: string): string => withoutFields(q);

/** A query shown in a heading: long ones cut, the whole kept for the title attribute. */
export function shortQuery(q: string, max = 30): string {
  const chars = [...q];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : q;
}
