// `gongkai parse <file> --json` keeps its shape, and adds `published` and `source` (ParseOutput).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ParseOutput, ParsedReport } from '../../services/core/schema.js';
import { main } from '../../services/cli/main.js';
import { makeDoc } from './doc-fixture.js';
import { fixtureDir } from './fixtures.js';

let fx: Awaited<ReturnType<typeof fixtureDir>>;
before(async () => { fx = await fixtureDir(); });
after(() => fx.cleanup());

const LINES = ['青石镇人民政府2022年政府信息公开工作年度报告', '一、总体情况', '2022年，青石镇认真贯彻落实政府信息公开工作要求。'];

/** What `main(['parse', file, '--json'])` prints, parsed. */
async function parseJson(file: string): Promise<unknown> {
  const printed: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => { printed.push(args.join(' ')); };
  try {
    assert.equal(await main(['parse', file, '--json']), 0);
  } finally {
    console.log = log;
  }
  return JSON.parse(printed.join('\n'));
}

describe('gongkai parse --json', () => {
  it('prints every field of ParsedReport, plus published and the source, for a saved page', async () => {
    const page = `<!-- saved from url=(0040)http://www.qingshi.example.gov.cn/nb.html -->
<html><head><title>${LINES[0]}</title><meta name="PubDate" content="2023-01-06"></head><body><div class="nav"><a>首页</a></div>
<div id="zoom">${LINES.slice(1).map((l) => `<p>${l}</p>`).join('')}</div></body></html>`;
    const out = ParseOutput.parse(await parseJson(await fx.write('page.html', page)));
    for (const key of Object.keys(ParsedReport.shape)) assert.ok(key in out, key);
    assert.equal(out.year, 2022);
    assert.equal(out.published, '2023-01-06');
    assert.equal(out.source.url, 'http://www.qingshi.example.gov.cn/nb.html');
    assert.equal(out.source.kind, 'html');
  });

  it("reads the page's address as a clue to its place: a district name two cities share", async () => {
    const body = ['和平区民政局2020年政府信息公开工作年度报告', '一、总体情况', '2020年，我局推进政务公开。'];
    const page = (url: string) => `<!-- saved from url=(0040)${url} -->
<html><head><title>${body[0]}</title></head><body><div id="zoom">${body.map((l) => `<p>${l}</p>`).join('')}</div></body></html>`;
    const tianjin = ParseOutput.parse(await parseJson(await fx.write('tj.html', page('http://www.tjhp.gov.cn/zw/nb.html'))));
    assert.deepEqual([tianjin.region.province, tianjin.region.county], ['天津市', '和平区']);
    const shenyang = ParseOutput.parse(await parseJson(await fx.write('sy.html', page('http://www.syhp.gov.cn/zw/nb.html'))));
    assert.deepEqual([shenyang.region.province, shenyang.region.city], ['辽宁省', '沈阳市']);
  });

  it('reads a .doc, with published null when the file states none', async () => {
    const out = ParseOutput.parse(await parseJson(await fx.write('report.doc', makeDoc(LINES))));
    assert.equal(out.source.kind, 'doc');
    assert.equal(out.published, null);
    assert.equal(out.year, 2022);
  });
});
