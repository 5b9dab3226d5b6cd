// The issuer's level: a government takes the level of the place it governs (a county-level
// city's is county, a 直辖市's province); any other organ (局, 委员会, 办公室, 中心…) is a department.
import type { Level } from '../../core/schema.js';
import type { PlaceLevel } from './gazetteer.js';

const GOVERNMENT = /^(?:人民政府|政府|行政公署|行署)?$/;
const SUBDISTRICT_OFFICE = /^(?:街道)?办事处$/;

export function levelOf(organ: string, placeLevel: PlaceLevel | null, hasIssuer: boolean, prefix = '', zone?: string): Level {
  if (!hasIssuer) return 'unknown';
  // A zone's committee (管委会) and its offices are departments: a zone has no government.
  if (zone) return 'department';
  // 国家税务总局彭阳县税务局: an organ named before its place.
  if (prefix) return 'department';
  if (SUBDISTRICT_OFFICE.test(organ)) return 'township';
  if (GOVERNMENT.test(organ)) return placeLevel ?? 'unknown';
  return 'department';
}
