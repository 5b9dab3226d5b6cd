// GB/T 2260 codes come as 6 digits for every level above township (640000 a province,
// 640100 a city, 640121 a county) and 9 for a township. Indexes and filters use the
// unambiguous prefix form instead: 64, 6401, 640121, 640121200.

/** The region filter value of 地区未识别 (reports whose place is not known): no GB/T 2260 province is 00. */
export const UNKNOWN_REGION = '00';

export interface LevelCodes { province: string | null; city: string | null; county: string | null; township: string | null }

/** The prefix code of the most specific level a code names. */
export function prefixCode(code: string): string {
  if (/^\d{6}$/.test(code)) {
    if (code.endsWith('0000')) return code.slice(0, 2);
    if (code.endsWith('00')) return code.slice(0, 4);
  }
  return code;
}

/** The prefix codes of every level a region code lies in. */
export function levelCodes(code: string | null): LevelCodes {
  if (!code) return { province: null, city: null, county: null, township: null };
  const c = prefixCode(code);
  return {
    province: c.slice(0, 2),
    city: c.length >= 4 ? c.slice(0, 4) : null,
    county: c.length >= 6 ? c.slice(0, 6) : null,
    township: c.length >= 9 ? c : null,
  };
}
