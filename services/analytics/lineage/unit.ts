// Which unit (issuing body) a report belongs to, as a key that survives the ways a unit's
// name changes from year to year: 县 → 区 (撤县设区), the government's office issuing in the
// government's name (…人民政府办公室), the title naming the county before a township or not,
// the province or city written before the name, and a region the parser could not resolve
// for the new name. Same key: same unit.
import type { ReportSummary } from '../../search/types.js';

/** Who issued it rather than which body: the office of a government is the government. */
const BODY_SUFFIX = /(人民政府办公室|人民政府办公厅|政府办公室|政府办公厅|人民政府|政府|街道办事处|办事处|行政公署|管理委员会)$/;
/** A county's unit word (县, 区, 旗; not 市, which would join 吉安市 and 吉安县): where 县 and 区 trade places. */
const COUNTY_WORD = /^(.{1,8}?)(县|区|旗)(?=.|$)/;
const TOWNSHIP = /([^县区市旗州省]{1,12}?(?:乡|镇|街道|苏木))(?:人民政府|办事处|$)/;
/** An issuer that is a township's government whatever level the parser gave it. */
const TOWNSHIP_BODY = /(?:乡|镇|街道|苏木)(?:人民政府|办事处)(?:办公室)?$/;
const stem = (name: string) => name.replace(/(特区|林区|自治县|自治旗|县|区|市|旗|乡|镇|街道|苏木|地区|盟|州)$/, '');

function withoutPrefix(s: string, names: readonly (string | null)[]): string {
  let out = s;
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of names) {
      if (n && out.length > n.length && out.startsWith(n)) {
        out = out.slice(n.length);
        changed = true;
      }
    }
  }
  return out;
}

export interface UnitKey {
  /** The name part: equal for the same unit whatever the year's spelling. */
  name: string;
  /** The province when known: two units of the same name in different provinces stay apart. */
  province: string | null;
  /**
   * A township's county stem and township stem (岚|顺会): how a year whose region the parser
   * could not resolve (岚县 renamed 岚区 is in no gazetteer) finds the unit its other years have.
   */
  alias?: string;
}

/** A township's county stem | township stem, from the region or else from the issuer's words. */
function townAlias(r: Pick<ReportSummary, 'issuer' | 'region' | 'title'>): string {
  const issuer = (r.issuer ?? r.title ?? '').replace(/\s+/g, '');
  const town = r.region.township ?? TOWNSHIP.exec(issuer)?.[1] ?? issuer;
  const at = issuer.indexOf(town);
  const county = r.region.code && r.region.code.length === 9 && r.region.county ? r.region.county
    : at > 0 ? withoutPrefix(issuer.slice(0, at), [r.region.province, r.region.city]) : (r.region.county ?? '');
  return `${stem(county)}|${stem(town)}`;
}

export function unitKey(r: Pick<ReportSummary, 'issuer' | 'level' | 'region' | 'title'>): UnitKey {
  const { region } = r;
  const province = region.province;
  const issuer = (r.issuer ?? r.title ?? '').replace(/\s+/g, '');
  const townInIssuer = TOWNSHIP_BODY.exec(issuer);
  if (r.level === 'township' || (!r.issuer && region.township) || townInIssuer) {
    // A township is its code when the gazetteer resolved it (names repeat across counties).
    if (region.code && region.code.length === 9) return { name: `T${region.code}`, province, alias: townAlias(r) };
    return { name: `T${townAlias(r)}`, province, alias: townAlias(r) };
  }
  // The body word first: 吉安市人民政府 keeps 吉安市 (the name is never stripped to nothing).
  const rest = withoutPrefix(issuer.replace(BODY_SUFFIX, ''), [province, region.city]);
  // 赞皇县市场监督管理局 and 赞皇区市场监督管理局: the county word is a placeholder.
  const m = COUNTY_WORD.exec(rest);
  const name = m ? `${m[1]}#${rest.slice(m[0].length)}` : rest;
  return { name: `U${name}`, province };
}
