// A slice lays each report's passages out in ordinal order whatever order they were written
// in: ingest writes them in order, but the backend interface takes any IndexedReport, and the
// embedded backend decodes its streams straight into place (tokens/builder.ts) on the strength
// of that order. A report upserted with its passages reversed must count exactly as the same
// report upserted in order.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, it } from 'node:test';
import { prepareReport } from '../../services/ingest/prepare.js';
import { ngrams } from '../../services/search/methods/corpus/ngrams.js';
import { readSlice } from '../../services/search/methods/corpus/slice.js';
import { generateReport } from '../../services/corpus-gen/index.js';
import { tempEngine } from '../helpers/engine.js';

let t: Awaited<ReturnType<typeof tempEngine>>;
before(async () => { t = await tempEngine(); });
after(async () => { await t.dispose(); });

it('passages written out of order are read in ordinal order', async () => {
  const text = generateReport(1, 7).text;
  const bytes = Buffer.from(text);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const doc = await prepareReport({ path: 'r.txt', bytes, sha256, demo: false }, t.engine.segmenter);
  assert.ok(doc.passages.length >= 3, 'a report of several passages');
  await t.engine.backend.upsert({ ...doc, id: 'inorder000000000' });
  // Another file of the same text (its own path and digest), written with its passages reversed.
  const other = { ...doc.source, path: 'r-copy.txt', sha256: sha256.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
  await t.engine.backend.upsert({ ...doc, id: 'reversed00000000', source: other, passages: [...doc.passages].reverse() });

  const of = async (id: string) => {
    const { slice } = await readSlice(t.engine, '');
    const r = slice.reports.findIndex((x) => x.id === id);
    const ps = [...slice.report.keys()].filter((p) => slice.report[p] === r);
    return {
      ordinals: ps.map((p) => slice.ordinal[p]),
      streams: ps.map((p) => Array.from(slice.tokens.subarray(slice.start[p]!, slice.start[p + 1]!), (x) => slice.terms[x]).join(' ')),
    };
  };
  const inOrder = await of('inorder000000000');
  const reversed = await of('reversed00000000');
  assert.deepEqual(inOrder.ordinals, [...inOrder.ordinals].sort((a, b) => a! - b!));
  assert.deepEqual(reversed, inOrder);
  // And what a user sees: the phrase list counts both reports alike (each n-gram in both or in neither).
  const list = await ngrams(t.engine, { n: 2, minFreq: 2, minRange: 2 });
  assert.ok(list.ngrams.length > 0);
  for (const g of list.ngrams) assert.equal(g.freq % 2, 0, `${g.ngram}: ${g.freq}`);
});
