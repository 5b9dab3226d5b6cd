// Where a report comes from: the places its issuer names, resolved against the gazetteer
// down to the township. The issuer's own words decide first (永宁县胜利乡); when they leave a
// choice (six 胜利乡, a county-less 交岔乡) the body's mentions of counties, cities and
// provinces decide, and a misspelt township is looked for only under the county so found.
import type { Region } from '../../core/schema.js';
import {
  ADMIN_SUFFIX, ancestorsOf, childrenOf, contains, gazetteer, matchChain, pathOf, placeMentions, placesFolded, placesNamed,
  type ChainLink, type Mention, type Place, type PlaceLevel,
} from './gazetteer.js';
import { contactClues, type ContactClues } from './contact-codes.js';
import { renameNote } from './renames.js';
import zonesFile from './zones.json' with { type: 'json' };
import { closeness, type Closeness } from './variants.js';
import { byAddress, hostLabels } from './web-address.js';

/** An issuer's name read as places and an organ: 夏邑县 › (桑垌乡, not in the gazetteer) › 人民政府. */
export interface IssuerReading {
  /** Words before the first place, when the name starts with an organ (国家税务总局). */
  prefix: string;
  links: ChainLink[];
  /** A place-like word the gazetteer does not know as written (a variant or typo, or a new name). */
  unknown: string | null;
  /** Unknown place-like words read past because known places follow (彭杨县 in 彭杨县交岔乡). */
  skipped: string[];
  /** What follows the places: 人民政府, 教育局, 办事处, or ''. */
  organ: string;
  /** A zone outside GB/T 2260 the issuer belongs to (两江新区, 空港新区), read after its host places. */
  zone?: string;
}

const TOWNSHIP_WORD = /(?:民族乡|乡|镇|街道|苏木)$/;
// A place-like word: a few characters up to the first administrative suffix.
const PLACE_WORD = /^[\u4e00-\u9fff]{2,10}?(?:民族乡|乡|镇|街道|苏木|县|区|市|旗)/;
const GOVERNMENT = /^(?:人民政府|政府|行政公署|办事处|$)/;
/** A department's name opening with a place the gazetteer lacks as written (黑彧江省商务厅): what may be a misspelling. */
const MISSPELT_HEAD = /^[\u4e00-\u9fff]{2,10}?(?:民族乡|乡|镇|街道|苏木|县|区|市|旗|自治区|省)/;

// A zone with a committee (管委会) rather than a government: new areas, demonstration and development zones.
const ZONE_WORD = /^[\u4e00-\u9fff]{2,8}?(?:新区|示范区|高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|综合实验区|试验区|保税区)/;

export function readIssuer(issuer: string): IssuerReading {
  let { links, rest } = matchChain(issuer);
  // A zone the gazetteer lists (合肥高新技术产业开发区) is read as a place like any other.
  const zone = ZONE_SUFFIX.test(rest) ? readZone(issuer) : null;
  if (zone) return zone;
  // An organ may come first (国家税务总局彭阳县税务局): then the first place named after it.
  let prefix = '';
  for (let at = 1; !links.length && at < issuer.length - 1; at++) {
    const later = matchChain(issuer.slice(at));
    if (!later.links[0] || !ADMIN_SUFFIX.test(later.links[0].text)) continue;
    ({ links, rest } = later);
    prefix = issuer.slice(0, at);
  }
  const skipped: string[] = [];
  let word = rest.match(PLACE_WORD)?.[0];
  if (word && !GOVERNMENT.test(rest.slice(word.length))) {
    const after = matchChain(rest.slice(word.length));
    if (after.links.length) {
      skipped.push(word);
      links = [...links, ...after.links];
      rest = after.rest;
      word = rest.match(PLACE_WORD)?.[0];
    }
  }
  // A word that is followed by the government (桑垌乡人民政府) or ends the name is a place;
  // before a department's name (市场监督管理局) it is taken only if the gazetteer comes close.
  if (word && (GOVERNMENT.test(rest.slice(word.length)) || placesFolded(word).length)) {
    return { prefix, links, unknown: word, skipped, organ: rest.slice(word.length) };
  }
  return { prefix, links, unknown: null, skipped, organ: rest };
}

/**
 * 重庆两江新区管理委员会, 温州空港新区管委会: the host places the name starts with (as many
 * as read whole), then a zone the gazetteer does not list; null when the name is no zone's.
 */
const ZONE_SUFFIX = /(?:新区|示范区|开发区|高新区|经开区|试验区|保税区)/;

// A zone's kind with no name of its own: 经济技术开发区, 高新技术产业开发区, 高新区.
const GENERIC_ZONE = /^(?:国家级)?(?:经济技术|高新技术产业|高新技术|经济|技术|工业|高新|综合)?(?:开发区|新区|高新区|经开区|园区|示范区|试验区|保税区|综合保税区)$/;

function readZone(issuer: string): IssuerReading | null {
  for (let at = Math.min(issuer.length - 2, 12); at >= 0; at--) {
    const host = matchChain(issuer.slice(0, at));
    if (host.rest) continue;
    const word = issuer.slice(at).match(ZONE_WORD)?.[0];
    if (!word || matchChain(word).rest === '') continue;
    // 长沙经济技术开发区: a zone called only by its kind keeps the host words it is named with.
    const zone = GENERIC_ZONE.test(word) ? issuer.slice(0, at) + word : word;
    return { prefix: '', links: host.links, unknown: null, skipped: [], organ: issuer.slice(at + word.length), zone };
  }
  return null;
}

const levelOfWord = (word: string): PlaceLevel => (TOWNSHIP_WORD.test(word) ? 'township' : /市$/.test(word) ? 'city' : 'county');

/** The level of the most specific place the issuer names, resolved or not. */
export function placeLevelOf(reading: IssuerReading, place: Place | null): PlaceLevel | null {
  if (reading.unknown) return levelOfWord(reading.unknown);
  return place?.level ?? reading.links.at(-1)?.places[0]?.level ?? null;
}

export interface RegionResult {
  region: Region;
  /** The place resolved; null when none is, or the name is ambiguous. */
  place: Place | null;
  warnings: string[];
}

const NO_REGION: Region = { province: null, city: null, county: null, township: null, code: null };
const PARENT_LEVEL: Record<PlaceLevel, PlaceLevel | null> = { township: 'county', county: 'city', city: 'province', province: null };

export function resolveRegion(reading: IssuerReading, body: string): RegionResult {
  const first = resolveOnce(reading, body);
  if (first.place && !first.unresolved) return first;
  // A slip of the pen (口湾乡 in the title, 口安市乡村振兴局) while the text spells the place
  // right elsewhere: the issuer read again with the text's spelling.
  const word = reading.unknown ?? (reading.links.length ? null : reading.organ.match(MISSPELT_HEAD)?.[0]);
  const right = word ? new Evidence(body).spelledRight(word) : null;
  if (!word || !right) return first;
  const issuer = reading.prefix + reading.links.map((l) => l.text).join('') + (reading.unknown ?? '') + reading.organ;
  const again = resolveOnce(readIssuer(issuer.replace(word, right)), body);
  const depth = (r: Region) => [r.province, r.city, r.county, r.township].filter((x) => x !== null).length;
  if (again.unresolved || depth(again.region) <= depth(first.region)) return first;
  return { region: again.region, place: again.place, warnings: [`${word} read as ${right}, which the text names`, ...again.warnings] };
}

/** The region, and whether the issuer's place-like word was left unresolved (the region is then its parent's, or none). */
function resolveOnce(reading: IssuerReading, body: string): RegionResult & { unresolved?: boolean } {
  const warnings = reading.skipped.map((w) => `${w} not found in the gazetteer; read past it`);
  for (const link of reading.links) {
    const note = renameNote(link.text);
    if (note) warnings.push(`${note}; read as its successor`);
  }
  const evidence = new Evidence(body);
  if (reading.zone) return resolveZone(reading, reading.zone, evidence, warnings);
  if (!reading.links.length && !reading.unknown) {
    const home = provinceBody(reading.organ, evidence) ?? localBody(reading.organ, evidence);
    if (home) {
      warnings.push(`${reading.organ} read as a body of ${home.name}, the place the text names most`);
      return { region: regionOf(home), place: home, warnings };
    }
  }
  const deepest = reading.links.at(-1);
  let place: Place | null = null;
  if (deepest) {
    place = placeOfLink(deepest, reading, evidence, warnings);
    if (!place) {
      // Ambiguous: keep what all the candidates share (often the province), and the name.
      const shared = commonAncestor(deepest.places);
      const region = shared ? regionOf(shared) : { ...NO_REGION };
      const level = deepest.places[0]!.level;
      if (level === 'township' || level === 'county') region[level] = deepest.text;
      return { region, place: null, warnings };
    }
  }
  const found = reading.unknown ? placeOfUnknown(reading.unknown, place, evidence, warnings) : null;
  const unresolved = reading.unknown !== null && !found;
  place = found ?? place;
  if (!place) {
    if (!reading.unknown) warnings.push('region not found: the issuer names no place the gazetteer knows');
    return { region: { ...NO_REGION }, place: null, warnings, unresolved };
  }
  return { region: regionOf(place), place, warnings, unresolved };
}

/**
 * The place a name stands for: the only one, or the one whose county, city and province
 * the body names most. A lone township the body places in a county where it is not is
 * taken to be that county's township one character away (a variant spelling).
 */
function placeOfLink(link: ChainLink, reading: IssuerReading, evidence: Evidence, warnings: string[]): Place | null {
  const scored = link.places.length === 1 ? [] : link.places.map((p) => ({ p, score: evidence.score(p) })).sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  let place = link.places.length === 1 ? link.places[0]! : best && best.score > (next?.score ?? 0) ? best.p : null;
  if (!place && link.places.length > 1) {
    const tied = scored.filter((c) => c.score === best!.score).map((c) => c.p);
    // How the text names the governments above (省、县: no city between; 县委、县政府: a 县).
    const byHierarchy = evidence.byHierarchy(tied);
    if (byHierarchy) {
      warnings.push(`${link.text} is ${link.places.length} places; chose the one in ${whereIs(byHierarchy)} by how the text names the governments above it`);
      return byHierarchy;
    }
    // The page's web address, where the text writes it (tjhp.gov.cn, dingan.hainan.gov.cn).
    const addressed = byAddress(tied, evidence.hostLabels);
    if (addressed) {
      warnings.push(`${link.text} is ${link.places.length} places; chose the one in ${whereIs(addressed)} by the web address the text gives`);
      return addressed;
    }
    // Last clue: the postcode's province, the phone number's area code.
    const byContact = evidence.byContact(tied);
    if (byContact) {
      warnings.push(`${link.text} is ${link.places.length} places; chose the one in ${whereIs(byContact)} by the postcode or phone area code`);
      return byContact;
    }
  }
  const lone = reading.links.length === 1 && !reading.unknown && link.places[0]!.level === 'township';
  if (lone && !(place && evidence.score(place) > 0)) {
    const counties = evidence.ranked('county', 2).filter((c) => !place || !contains(c, place));
    const respelt = findTolerant(link.text, counties);
    if (respelt && respelt.kind !== 'exact') {
      warnings.push(`township ${link.text} matched gazetteer ${respelt.place.name} in ${respelt.place.parent?.name} (${respelt.kind})`);
      return respelt.place;
    }
  }
  if (!place) warnings.push(`${link.text} is ${link.places.length} places and the text does not say which`);
  else if (link.places.length > 1) warnings.push(`${link.text} is ${link.places.length} places; chose the one in ${whereIs(place)} from the places the text names`);
  return place;
}

/** A place-like word the gazetteer lacks as written, looked for close by (under `parent`, else under what the body names). */
function placeOfUnknown(word: string, parent: Place | null, evidence: Evidence, warnings: string[]): Place | null {
  const above = PARENT_LEVEL[levelOfWord(word)];
  const parents = parent ? [parent] : above ? evidence.ranked(above, 1) : [];
  const found = findTolerant(word, parents) ?? uniqueFolded(word, parent);
  if (found) {
    const renamed = suffixChanged(word, found.place.name);
    warnings.push(renamed
      ? `${word} is now ${found.place.name} (renamed: ${renamed}; the gazetteer has the current name only)`
      : `${found.place.level} ${word} matched gazetteer ${found.place.name} (${found.kind})`);
    return found.place;
  }
  // Redistricting moves townships between a city's counties: the name elsewhere in the city.
  const moved = parent?.level === 'county' && parent.parent ? uniqueFolded(word, parent.parent) : null;
  if (moved) {
    warnings.push(`${word} is not under ${parent!.name} in the gazetteer; matched ${moved.place.name} in ${moved.place.parent?.name}`);
    return moved.place;
  }
  warnings.push(`${word} not found in the gazetteer${parent ? ` under ${parent.name}` : ''}`);
  return null;
}

const ZONES: { name: string; province: string; city: string | null }[] = zonesFile.zones;

/**
 * A zone outside GB/T 2260: its province and host city from the places its name starts with,
 * else from zones.json, else from the city the text names most; filed under the one county
 * of that city the text names, else under the zone's own name.
 */
function resolveZone(reading: IssuerReading, zone: string, evidence: Evidence, warnings: string[]): RegionResult {
  const deepest = reading.links.at(-1);
  let host: Place | null = deepest ? placeOfLink(deepest, reading, evidence, warnings) : null;
  // Many development zones are township-level rows of the gazetteer, under the county that hosts them.
  const hostText = reading.links.map((l) => l.text).join('');
  const rows = [...new Set([hostText + zone, zone])].map((name) => placesNamed(name).filter((p) => p.level === 'township' && (!host || contains(host, p))));
  const row = rows.find((r) => r.length === 1)?.[0];
  if (row?.parent) {
    warnings.push(`zone ${zone} is a unit of ${row.parent.name} in the gazetteer (${row.name}); filed under that county`);
    return { region: regionOf(row.parent), place: row.parent, warnings };
  }
  const listed = ZONES.find((z) => zone.endsWith(z.name) || z.name.endsWith(zone));
  if (!host && listed) host = findRegionPlace(listed.city ?? listed.province, listed.province);
  if (!host) host = evidence.ranked('city', 2)[0] ?? null;
  if (!host) {
    // The web address the text gives may spell the host city (yynanhu.yueyang.gov.cn).
    host = byAddress(cities(), evidence.hostLabels, [zone]);
    if (host) warnings.push(`zone ${zone}: host ${host.name} taken from the web address the text gives`);
  }
  if (!host) {
    warnings.push(`zone ${zone} is not in the gazetteer and the text names no place hosting it`);
    return { region: { ...NO_REGION, county: zone }, place: null, warnings };
  }
  if (host.level === 'city' || host.level === 'province') {
    const counties = evidence.ranked('county', 1).filter((c) => contains(host!, c));
    if (counties.length === 1) {
      warnings.push(`zone ${zone} filed under ${counties[0]!.name}, the one county of ${host.name} the text names`);
      return { region: regionOf(counties[0]!), place: counties[0]!, warnings };
    }
  }
  warnings.push(`zone ${zone} is not in the gazetteer: filed under ${host.name} with the zone's name`);
  const region = regionOf(host);
  if (host.level !== 'county' && host.level !== 'township') region.county = zone;
  return { region, place: host, warnings };
}

let allCities: Place[] | undefined;
/** Every prefecture-level city (not the 直辖市 containers). */
const cities = (): Place[] => (allCities ??= [...gazetteer().byCode.values()].filter((p) => p.level === 'city' && pathOf(p).city !== null));

function findRegionPlace(name: string, province: string): Place | null {
  const { links, rest } = matchChain(name);
  const place = rest ? undefined : links.at(-1)?.places.find((p) => pathOf(p).province === province);
  return place ?? null;
}

// 自治区北部湾办, 省商务厅: a province-level body named without its province.
const PROVINCE_BODY = /^(?:省|自治区)[\u4e00-\u9fff]{1,16}(?:厅|办|局|委|委员会|办公室|中心)$/;

/** The province a province-level body belongs to: the one the text names most, of the kind the name says. */
function provinceBody(organ: string, evidence: Evidence): Place | null {
  if (!PROVINCE_BODY.test(organ)) return null;
  const autonomous = organ.startsWith('自治区');
  const named = evidence.ranked('province', 1).filter((p) => (autonomous ? /自治区$/.test(p.name) : /省$/.test(p.name)));
  return named[0] ?? null;
}

// The changes of grade a name shows only in its suffix: 乡 → 镇, 镇 → 街道, 县 → 市 or 区.
const GRADE_SUFFIX = /(?:民族乡|乡|镇|街道|县|市|区)$/;

/** `乡→镇` when the two names differ only in a grade suffix, else null. */
function suffixChanged(written: string, official: string): string | null {
  const a = written.match(GRADE_SUFFIX)?.[0];
  const b = official.match(GRADE_SUFFIX)?.[0];
  if (!a || !b || a === b || written.slice(0, -a.length) !== official.slice(0, -b.length)) return null;
  return `${a}→${b}`;
}

// 市教育局, 县民政局, 区政府办公室: a city's or county's body named without its place.
const LOCAL_BODY = /^(市|县|区)(?:人民政府|政府)?[\u4e00-\u9fff]{0,14}(?:局|委|委员会|办|办公室|中心|厅)$/;

/** The city or county a body named `市…局` belongs to: the one of that kind the text names most, twice at least. */
function localBody(organ: string, evidence: Evidence): Place | null {
  const kind = organ.match(LOCAL_BODY)?.[1];
  if (!kind) return null;
  const named = kind === '市'
    ? [...evidence.ranked('city', 2), ...evidence.ranked('county', 2).filter((p) => p.name.endsWith('市'))]
    : evidence.ranked('county', 2).filter((p) => p.name.endsWith(kind));
  return named[0] ?? null;
}

function regionOf(place: Place): Region {
  const { province, city, county, township, code } = pathOf(place);
  return { province, city, county, township, code };
}

function whereIs(place: Place): string {
  const { province, city, county } = pathOf(place);
  return [...new Set([province, city, county])].filter((n) => n && n !== place.name).join('');
}

// 省、县关于…的要求, 自治区、县两级: the governments above named with no city between.
const PROVINCE_THEN_COUNTY = /(?:省|自治区)(?:委|政府)?、(?:县|旗)(?!市)/;

// Body text beyond this adds little evidence and only costs time.
const EVIDENCE_CHARS = 30_000;
const WEIGHT: Record<PlaceLevel, number> = { township: 0, county: 3, city: 2, province: 1 };
// A county written right before the township's name (彭阳县交岔乡) is worth many loose mentions.
const ADJACENT_BONUS = 10;

/** What the body says about where it is: its mentions of provinces, cities and counties, read only if asked. */
class Evidence {
  #mentions: Mention[] | undefined;
  #clues: ContactClues | undefined;
  #labels: string[] | undefined;
  constructor(private readonly body: string) {}

  /** The place-naming labels of the web addresses the text writes. */
  get hostLabels(): string[] {
    return (this.#labels ??= hostLabels(this.body));
  }

  get mentions(): Mention[] {
    return (this.#mentions ??= placeMentions(this.body.slice(0, EVIDENCE_CHARS)));
  }

  /**
   * How the text spells a name it misspells once: of the names of the same length and grade
   * it writes one edit (or a variant character) from `word` that the gazetteer knows at that
   * grade, the one written most; null when none, or two are written as often. Townships are
   * not in the text scan (placeMentions), so the text is read here, by the grade's last character.
   */
  spelledRight(word: string): string | null {
    const level: PlaceLevel = /(?:省|自治区)$/.test(word) ? 'province' : levelOfWord(word);
    const text = this.body.slice(0, EVIDENCE_CHARS);
    const counts = new Map<string, number>();
    const last = word.at(-1)!;
    for (let at = text.indexOf(last, word.length - 1); at >= 0; at = text.indexOf(last, at + 1)) {
      const name = text.slice(at - word.length + 1, at + 1);
      if (name === word || !closeness(word, name)) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    // A 市 may be a city or a county-level city.
    const fits = (p: Place) => p.level === level || (level === 'city' && p.level === 'county');
    const known = [...counts].filter(([name]) => placesNamed(name).some(fits)).sort((a, b) => b[1] - a[1]);
    if (!known.length || (known[1] && known[1][1] === known[0]![1])) return null;
    return known[0]![0];
  }

  /** How much the body points at `place`: mentions of what contains it, weighted by level. */
  score(place: Place): number {
    let score = 0;
    for (const m of this.mentions) {
      const ancestor = m.places.find((p) => contains(p, place));
      if (!ancestor) continue;
      score += WEIGHT[ancestor.level] / m.places.length;
      if (this.body.startsWith(place.name, m.end)) score += ADJACENT_BONUS;
    }
    return score;
  }

  /**
   * The one of `candidates` that fits how the text names the governments above the issuer:
   * `省、县` (or 自治区、县) with no city between is a county directly under its province
   * (Hainan's, 湖北's 仙桃), and 区委/区政府 with no 县委/县政府 says the county is a 区. Not the
   * reverse: a 县 of the report's year may be a 区 or 市 of the gazetteer's (平安县 → 平安区),
   * while a 区 does not become a 县. Null unless exactly one candidate fits.
   */
  byHierarchy(candidates: Place[]): Place | null {
    const text = this.body.slice(0, EVIDENCE_CHARS);
    let pool = candidates;
    const governments = (kind: string) => (text.match(new RegExp(`(?<!自治)${kind}(?:委|政府|人民政府)`, 'g')) ?? []).length;
    if (governments('区') && !governments('县')) {
      const fit = pool.filter((p) => (pathOf(p).county ?? '').endsWith('区'));
      if (fit.length) pool = fit;
    }
    if (PROVINCE_THEN_COUNTY.test(text)) {
      const fit = pool.filter((p) => pathOf(p).city === null && /(?:省|自治区)$/.test(pathOf(p).province ?? ''));
      if (fit.length) pool = fit;
    }
    return pool.length === 1 && pool.length < candidates.length ? pool[0]! : null;
  }

  /** The one of `candidates` the contact line's postcode or area code points at, if exactly one. */
  byContact(candidates: Place[]): Place | null {
    const clues = (this.#clues ??= contactClues(this.body.slice(0, EVIDENCE_CHARS)));
    for (const fits of [
      (p: Place) => {
        const { province, city, county } = pathOf(p);
        return clues.areaPlaces.includes(city ?? '') || clues.areaPlaces.includes(county ?? '')
          || (city === null && clues.areaProvinces.includes(province ?? ''));
      },
      (p: Place) => clues.provinces.includes(pathOf(p).province ?? ''),
    ]) {
      const hits = candidates.filter(fits);
      if (hits.length === 1) return hits[0]!;
    }
    return null;
  }

  /** The places of a level the body names at least `min` times, most named first. */
  ranked(level: PlaceLevel, min: number): Place[] {
    const counts = new Map<Place, number>();
    for (const m of this.mentions) {
      for (const p of m.places) if (p.level === level) counts.set(p, (counts.get(p) ?? 0) + 1 / m.places.length);
    }
    return [...counts].filter(([, n]) => n >= min).sort((a, b) => b[1] - a[1]).map(([p]) => p);
  }
}

const RANK: Record<Closeness, number> = { exact: 0, variant: 1, typo: 2 };
// How many candidate parents to search, and how deep below each.
const MAX_PARENTS = 3;

/** The places at `level` under `parent`, at most two levels down (a city's townships). */
function descendantsAt(parent: Place, level: PlaceLevel): Place[] {
  const children = childrenOf(parent);
  if (children.some((c) => c.level === level)) return children;
  return parent.level === 'city' && level === 'township' ? children.flatMap(childrenOf) : [];
}

/**
 * A written name matched among the places under `parents` (tried in order): equal,
 * equal up to variant characters, or one edit away, and unique at the best closeness.
 * Only ever a county's townships or a city's counties: one character is little evidence
 * among 41k names, but a lot among twenty.
 */
function findTolerant(written: string, parents: Place[]): { place: Place; kind: Closeness } | null {
  const level = levelOfWord(written);
  for (const parent of parents.slice(0, MAX_PARENTS)) {
    const pool = level === 'city' ? [...descendantsAt(parent, 'city'), ...descendantsAt(parent, 'county')] : descendantsAt(parent, level);
    let best: { place: Place; kind: Closeness; rank: number }[] = [];
    for (const place of pool) {
      const kind = closeness(written, place.name);
      if (!kind) continue;
      // A changed grade (白阳乡 → 白阳镇) is nearer than any other one-character difference.
      const rank = kind === 'typo' && suffixChanged(written, place.name) ? 1.5 : RANK[kind];
      if (!best.length || rank < best[0]!.rank) best = [{ place, kind, rank }];
      else if (rank === best[0]!.rank) best.push({ place, kind, rank });
    }
    if (best.length === 1) return best[0]!;
  }
  return null;
}

/** A variant spelling that folds onto exactly one place in the country (or under `within`). */
function uniqueFolded(written: string, within: Place | null): { place: Place; kind: Closeness } | null {
  const hits = placesFolded(written).filter((p) => !within || contains(within, p));
  return hits.length === 1 ? { place: hits[0]!, kind: 'variant' } : null;
}

function commonAncestor(places: Place[]): Place | null {
  const [first, ...others] = places;
  if (!first) return null;
  return ancestorsOf(first).find((a) => others.every((p) => contains(a, p))) ?? null;
}
