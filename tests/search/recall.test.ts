// Our users quote: any verbatim substring of a passage must find that passage,
// however jieba happened to cut the text around it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ingest } from '../../services/ingest/ingest.js';
import { search } from '../../services/search/methods/search.js';
import { REAL_DIR } from '../helpers/corpus.js';
import { tempEngine } from '../helpers/engine.js';
import { parsedReal } from '../helpers/parsed.js';
import { checkProperty } from '../helpers/property.js';

const reports = parsedReal();
const passages = reports.flatMap((r) => r.parsed.passages.map((p) => ({ id: r.id, p })));

/** Quoting the substring makes it one exact string, as a researcher pasting a quotation does. */
async function finds(engine: Parameters<typeof search>[0], id: string, ordinal: number, q: string): Promise<boolean> {
  for (let page = 1; page <= 50; page++) {
    const out = await search(engine, { q, size: 100, page });
    if (out.hits.some((h) => h.reportId === id && h.ordinal === ordinal)) return true;
    if (out.hits.length < 100) return false;
  }
  return false;
}

const quoted = (s: string) => `"${s.replace(/["“”「」『』]/g, ' ')}"`;

describe('recall of quoted substrings on the real reports', () => {
  let t: Awaited<ReturnType<typeof tempEngine>>;
  before(async () => { t = await tempEngine(); await ingest(t.engine, [REAL_DIR]); });
  after(async () => { await t.dispose(); });

  it('finds every passage by substrings sampled at every 7th offset, lengths 2 to 12', async () => {
    let tried = 0;
    const missed: string[] = [];
    for (const { id, p } of passages) {
      for (let at = 0; at + 2 <= p.text.length; at += 7) {
        const len = 2 + (at % 11);
        const s = p.text.slice(at, at + len);
        if (/["“”「」『』]/.test(s) || !s.trim() || s.trim().length < 2) continue;
        tried++;
        if (!(await finds(t.engine, id, p.ordinal, quoted(s)))) missed.push(`${id}:p${p.ordinal} ${s}`);
      }
    }
    assert.ok(tried > 1000, `sampled ${tried}`);
    assert.deepEqual(missed, []);
  });

  it('finds a passage by unquoted words cut out of the middle of jieba words', async () => {
    // 中国农业发展银行-style: a query that cuts across the segmenter's words.
    for (const { id, p } of passages.slice(0, 60)) {
      const s = p.text.slice(1, 6);
      if (s.trim().length < 2) continue;
      assert.ok(await finds(t.engine, id, p.ordinal, s), `unquoted ${s} finds ${id}:p${p.ordinal}`);
    }
  });

  it('property: random substrings of random passages are always found', async (ctx) => {
    await checkProperty(ctx, fc.asyncProperty(
      fc.integer({ min: 0, max: passages.length - 1 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 2, max: 30 }),
      async (k, offset, len) => {
        const { id, p } = passages[k]!;
        const at = offset % Math.max(1, p.text.length - 1);
        const s = p.text.slice(at, at + len);
        fc.pre(s.trim().length >= 2 && !/["“”「」『』]/.test(s));
        return finds(t.engine, id, p.ordinal, quoted(s));
      }), { numRuns: 300, seed: 4935 });
  });
});
