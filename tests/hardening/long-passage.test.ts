// A report on one line of a megabyte: split into bounded passages whose offsets still point
// into the original, snippets found in one pass, and never a whole passage in an answer.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ingest } from '../../services/ingest/ingest.js';
import { parseText } from '../../services/pipeline/parse.js';
import { boundedPieces, MAX_PASSAGE_CHARS } from '../../services/pipeline/passages/index.js';
import type { Span } from '../../services/search/present/highlight.js';
import { boundedPassage, MAX_HIT_CHARS, SNIPPET_CHARS, snippetWindow } from '../../services/search/present/snippet.js';
import { search } from '../../services/search/methods/search.js';
import { tempEngine } from '../helpers/engine.js';
import { checkPassages } from '../sections/support.js';
import { makeOneLine } from './hostile-files.js';
import { checkProperty } from '../helpers/property.js';

describe('a one-line report', () => {
  let dir: string;
  let original: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-line-'));
    makeOneLine(join(dir, 'line.txt'), 1024 * 1024);
    original = readFileSync(join(dir, 'line.txt'), 'utf8');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('becomes passages of bounded length, cut at sentence ends, with exact offsets', () => {
    const r = parseText(original);
    assert.ok(r.passages.length > 100, `${r.passages.length} passages`);
    for (const p of r.passages) {
      assert.ok(p.text.length <= MAX_PASSAGE_CHARS, `p${p.ordinal}: ${p.text.length} characters`);
      assert.match(p.text, /[。！？；]$/, `p${p.ordinal} ends at a sentence end`);
    }
    checkPassages(original, r);
  });

  it('answers a search with bounded passages', async () => {
    const t = await tempEngine();
    try {
      const summary = await ingest(t.engine, [dir], { workers: 0 });
      assert.equal(summary.indexed, 1);
      const out = await search(t.engine, { q: '更新', size: 100 });
      assert.ok(out.total > 100);
      for (const h of out.hits) assert.ok(h.text.length <= MAX_PASSAGE_CHARS && h.html.length < 4 * MAX_PASSAGE_CHARS);
    } finally {
      await t.dispose();
    }
  });
});

describe('bounded pieces', () => {
  it('cuts text without sentence ends at the bound, never inside a surrogate pair', () => {
    const text = '公'.repeat(1999) + '𠀀' + '开'.repeat(3000);
    const pieces = boundedPieces(text, 0, text.length);
    assert.deepEqual(pieces.map(([a, b]) => b - a), [1999, 2000, 1002]);
    assert.equal(pieces.map(([a, b]) => text.slice(a, b)).join(''), text);
  });

  it('covers the text, in order, each piece bounded and trimmed', (t) => {
    checkProperty(t, fc.property(fc.array(fc.constantFrom('公', '开', '。', '；', ' ', '！', 'a'), { maxLength: 3000 }), fc.integer({ min: 4, max: 300 }), (chars, max) => {
      const text = chars.join('');
      const pieces = boundedPieces(text, 0, text.length, max);
      let at = 0;
      for (const [a, b] of pieces) {
        assert.ok(a >= at && b > a && b - a <= max);
        assert.equal(text.slice(at, a).trim(), '');
        at = b;
      }
      assert.equal(text.slice(at).trim(), '');
    }));
  });
});

/** The quadratic original, as the reference the one-pass window must agree with. */
function referenceWindow(text: string, spans: Span[], width: number): number {
  let best = 0;
  let bestScore = -1;
  for (const [s] of spans) {
    const from = Math.max(0, Math.min(s - Math.floor(width / 4), text.length - width));
    const score = spans.filter(([a, b]) => a >= from && b <= from + width).length;
    if (score > bestScore) { bestScore = score; best = from; }
  }
  return best;
}

const sortedSpans = (length: number) => fc.uniqueArray(fc.integer({ min: 0, max: length - 1 }), { maxLength: 60 })
  .map((starts) => {
    const spans: Span[] = [];
    for (const s of starts.sort((a, b) => a - b)) {
      const last = spans.at(-1);
      if (last && s <= last[1]) continue;
      spans.push([s, Math.min(length, s + 1 + (s % 7))]);
    }
    return spans;
  });

describe('snippets', () => {
  it('choose the window the quadratic search chose', (t) => {
    checkProperty(t, fc.property(fc.integer({ min: 130, max: 2000 }).chain((n) => fc.tuple(fc.constant(n), sortedSpans(n))), ([n, spans]) => {
      const text = '公'.repeat(n);
      const [from] = snippetWindow(text, spans, SNIPPET_CHARS);
      const reference = referenceWindow(text, spans, SNIPPET_CHARS);
      // Both then move to just after a sentence end; the text has none, so they must agree.
      assert.equal(from, reference);
    }));
  });

  it('send a bounded window of an over-long passage, with its spans', () => {
    const text = '公开'.repeat(500_000) + '目标' + '公开'.repeat(10);
    const at = 1_000_000;
    const out = boundedPassage(text, [[at, at + 2]]);
    assert.ok(out.text.length <= MAX_HIT_CHARS);
    assert.equal(out.spans.length, 1);
    const [[s, e]] = out.spans as [Span];
    assert.equal(out.text.slice(s, e), '目标');
  });
});
