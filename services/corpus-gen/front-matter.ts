// Titles and the preamble before part 一: where the issuer names itself, and where a
// township's county is written out (many townships share a name; real reports say which).
import * as bank from './phrase-bank.js';
import type { Doc } from './narrative.js';
import type { Rng } from './random.js';
import type { Issuer } from './regions.js';
import { WEBSITE_PREAMBLE } from './themes.js';

export interface Title {
  title: string;
  /** The issuer as the title names it (county prefix only when the title has one). */
  issuer: string;
}

export function makeTitle(rng: Rng, is: Issuer, year: number): Title {
  const tail = rng.weighted([['政府信息公开工作年度报告', 85], ['政府信息公开年度报告', 10], ['度政府信息公开工作年度报告', 5]]);
  const Y = `${year}年`;
  if (is.level === 'township') {
    const county = is.county!;
    const form = rng.weighted([['county_body', 35], ['county', 20], ['body', 15], ['bare', 15], ['year_first', 10], ['full', 5]]);
    const withCounty = form !== 'body' && form !== 'bare';
    const named = withCounty ? county + is.body : is.body;
    const title =
      form === 'county_body' ? `${county}${is.body}${Y}${tail}`
      : form === 'county' ? `${county}${is.name}${Y}${tail}`
      : form === 'body' ? `${is.body}${Y}${tail}`
      : form === 'bare' ? `${is.name}${Y}${tail}`
      : form === 'year_first' ? `${Y}${county}${is.name}${tail.replace(/^度/, '')}`
      : `${is.upper}${county}${is.name}${Y}${tail}`;
    return { title, issuer: named };
  }
  if (is.level === 'department') {
    const title = rng.chance(0.85) ? `${is.body}${Y}${tail}` : `${Y}${is.body}${tail.replace(/^度/, '')}`;
    return { title, issuer: is.body };
  }
  const form = rng.weighted([['body', 50], ['name', 35], ['upper', 15]]);
  const title =
    form === 'body' ? `${is.body}${Y}${tail}`
    : form === 'name' ? `${is.name}${Y}${tail}`
    : `${is.upper}${is.name}${Y}${tail}`;
  return { title, issuer: is.body };
}

/** Legal basis, statistical period, contact: each present in most reports, not all. */
export function preamble(d: Doc, pBasis: number): void {
  const { rng } = d.c;
  const lines: string[] = [];
  if (rng.chance(pBasis)) lines.push(d.one(bank.PREAMBLE_BASIS));
  if (rng.chance(0.6)) lines.push(d.one(bank.PREAMBLE_PERIOD));
  if (d.c.planned.has('website') && rng.chance(0.4)) lines.push(d.one(WEBSITE_PREAMBLE));
  if (rng.chance(0.5)) lines.push(d.one(bank.PREAMBLE_CONTACT));
  if (lines.length === 0) return;
  if (rng.chance(0.5)) d.para(lines.join(''));
  else for (const l of lines) d.para(l);
}
