// The stored token streams follow the index: a file changed and ingested again counts its new
// words only, a removed report counts no more, and the collocates' cached reference counts
// (kept per write generation) never outlive a write.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingest } from '../../services/ingest/ingest.js';
import { collocates } from '../../services/search/methods/corpus/collocates.js';
import { dispersion } from '../../services/search/methods/corpus/dispersion.js';
import { planOf } from '../../services/search/engine.js';
import { Filters } from '../../services/search/types.js';
import { tempEngine } from '../helpers/engine.js';

/** A made-up township report whose problems section says `word` n times. */
function report(year: number, word: string, n: number): string {
  return [`某某镇${year}年政府信息公开工作年度报告`, '', '一、总体情况', '',
    `${year}年，某某镇认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息，回应社会关切。`, '',
    '二、存在的主要问题及改进情况', '', Array.from({ length: n }, () => `一是${word}仍然存在，群众满意度有待提高。`).join(''), ''].join('\n');
}

describe('token streams after a report is replaced or removed', () => {
  let t: Awaited<ReturnType<typeof tempEngine>>;
  let dir: string;
  before(async () => { t = await tempEngine(); dir = mkdtempSync(join(tmpdir(), 'gongkai-corpus-fresh-')); });
  after(async () => { await t.dispose(); rmSync(dir, { recursive: true, force: true }); });

  it('counts what the index holds now', async () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, report(2022, '宣传力度不够', 3));
    writeFileSync(join(dir, 'b.txt'), report(2023, '人员配备不足', 2));
    await ingest(t.engine, [dir]);
    const first = await dispersion(t.engine, { q: '宣传' });
    assert.equal(first.freq, 3);
    const before = await collocates(t.engine, { q: '群众', minFreq: 1 });
    writeFileSync(file, report(2022, '宣传力度不够', 1));
    await ingest(t.engine, [dir]);
    assert.equal((await dispersion(t.engine, { q: '宣传' })).freq, 1);
    const after = await collocates(t.engine, { q: '群众', minFreq: 1 });
    assert.ok(after.corpusTokens < before.corpusTokens, `${after.corpusTokens} < ${before.corpusTokens}`);
    const id = (await t.engine.backend.search(planOf(t.engine, '宣传', Filters.parse({})).plan, false)).rows[0]!.reportId;
    await t.engine.backend.remove(id);
    assert.equal((await dispersion(t.engine, { q: '宣传' })).freq, 0);
    assert.equal((await dispersion(t.engine, { q: '人员配备' })).freq, 2);
  });
});
