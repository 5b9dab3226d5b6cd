import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findRegions, gazetteer, placeMentions, regionPath } from '../../services/pipeline/metadata/gazetteer.js';

// Load time is measured by the benchmarks, not asserted here.
test('loads once and holds every township', () => {
  const g = gazetteer();
  assert.equal(gazetteer(), g);
  assert.ok(g.townCodes.length > 40_000);
});

test('findRegions by official name, by short form, and by code', () => {
  assert.deepEqual(findRegions('宁夏'), [{ province: '宁夏回族自治区', city: null, county: null, township: null, code: '640000', level: 'province' }]);
  assert.deepEqual(findRegions('彭阳').map((r) => r.code), ['640425']);
  assert.deepEqual(findRegions('彭阳县').map((r) => r.code), ['640425']);
  assert.deepEqual(findRegions('640121'), [{ province: '宁夏回族自治区', city: '银川市', county: '永宁县', township: null, code: '640121', level: 'county' }]);
  assert.deepEqual(findRegions('银川').map((r) => r.code), ['640100']);
  assert.deepEqual(findRegions('石柱县').map((r) => r.county), ['石柱土家族自治县']);
  assert.deepEqual(findRegions('恩施州').map((r) => r.city), ['恩施土家族苗族自治州']);
  assert.deepEqual(findRegions('不存在的地方'), []);
  assert.deepEqual(findRegions(''), []);
});

test('a repeated township name gives every place; a run of names gives one', () => {
  const all = findRegions('胜利乡');
  assert.equal(all.length, 6);
  assert.ok(all.every((r) => r.township === '胜利乡' && r.code.length === 9));
  assert.deepEqual(findRegions('永宁县胜利乡'), [{ province: '宁夏回族自治区', city: '银川市', county: '永宁县', township: '胜利乡', code: '640121200', level: 'township' }]);
  assert.deepEqual(findRegions('宁夏 永宁 胜利乡').map((r) => r.code), ['640121200']);
  assert.ok(findRegions('胜利').some((r) => r.code === '640121200'), 'suffix-less township');
});

test('直辖市 and 省直辖 counties have no city, never 市辖区', () => {
  const [dongcheng] = findRegions('北京市东城区');
  assert.deepEqual(dongcheng, { province: '北京市', city: null, county: '东城区', township: null, code: '110101', level: 'county' });
  assert.equal(findRegions('北京').length, 1);
  assert.deepEqual(findRegions('市辖区'), []);
  assert.equal(regionPath('500240')?.city, null); // under 重庆's 县 container
  assert.equal(regionPath('419001')?.city, null); // 济源: 省直辖县级行政区划
});

test('regionPath takes every common form of a code', () => {
  assert.equal(regionPath('64')?.province, '宁夏回族自治区');
  assert.equal(regionPath('640000')?.level, 'province');
  assert.equal(regionPath('6401')?.code, '640100');
  assert.equal(regionPath('640100')?.city, '银川市');
  assert.equal(regionPath('640121200')?.township, '胜利乡');
  assert.equal(regionPath('640121200201')?.township, '胜利乡'); // a village code
  assert.equal(regionPath('999999'), null);
  assert.equal(regionPath('abc'), null);
});

test('placeMentions finds the longest official names, once each', () => {
  const text = '根据宁夏回族自治区和银川市永宁县的要求，在彭阳县人民政府网站公开';
  const names = placeMentions(text).map((m) => text.slice(m.start, m.end));
  assert.deepEqual(names, ['宁夏回族自治区', '银川市', '永宁县', '彭阳县']);
});
