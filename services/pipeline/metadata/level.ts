// The issuer's level: a government takes the level of the place it governs (a county-level
// city's is county, a 直辖市's province); any other organ (局, 委员会, 办公室, 中心…) is a department.
import type { Level } from '../../core/schema.js';
import type { PlaceLevel } from './gazetteer.js';

const GOVERNMENT = /^(?:人民政府|政府|行政公署|行署)?$/;
const SUBDISTRICT_OFFICE = /^(?:街道)?办事处$/;

// A government's general office, which often compiles the whole government's report.
const GENERAL_OFFICE = /^(?:人民政府|政府|行政公署|行署)(?:办公室|办公厅)$|^政府办$/;
const SPEAKS_AS_OFFICE = /(?:我|本)(?:办|厅)(?![\u4e00-\u9fff]?(?:理|法|事|公开|学))/;
const SPEAKS_FOR_PLACE = /(?:全|我)(?:省|市|县|区|州|旗|盟|乡|镇)/g;

/**
 * Whether a general office's report speaks for its whole government (全县…, 我市…) rather
 * than for the office itself (我办…): then it is filed under the government's level.
 */
export function speaksForGovernment(organ: string, body: string): boolean {
  if (!GENERAL_OFFICE.test(organ)) return false;
  const opening = body.slice(0, 3000);
  if (SPEAKS_AS_OFFICE.test(opening)) return false;
  return (opening.match(SPEAKS_FOR_PLACE)?.length ?? 0) >= 2;
}

export function levelOf(organ: string, placeLevel: PlaceLevel | null, hasIssuer: boolean, prefix = '', zone?: string, forGovernment = false): Level {
  if (!hasIssuer) return 'unknown';
  if (forGovernment && placeLevel) return placeLevel;
  // A zone's committee (管委会) and its offices are departments: a zone has no government.
  if (zone) return 'department';
  // 国家税务总局彭阳县税务局: an organ named before its place.
  if (prefix) return 'department';
  if (SUBDISTRICT_OFFICE.test(organ)) return 'township';
  if (GOVERNMENT.test(organ)) return placeLevel ?? 'unknown';
  return 'department';
}
