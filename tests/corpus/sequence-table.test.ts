// The table phrase lists and boilerplate sentences are counted in: every sequence of ids must
// get one entry of its own, whatever the hash does — checked against a map keyed by the ids
// written out, on streams that force growth, rehashing and many equal hashes' neighbours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SequenceTable } from '../../services/search/methods/corpus/sequence-table.js';
import { checkProperty } from '../helpers/property.js';

test('sequences of ids are counted exactly, by content, length and tag', (t) => {
  checkProperty(t, fc.property(
    fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3000 }),
    fc.integer({ min: 1, max: 5 }),
    (ids, maxLen) => {
      const tokens = Uint32Array.from(ids);
      const table = new SequenceTable(tokens, 4); // tiny on purpose: it must grow
      const counts: number[] = [];
      const expected = new Map<string, number>();
      for (let i = 0; i < tokens.length; i++) {
        for (let len = 1; len <= maxLen && i + len <= tokens.length; len++) {
          const tag = len % 2;
          const e = table.entry(i, len, tag);
          counts[e] = (counts[e] ?? 0) + 1;
          const key = `${tag}:${ids.slice(i, i + len).join(',')}`;
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
      }
      assert.equal(table.size, expected.size);
      for (let e = 0; e < table.size; e++) {
        const f = table.first[e]!;
        const key = `${table.tag[e]}:${ids.slice(f, f + table.length[e]!).join(',')}`;
        assert.equal(counts[e], expected.get(key), key);
        assert.equal(table.find(f, table.length[e]!, table.tag[e]!), e);
      }
      // A sequence never added is not found.
      assert.equal(table.find(0, 1, 7), -1);
    },
  ), { numRuns: 60 });
});
