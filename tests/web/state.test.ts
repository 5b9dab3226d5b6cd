// The web app's headless state, without a browser: URL ⇄ state, highlighting, CSV,
// report layout, trend tables; and the rule that web code takes only types from services.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../../services/paths.js';
import { parseCsv, toCsv } from '../../web/src/state/csv.js';
import { foldText, naiveTerms, splitByTerms } from '../../web/src/state/highlight.js';
import { regionCodeOfKey } from '../../web/src/state/regions.js';
import { bodyOf, layoutReport, textBlocks } from '../../web/src/state/reportLayout.js';
import { trendTable, yearRange } from '../../web/src/state/trendData.js';
import type { RegionBucket, ReportPassage, TrendSeries } from '../../web/src/state/types.js';
import {
  exportApiParams, ordinalOfHash, passageHref, readConcordance, readSearch, readTrends, searchApiParams, searchForPoint,
  writeConcordance, writeSearch, writeTrends,
} from '../../web/src/state/url.js';

describe('URL ⇄ state', () => {
  it('round-trips the search state, leaving defaults out of the URL', () => {
    const p = new URLSearchParams('q=微信 公众号&year=2020&year=2019&region=64&section=problems&theme=wechat&level=township&sort=year_desc&page=3&collapse=1');
    const s = readSearch(p);
    assert.deepEqual(s, {
      q: '微信 公众号', sort: 'year_desc', page: 3, collapse: true,
      filters: { years: [2020, 2019], regions: ['64'], sections: ['problems'], themes: ['wechat'], levels: ['township'] },
    });
    assert.deepEqual(readSearch(writeSearch(s)), { ...s, filters: { ...s.filters, years: [2019, 2020] } });
    assert.equal(writeSearch(readSearch(new URLSearchParams(''))).toString(), '');
  });

  it('drops values that cannot be valid instead of sending them', () => {
    const s = readSearch(new URLSearchParams('year=abc&year=2019&region=123&region=640104&theme=Bad!&sort=nope&page=-2'));
    assert.deepEqual(s.filters.years, [2019]);
    assert.deepEqual(s.filters.regions, ['640104']);
    assert.deepEqual(s.filters.themes, []);
    assert.equal(s.sort, 'relevance');
    assert.equal(s.page, 1);
  });

  it('derives the API and export requests from the page state', () => {
    const s = readSearch(new URLSearchParams('q=微信&year=2019&page=2'));
    assert.equal(searchApiParams(s).toString(), new URLSearchParams('q=微信&year=2019&page=2&size=20&facets=true').toString());
    const e = exportApiParams(s, 'csv');
    assert.equal(e.get('format'), 'csv');
    assert.equal(e.get('page'), null, 'an export is not paged');
    assert.deepEqual(e.getAll('year'), ['2019']);
  });

  it('round-trips trends and concordance state', () => {
    const t = readTrends(new URLSearchParams('series=微信&series=theme:wechat&by=city&measure=share&year=2020'));
    assert.deepEqual(t.series, ['微信', 'theme:wechat']);
    assert.deepEqual(readTrends(writeTrends(t)), t);
    const c = readConcordance(new URLSearchParams('q=人员&sort=left&width=30'));
    assert.deepEqual(readConcordance(writeConcordance(c)), c);
  });

  it('turns a chart point into a search: a theme becomes a filter, a query stays the query', () => {
    const base = readSearch(new URLSearchParams('level=township')).filters;
    const byTheme = searchForPoint('theme:wechat', base, { year: 2019 });
    assert.equal(byTheme.q, '');
    assert.deepEqual(byTheme.filters.themes, ['wechat']);
    assert.deepEqual(byTheme.filters.years, [2019]);
    assert.deepEqual(byTheme.filters.levels, ['township']);
    const byQuery = searchForPoint('12345', base, { region: '6401' });
    assert.equal(byQuery.q, '12345');
    assert.deepEqual(byQuery.filters.regions, ['6401']);
  });

  it('links passages with the query and reads fragments back', () => {
    assert.equal(passageHref('0123456789abcdef', 12, '微信'), `/reports/0123456789abcdef?q=${encodeURIComponent('微信')}#p12`);
    assert.equal(passageHref('0123456789abcdef', 3), '/reports/0123456789abcdef#p3');
    assert.equal(ordinalOfHash('#p12'), 12);
    assert.equal(ordinalOfHash('#s3'), null);
  });
});

describe('client-side highlighting', () => {
  it('folds like the server: full-width ASCII and Latin case', () => {
    assert.equal(foldText('ＡＢｃ１２３４５　X'), 'abc12345 x');
    assert.equal(foldText('微信').length, 2);
  });

  it('cuts text into marked and plain pieces, never into markup', () => {
    const pieces = splitByTerms('<b>微信</b>公众号与微信群', ['微信']);
    assert.deepEqual(pieces, [
      { text: '<b>', mark: false }, { text: '微信', mark: true }, { text: '</b>公众号与', mark: false }, { text: '微信', mark: true }, { text: '群', mark: false },
    ]);
    assert.equal(pieces.map((p) => p.text).join(''), '<b>微信</b>公众号与微信群');
    // Overlapping terms merge into one mark; full-width text matches a half-width term.
    assert.deepEqual(splitByTerms('拨打１２３４５热线', ['12345', '345热线']), [
      { text: '拨打', mark: false }, { text: '１２３４５热线', mark: true },
    ]);
  });

  it('reads the positive words of a query', () => {
    assert.deepEqual(naiveTerms('微信 "政策 解读" -微博 section:problems OR 12345'), ['微信', '政策 解读', '12345']);
  });
});

describe('CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas, full-width ones too', () => {
    const line = (v: unknown) => toCsv(['x'], [[v]]).split('\r\n')[1];
    assert.equal(line('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(line('+1'), "'+1");
    assert.equal(line('-2'), "'-2");
    assert.equal(line('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(line('＝HYPERLINK(1)'), "'＝HYPERLINK(1)");
    assert.equal(line('＋1'), "'＋1");
    assert.equal(line('－1'), "'－1");
    assert.equal(line('＠SUM(A1)'), "'＠SUM(A1)");
    assert.equal(line('微信'), '微信');
    assert.equal(line(null), '');
  });

  it('writes what it parses back', () => {
    const rows = [['a,b', '引号"在内', '换行\n在内'], ['=1+1', '', '普通']];
    const parsed = parseCsv(toCsv(['x', 'y', 'z'], rows));
    assert.deepEqual(parsed, [['x', 'y', 'z'], ['a,b', '引号"在内', '换行\n在内'], ["'=1+1", '', '普通']]);
  });
});

describe('report layout', () => {
  const passage = (ordinal: number, section: ReportPassage['section'], text: string): ReportPassage => ({
    id: `p${ordinal}`, ordinal, section, text, start: 0, end: 0, themes: [],
    citation: { title: null, issuer: null, year: null, section, sectionLabel: section, heading: null, ordinal, text: '', gbt7714: '', plain: '' },
  });

  it('places passages under their sections, telling apart sections of the same type by their text', () => {
    const sections = [
      { type: 'overview' as const, heading: '一、概述', text: '一、概述\n甲段。' },
      { type: 'proactive' as const, heading: '(一)网站', text: '(一)网站\n乙段。' },
      { type: 'proactive' as const, heading: '(二)微信', text: '(二)微信\n丙段。\n丁段。' },
      { type: 'statistics' as const, heading: '统计表', text: '统计表\n指标\t数量\n主动公开\t12' },
    ];
    const { blocks, orphans } = layoutReport(sections, [passage(1, 'overview', '甲段。'), passage(2, 'proactive', '乙段。'), passage(3, 'proactive', '丙段。'), passage(4, 'proactive', '丁段。')]);
    assert.deepEqual(blocks.map((b) => b.passages.map((p) => p.ordinal)), [[1], [2], [3, 4], []]);
    assert.deepEqual(orphans, []);
    assert.equal(bodyOf(blocks[3]!), '指标\t数量\n主动公开\t12');
  });

  it('keeps passages no section takes', () => {
    const { orphans } = layoutReport([{ type: 'overview', heading: null, text: '' }], [passage(1, 'problems', '问题。')]);
    assert.deepEqual(orphans.map((p) => p.ordinal), [1]);
  });

  it('reads tab-separated and one-cell-a-line tables', () => {
    assert.deepEqual(textBlocks('说明文字。\n指标\t单位\t数量\n主动公开\t条\t135'), [
      { kind: 'para', text: '说明文字。' },
      { kind: 'table', rows: [['指标', '单位', '数量'], ['主动公开', '条', '135']] },
    ]);
    assert.deepEqual(textBlocks('\t统计指标\n\t单位\n\n\t(一)主动公开数\n(同一信息计1条)\n\t\n条\n\n\t一、回应解读'), [
      { kind: 'table', rows: [['统计指标', '单位'], ['(一)主动公开数 (同一信息计1条)', '条'], ['一、回应解读']] },
    ]);
  });
});

describe('trend tables', () => {
  const series = (points: Array<[string, number, number]>): TrendSeries => ({
    label: 'x', points: points.map(([key, reports, totalReports]) => ({ key, reports, passages: reports, totalReports, share: totalReports ? reports / totalReports : 0 })),
  });

  it('keeps every year on the axis, a year without reports as a gap', () => {
    assert.deepEqual(yearRange(['2019', '2017', '2020']), ['2017', '2018', '2019', '2020']);
    const t = trendTable([series([['2017', 1, 2], ['2019', 2, 4]])], 'share', 'year');
    assert.deepEqual(t.rows, [{ key: '2017', s0: 50 }, { key: '2018', s0: null }, { key: '2019', s0: 50 }]);
  });

  it('orders regions by reports and maps a `province/city` key to its code', () => {
    const t = trendTable([series([['甲省/乙市', 1, 1], ['甲省/丙市', 3, 3]])], 'reports', 'city');
    assert.deepEqual(t.rows.map((r) => r.key), ['甲省/丙市', '甲省/乙市']);
    const node = (value: string, label: string, level: RegionBucket['level'], children: RegionBucket[] = []): RegionBucket =>
      ({ value, label, level, children, count: 1, reports: 1, selected: false });
    const tree = [node('64', '宁夏回族自治区', 'province', [node('6401', '银川市', 'city')])];
    assert.equal(regionCodeOfKey(tree, '宁夏回族自治区/银川市'), '6401');
    assert.equal(regionCodeOfKey(tree, '宁夏回族自治区'), '64');
    assert.equal(regionCodeOfKey(tree, '河南省'), null);
  });
});

describe('the web bundle', () => {
  it('takes only types from services (import type), never their run-time code', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((e) => {
      const p = join(dir, e);
      return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(e) ? [p] : [];
    });
    // The exceptions: the CSV writer shared with the server, which imports nothing but
    // csv-stringify's browser build; and pure modules that import nothing at run time but each
    // other (how passages sit under sections, what an export says about itself, the version).
    const shared = new Set(['../../../services/core/csv.js', '../../../services/core/passage-sections.js',
      '../../../services/core/export-context.js', '../../../services/core/version.js',
      // the query lexer, so the box and the server read a query alike (it imports only its warnings)
      '../../../services/search/query/lexer.js']);
    for (const [pure, allowed] of [['lexer.ts', ['./warnings.js']], ['warnings.ts', []]] as const) {
      const source = readFileSync(join(ROOT, 'services', 'search', 'query', pure), 'utf8');
      for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gms)) {
        assert.ok(m[1] || (allowed as readonly string[]).includes(m[2]!), `services/search/query/${pure} imports run-time code from ${m[2]}`);
      }
    }
    for (const pure of ['passage-sections.ts', 'export-context.ts', 'version.ts']) {
      const source = readFileSync(join(ROOT, 'services', 'core', pure), 'utf8');
      for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gms)) {
        assert.ok(m[1] || m[2] === './version.js', `services/core/${pure} imports run-time code from ${m[2]}`);
      }
    }
    for (const file of files(join(ROOT, 'web', 'src'))) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gms)) {
        if (m[2]!.includes('services/') && !shared.has(m[2]!)) assert.ok(m[1], `${file} imports run-time code from ${m[2]}`);
      }
    }
    assert.doesNotMatch(readFileSync(join(ROOT, 'services', 'core', 'csv.ts'), 'utf8').replace(/^\/\/.*$/gm, ''),
      /from\s+['"](?!csv-stringify\/browser\/esm\/sync['"])/, 'services/core/csv.ts imports only csv-stringify\'s browser build');
  });
});
