// The search's headless state (web/src/state/searchState.ts), without a browser: how the
// server's reading of the box becomes ticks, what the reader marks, how long queries show.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { absorbTypedFilters, MAX_QUERY_CHARS, searchWords, shortQuery } from '../../web/src/state/searchState.js';
import { emptyFilters, readSearch, type SearchState } from '../../web/src/state/url.js';

const state = (q: string, sections: SearchState['filters']['sections'] = []): SearchState =>
  ({ q, filters: { ...emptyFilters(), sections }, sort: 'relevance', page: 3, collapse: false });

describe('the headless search state', () => {
  it('moves the filters the server read in the box into the state, united with the ticked ones', () => {
    const next = absorbTypedFilters(state('section:problems level:township 微信', ['improvements']), {
      q: 'section:problems level:township 微信', text: '微信',
      typedFilters: { ...emptyFilters(), sections: ['problems'], levels: ['township'] },
    });
    assert.deepEqual(next, { q: '微信', filters: { ...emptyFilters(), sections: ['improvements', 'problems'], levels: ['township'] }, sort: 'relevance', page: 1, collapse: false });
  });

  it('leaves the state alone without typed filters, or for an answer to another query', () => {
    assert.equal(absorbTypedFilters(state('微信'), { q: '微信', text: '微信', typedFilters: emptyFilters() }), null);
    assert.equal(absorbTypedFilters(state('微博'), { q: 'section:problems', text: '', typedFilters: { ...emptyFilters(), sections: ['problems'] } }), null);
  });

  it('gives the reader the words only, and headings a short query', () => {
    assert.equal(searchWords('section:problems 微信 theme:微信'), '微信');
    assert.equal(searchWords('level:township'), '');
    assert.equal(shortQuery('公'.repeat(100)), `${'公'.repeat(30)}…`);
    assert.equal(shortQuery('微信'), '微信');
  });

  it('reads at most MAX_QUERY_CHARS characters from a link', () => {
    assert.equal([...readSearch(new URLSearchParams({ q: '𠀀'.repeat(MAX_QUERY_CHARS + 10) })).q].length, MAX_QUERY_CHARS);
  });
});
