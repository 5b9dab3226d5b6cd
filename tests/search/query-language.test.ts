// The query language as a researcher types it (issue 16): AND / OR / NOT in any case and
// 与 / 或 / 非 standing alone, parentheses, typed filters with the names the UI shows,
// and every warning in Chinese with its code. Then the same queries against an index of
// the real reports: what the parser says is what the search finds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { ingest } from '../../services/ingest/ingest.js';
import { segmenter } from '../../services/pipeline/segment/segmenter.js';
import { search } from '../../services/search/methods/search.js';
import type { Query } from '../../services/search/query/ast.js';
import { withoutFields } from '../../services/search/query/lexer.js';
import { parseQuery } from '../../services/search/query/parse.js';
import { REAL_DIR } from '../helpers/corpus.js';
import { tempEngine } from '../helpers/engine.js';

const seg = segmenter();
const parse = (q: string) => parseQuery(q, seg, (name) => (name === '宁夏' ? ['64'] : []));
/** Groups as lists of term texts (all required; each any of its terms), and the excluded terms. */
const shape = (q: Query) => ({ groups: q.groups.map((g) => g.map((t) => t.text)), exclude: q.exclude.map((t) => t.text) });
const codes = (q: Query) => q.warnings.map((w) => w.code);
const han = /\p{Script=Han}/u;

describe('the query language', () => {
  it('reads AND, OR and NOT in any case as operators', () => {
    for (const and of ['AND', 'and', 'And', '与', '且']) assert.deepEqual(shape(parse(`微信 ${and} 微博`)), { groups: [['微信'], ['微博']], exclude: [] }, and);
    for (const or of ['OR', 'or', 'Or', '或']) assert.deepEqual(shape(parse(`微信 ${or} 微博`)), { groups: [['微信', '微博']], exclude: [] }, or);
    for (const not of ['NOT', 'not', '非']) assert.deepEqual(shape(parse(`微信 ${not} 微博`)), { groups: [['微信']], exclude: ['微博'] }, not);
    for (const q of ['微信 AND 微博', '微信 or 微博', '微信 NOT 微博']) assert.deepEqual(codes(parse(q)), [], q);
  });

  it('keeps 与 / 或 / 非 inside words, and quoted, as text', () => {
    assert.deepEqual(shape(parse('"或"')), { groups: [['或']], exclude: [] });
    assert.deepEqual(shape(parse('或者')).exclude, []);
    assert.ok(parse('或者').groups.flat().some((t) => t.text.includes('或')));
  });

  it('groups with parentheses, half- or full-width, and distributes OR over AND', () => {
    assert.deepEqual(shape(parse('(微信 OR 微博) 公开')), { groups: [['微信', '微博'], ['公开']], exclude: [] });
    assert.deepEqual(shape(parse('（微信 OR 微博） 公开')), { groups: [['微信', '微博'], ['公开']], exclude: [] });
    assert.deepEqual(shape(parse('(政务 公开) OR 微博')), { groups: [['政务', '微博'], ['公开', '微博']], exclude: [] });
    assert.deepEqual(shape(parse('微信 -(微博 OR 网站)')), { groups: [['微信']], exclude: ['微博', '网站'] });
    assert.deepEqual(shape(parse('微信 NOT (微博 OR 网站)')), { groups: [['微信']], exclude: ['微博', '网站'] });
    assert.equal(parse('(微信 OR 微博) 公开').understood, '(微信 OR 微博) 公开');
  });

  it('says in Chinese what it cannot do, with a code beside', () => {
    const cases: Array<[string, ReturnType<typeof codes>[number]]> = [
      ['微信 AND', 'dangling_operator'], ['OR 微信', 'dangling_operator'], ['- 微信', 'lone_minus'], ['year:abc', 'bad_year'],
      ['section:没有这部分', 'bad_section'], ['level:宇宙', 'bad_level'], ['theme:不是主题', 'bad_theme'], ['region:不存在的地方', 'no_region'],
      ['"微信', 'unbalanced_quote'], ['(微信', 'unbalanced_paren'], ['微信)', 'unbalanced_paren'], ['微信 OR -微博', 'not_in_or'],
      ['NOT (微信 公开)', 'exclude_only_group'], ['()', 'empty_parens'], ['-copy:>0.5', 'negated_filter'],
    ];
    for (const [q, code] of cases) {
      const out = parse(q);
      assert.ok(codes(out).includes(code), `${q}: ${codes(out).join(',')}`);
      for (const w of out.warnings) assert.match(w.message, han, `${q}: ${w.message}`);
    }
    // Nothing a user types makes an English sentence.
    assert.ok(!/ignored|negated|no region/.test(JSON.stringify(parse('- year:abc level:x theme:? region:? "a').warnings)));
  });

  it('takes section, level and theme by the names the UI shows, and shows filters back by name', () => {
    const byName = parse('section:存在的主要问题 level:乡镇 theme:微信 微博');
    assert.deepEqual(byName.filters, { sections: ['problems'], levels: ['township'], themes: ['wechat'] });
    const byId = parse('section:problems level:township theme:wechat 微博');
    assert.deepEqual(byId.filters, byName.filters);
    assert.equal(byId.understood, '微博 section:存在的主要问题 theme:微信 level:乡镇');
    assert.ok(!/sections:|levels:/.test(byId.understood));
    assert.equal(parse('region:宁夏').understood, 'region:宁夏');
  });

  it('excludes typed filter values with -field:value and NOT field:value, per facet', () => {
    const out = parse('微博 -region:00 -section:problems -level:乡镇 NOT year:2020 region:宁夏');
    assert.deepEqual(out.filters, {
      regions: ['64'], exclude: { regions: ['00'], sections: ['problems'], levels: ['township'], years: [2020] },
    });
    assert.deepEqual(shape(out), { groups: [['微博']], exclude: [] }, 'a NOT before a filter is the filter\'s, never a word\'s');
    assert.deepEqual(codes(out), []);
    assert.equal(out.understood, '微博 region:宁夏 -section:存在的主要问题 -level:乡镇 -year:2020 -region:00');
    assert.deepEqual(parse('-theme:微信').filters, { exclude: { themes: ['wechat'] } });
    assert.deepEqual(parse('－region:宁夏').filters, { exclude: { regions: ['64'] } }, 'full-width minus too');
    // A word after NOT is still excluded as a word.
    assert.deepEqual(shape(parse('微信 NOT 微博 NOT level:省')), { groups: [['微信']], exclude: ['微博'] });
    assert.equal(withoutFields('微信 -region:00 NOT year:2020 not 微博'), '微信 not 微博', 'the box keeps the words, not the NOT of a filter');
  });

  it('cuts typed filters out of the words', () => {
    assert.equal(withoutFields('section:problems level:township'), '');
    assert.equal(withoutFields('微信 section:problems  微博 year:2019..2021'), '微信 微博');
    assert.equal(withoutFields('"section:problems"'), '"section:problems"');
  });

  it('stays bounded when OR distributes into many groups', () => {
    const q = Array.from({ length: 8 }, (_, i) => `(甲${i} 乙${i} 丙${i})`).join(' OR ');
    const out = parse(q);
    assert.ok(out.groups.flat().length + out.exclude.length <= 32);
    assert.ok(codes(out).includes('too_complex'));
  });
});

describe('the query language against the real reports', () => {
  let t: Awaited<ReturnType<typeof tempEngine>>;
  before(async () => { t = await tempEngine(); await ingest(t.engine, [REAL_DIR]); });
  after(async () => { await t?.dispose(); });

  const ids = async (q: string) =>
    new Set((await search(t.engine, { q, size: 100, collapse: false })).hits.map((h) => h.id));
  const all = async (q: string) => {
    const first = await search(t.engine, { q, size: 100 });
    assert.ok(first.total <= 100, 'the real reports are small enough for one page');
    return new Set(first.hits.map((h) => h.id));
  };

  it('finds with AND / OR / NOT what the sets of each word say', async () => {
    const a = await all('政府');
    const b = await all('网站');
    assert.ok(a.size > 0 && b.size > 0);
    const and = [...a].filter((x) => b.has(x));
    const or = new Set([...a, ...b]);
    const not = [...a].filter((x) => !b.has(x));
    for (const q of ['政府 AND 网站', '政府 and 网站', '政府 与 网站', '政府 网站']) assert.deepEqual(await ids(q), new Set(and), q);
    for (const q of ['政府 OR 网站', '政府 or 网站', '政府 或 网站']) assert.deepEqual(await ids(q), new Set(or), q);
    for (const q of ['政府 NOT 网站', '政府 not 网站', '政府 -网站']) assert.deepEqual(await ids(q), new Set(not), q);
    assert.ok(and.length > 0 && not.length > 0 && or.size > a.size, 'the three answers differ on these reports');
  });

  it('groups with parentheses as the sets say', async () => {
    const a = await all('政府');
    const b = await all('网站');
    const c = await all('公开');
    const want = new Set([...c].filter((x) => a.has(x) || b.has(x)));
    assert.deepEqual(await ids('(政府 OR 网站) 公开'), want);
  });

  it('answers typed filters as the same filters given apart, and says which it took', async () => {
    const typed = await search(t.engine, { q: '公开 section:存在的主要问题', size: 100 });
    const given = await search(t.engine, { q: '公开', filters: { years: [], regions: [], sections: ['problems'], themes: [], levels: [] }, size: 100 });
    assert.equal(typed.total, given.total);
    assert.equal(typed.text, '公开');
    assert.deepEqual(typed.typedFilters.sections, ['problems']);
    const theme = await search(t.engine, { q: 'theme:微信', size: 1 });
    const themeById = await search(t.engine, { q: 'theme:wechat', size: 1 });
    assert.equal(theme.total, themeById.total);
    assert.ok(theme.total > 0, 'the real reports mention 微信');
  });
});

describe('excluded filter values against the real reports and the dev set (地区未识别 among them)', () => {
  let t: Awaited<ReturnType<typeof tempEngine>>;
  before(async () => { t = await tempEngine(); await ingest(t.engine, [REAL_DIR, join(REAL_DIR, '..', 'dev')]); });
  after(async () => { await t?.dispose(); });

  it('-region:00 leaves out exactly the passages of 地区未识别, typed or given apart, and the totals add up', async () => {
    const every = await search(t.engine, { q: '公开', size: 100, facets: true });
    const unknown = await search(t.engine, { q: '公开 region:00', size: 100 });
    const known = await search(t.engine, { q: '公开 -region:00', size: 100, facets: true });
    assert.ok(unknown.total > 0 && known.total > 0, `both kinds in the real reports: ${unknown.total} + ${known.total}`);
    assert.equal(unknown.total + known.total, every.total);
    const unknownIds = new Set(unknown.hits.map((h) => h.id));
    assert.ok(known.hits.every((h) => !unknownIds.has(h.id) && h.report.region.code !== null), 'no passage of an unknown place is left');
    assert.ok(unknown.hits.length > 0 && unknown.hits.every((h) => h.report.region.code === null));
    // Every facet counts under the exclusion: 00 is gone, the regions left add up to the total.
    assert.equal(known.facets!.region.find((r) => r.value === '00'), undefined);
    assert.equal(known.facets!.region.reduce((n, r) => n + r.count, 0), known.total);
    assert.equal(known.facets!.section.reduce((n, r) => n + r.count, 0), known.total);
    assert.deepEqual(known.typedFilters.exclude, { regions: ['00'] });
    const given = await search(t.engine, { q: '公开', filters: { years: [], regions: [], sections: [], themes: [], levels: [], exclude: { regions: ['00'] } }, size: 100 });
    assert.deepEqual(given.hits.map((h) => h.id), known.hits.map((h) => h.id));
    // A section excluded inside a ticked region: the two filters combine.
    const noProblems = await search(t.engine, { q: '公开 -section:problems NOT region:00', size: 100, facets: true });
    const problems = await search(t.engine, { q: '公开 section:problems -region:00', size: 100 });
    assert.equal(noProblems.total + problems.total, known.total);
    assert.equal(noProblems.facets!.section.find((b) => b.value === 'problems'), undefined);
  });
});
