// Boilerplate in phrase lists, on made-up reports (the real ones never repeat a sentence
// verbatim often enough): a sentence six of eight reports carry is the format's boilerplate,
// its n-grams are marked, left out with boilerplate=exclude and shown alone with only.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingest } from '../../services/ingest/ingest.js';
import { ngrams } from '../../services/search/methods/corpus/ngrams.js';
import { tempEngine } from '../helpers/engine.js';

const TEMPLATE = '本年度报告中所列数据的统计期限自1月1日起至12月31日止。';
const OWN = ['道路硬化工程按期推进', '集体经济收益逐年增加', '养老服务站点覆盖全村', '防汛物资储备充足到位', '林下种植带动农户增收', '村容村貌整治成效明显', '电商服务网点运营良好', '夜间照明设施全面更新'];

function report(k: number, withTemplate: boolean): string {
  return [`某${k}镇2022年政府信息公开工作年度报告`, '', '一、总体情况', '',
    `${withTemplate ? TEMPLATE : ''}2022年，某${k}镇${OWN[k]}，${OWN[(k + 3) % 8]}。`, ''].join('\n');
}

describe('boilerplate in phrase lists', () => {
  let t: Awaited<ReturnType<typeof tempEngine>>;
  let dir: string;
  before(async () => {
    t = await tempEngine();
    dir = mkdtempSync(join(tmpdir(), 'gongkai-boiler-'));
    for (let k = 0; k < 8; k++) writeFileSync(join(dir, `r${k}.txt`), report(k, k < 6));
    const s = await ingest(t.engine, [dir]);
    assert.deepEqual(s.failed, []);
  });
  after(async () => { await t.dispose(); rmSync(dir, { recursive: true, force: true }); });

  it('marks the template sentence\'s n-grams, and filters on them', async () => {
    const all = await ngrams(t.engine, { n: 2, minFreq: 2, minRange: 2, limit: 2000, boilerplateShare: 0.5 });
    assert.ok(all.boilerplateSentences >= 1);
    const marked = all.ngrams.filter((g) => g.boilerplate);
    assert.ok(marked.length > 0);
    for (const g of marked) assert.ok(TEMPLATE.includes(g.ngram), `${g.ngram} is in the template`);
    for (const g of all.ngrams.filter((x) => !x.boilerplate)) assert.ok(!TEMPLATE.includes(g.ngram) || g.boilerplateShare <= 0.5, g.ngram);
    const only = await ngrams(t.engine, { n: 2, minFreq: 2, minRange: 2, limit: 2000, boilerplate: 'only' });
    assert.deepEqual(only.ngrams.map((g) => g.ngram), marked.map((g) => g.ngram));
    const without = await ngrams(t.engine, { n: 2, minFreq: 2, minRange: 2, limit: 2000, boilerplate: 'exclude' });
    assert.equal(without.total + only.total, all.total);
    // Above the share the template reaches (6 of 8), nothing is boilerplate.
    const strict = await ngrams(t.engine, { n: 2, minFreq: 2, minRange: 2, limit: 2000, boilerplateShare: 0.8 });
    assert.equal(strict.boilerplateSentences, 0);
  });
});
