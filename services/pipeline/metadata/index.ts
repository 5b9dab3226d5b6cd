// Metadata of a report from its clean text: title, year, issuer, level, template, region.
// Each concern has its module; this one only decides where the issuer is read from.
import type { ParsedReport } from '../../core/schema.js';
import { formatOf } from './format.js';
import { levelOf, speaksForGovernment } from './level.js';
import { placeLevelOf, readIssuer, resolveRegion, type IssuerReading } from './region.js';
import { metaIssuers } from './furniture.js';
import { baseName, departmentInBody, findTitle, issuerInBody, issuerName, issuerText } from './title.js';
import { yearOf } from './year.js';

export type ReportMetadata = Pick<ParsedReport, 'title' | 'year' | 'issuer' | 'level' | 'format' | 'region' | 'warnings'>;

/**
 * `hints.original`: the text as read, before normalize joined its lines; a saved page's
 * furniture and title are lines there (normalize may run a 发布机构 cell into the title).
 */
export function extractMetadata(clean: string, hints: { fileName?: string; original?: string; address?: string } = {}): ReportMetadata {
  const warnings: string[] = [];
  const title = findTitle(hints.original ? halfWidth(hints.original) : clean, hints.fileName) ?? (hints.original ? findTitle(clean) : null);
  if (!title) warnings.push('no title found');

  const { words, reading } = issuerOf(title, clean, hints.fileName, warnings);
  // The page's address, when the reader found one, is read as if the text wrote it at its end.
  const { region, place, warnings: regionWarnings } = resolveRegion(reading, hints.address ? `${clean}\n${hints.address}` : clean);
  const year = yearOf(title, clean);
  const format = formatOf(clean, year.year);
  return {
    title,
    year: year.year,
    issuer: issuerName(words, reading, place),
    level: levelOf(reading.organ, placeLevelOf(reading, place), words !== '', reading.prefix, reading.zone, speaksForGovernment(reading.organ, clean)),
    format: format.format,
    region,
    warnings: [...warnings, ...year.warnings, ...format.warnings, ...regionWarnings],
  };
}

/**
 * The title's organ under the place the metadata names: 发布机构 某县 (or 某县人民政府) and
 * a title's 教育局 or 县教育局 → 某县教育局; with no organ in the title, the metadata's name.
 */
function underPlace(organ: string, named: string, namedOrgan: string): string {
  if (!organ || named.endsWith(organ)) return named;
  const place = named.slice(0, named.length - namedOrgan.length);
  const bare = organ.match(/^(?:自治区|省|市|县|区)/)?.[0];
  return place + (bare && place.endsWith(bare) ? organ.slice(bare.length) : organ);
}

// How an organ's name ends: 人民政府, 教育局, 管委会, 办公室, 北部湾办.
const ORGAN_END = /(?:政府|行署|公署|局|委|委员会|会|办|办公室|厅|处|中心|院|所|站|队|署|部)$/;
const namesPlace = (r: IssuerReading) => r.links.length > 0 || r.unknown !== null || r.zone !== undefined;
const halfWidth = (text: string) => text.replace(/[０-９Ａ-Ｚａ-ｚ：]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * The title's issuer; when the title names no place, the file name's, or the body's
 * (the places written before the organ: 教育局 → XX县教育局, or before 人民政府).
 */
function issuerOf(title: string | null, body: string, fileName: string | undefined, warnings: string[]) {
  let words = title ? issuerText(title) : '';
  let reading = readIssuer(words);
  if (namesPlace(reading)) return { words, reading };
  // A title line that is no title (引言, a heading) names no issuer.
  if (!ORGAN_END.test(words)) ({ words, reading } = { words: '', reading: readIssuer('') });
  const fromName = fileName ? issuerText(baseName(fileName)) : '';
  const fromFile = readIssuer(fromName);
  if (namesPlace(fromFile) && (!words || fromName.endsWith(words))) return { words: fromName, reading: fromFile };
  // The page's metadata table or byline (发布机构: 某某镇): a strong clue when the title names no place.
  for (const named of metaIssuers(body)) {
    const fromMeta = readIssuer(named);
    if (!namesPlace(fromMeta)) continue;
    const combined = underPlace(words, named, fromMeta.organ);
    warnings.push(`issuer ${combined} taken from the page's metadata (${named})`);
    return { words: combined, reading: readIssuer(combined) };
  }
  const department = words ? null : departmentInBody(body);
  if (department) {
    warnings.push(`issuer ${department} taken from the body, which speaks as a department`);
    return { words: department, reading: readIssuer(department) };
  }
  const organs = words ? [words] : ['人民政府', '办事处'];
  for (const organ of organs) {
    const found = issuerInBody(body, organ);
    if (found) {
      warnings.push(`issuer ${found} taken from the body`);
      return { words: found, reading: readIssuer(found) };
    }
  }
  if (!words) warnings.push('no issuer found');
  return { words, reading };
}
