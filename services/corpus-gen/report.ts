// One synthetic report: generateReport(seed, index) always returns the same text and truth.
import { halfPunct, serialize, type Block } from './doc.js';
import { makeTitle } from './front-matter.js';
import { f2019 } from './formats/f2019.js';
import { f2021 } from './formats/f2021.js';
import { pre2019 } from './formats/pre2019.js';
import { applyMess } from './mess.js';
import { Doc, type Ctx } from './narrative.js';
import { IDEOLOGY } from './phrase-bank.js';
import { mix, Rng } from './random.js';
import { pickIssuer, type Issuer } from './regions.js';
import { count, makeApplications, makeReview, type Applications } from './tables.js';
import { draw, eligible, render, safeInt, type Vars } from './template.js';
import { THEME_BANK, THEME_SLOTS, themeProbability, themesIn, type Slot } from './themes.js';
import { THEMES, type GenFormat, type GeneratedReport, type MessKind, type Theme } from './types.js';

/** Share of reports given PDF-extraction artefacts unless told otherwise. */
export const DEFAULT_MESS = 0.3;
/** Share of reports whose statistics table deliberately does not add up. */
export const INCONSISTENT_SHARE = 0.03;

// More reports survive online for recent years: weight rises linearly from 2008 to 2024.
const YEARS: readonly [number, number][] = Array.from({ length: 17 }, (_, i) => [2008 + i, 1 + i * 0.35] as [number, number]);

export function formatOf(year: number): GenFormat {
  return year < 2019 ? 'pre2019' : year < 2021 ? '2019' : '2021';
}

const WRITERS: Record<GenFormat, (d: Doc) => void> = { pre2019, 2019: f2019, 2021: f2021 };

const UNITS: Record<string, { me: readonly string[]; all: string; head: string }> = {
  乡: { me: ['我乡'], all: '全乡', head: '乡长' },
  镇: { me: ['我镇'], all: '全镇', head: '镇长' },
  街道: { me: ['本街道', '我街道'], all: '全街道', head: '街道办事处主任' },
  苏木: { me: ['我苏木'], all: '全苏木', head: '苏木达' },
  县: { me: ['我县'], all: '全县', head: '县长' },
  区: { me: ['我区'], all: '全区', head: '区长' },
  市: { me: ['我市'], all: '全市', head: '市长' },
  旗: { me: ['我旗'], all: '全旗', head: '旗长' },
  州: { me: ['我州'], all: '全州', head: '州长' },
  盟: { me: ['我盟'], all: '全盟', head: '盟长' },
  地区: { me: ['本地区'], all: '全地区', head: '专员' },
  局: { me: ['我局', '本局'], all: '全局', head: '局长' },
  委: { me: ['我委'], all: '全委', head: '主任' },
};

function phone(rng: Rng): string {
  const p = `0${rng.int(10, 999)}-${rng.int(2000000, 8999999)}`;
  return p.includes('12345') ? p.replace('12345', '12346') : p;
}

/** Context variables of the phrase bank for one report. */
function makeVars(rng: Rng, is: Issuer, year: number, stats: Record<string, number>): Vars {
  const u = UNITS[is.unit] ?? UNITS['县']!;
  const township = is.level === 'township';
  const full = township ? is.county! + is.name : is.name;
  const upfull = (is.level === 'city' ? is.province : is.upper) + full;
  const siteOwner = is.level === 'city' ? is.name : (is.county ?? is.city ?? is.upper);
  const office = township ? rng.pick(['党政办公室', '党政综合办公室', '综合办公室'])
    : is.level === 'department' ? rng.pick(['办公室', '综合股']) : rng.pick(['人民政府办公室', '政府办公室']);
  const subs = township ? (is.unit === '街道' ? '各社区' : '各村（社区）')
    : is.level === 'county' ? '各乡镇' : is.level === 'city' ? '各县（区）' : '各股室';
  const short = is.level === 'department' ? is.name.replace(/(局|委员会)$/, '') : is.name.replace(/(乡|镇|街道|苏木|县|区|市|旗|州|盟|地区)$/, '') || is.name;
  const base: Record<string, string> = {
    me: rng.pick(u.me), all: u.all, head: u.head, office, subs, short, name: is.name, full, upfull,
    upper: is.upper, county: is.county ?? is.name, site: `${siteOwner}人民政府门户网站`,
    addr: (is.level === 'city' ? is.province : is.upper) + (township ? is.county! : '') + is.body,
    phone: phone(rng), Y: String(year), Y1: String(year + 1), Yp: String(year - 1),
  };
  for (const [k, v] of Object.entries(stats)) base[k] = safeInt(v);
  base.ideology = render(rng.pick(eligible(IDEOLOGY, year, is.level)).tpl, rng, base);
  return base;
}

const SLOTS: readonly Slot[] = ['proactive', 'keyAreas', 'onRequest', 'management', 'platforms', 'supervision', 'other'];
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export interface Built {
  report: GeneratedReport;
  blocks: Block[];
}

/**
 * What a lineage (lineage.ts) fixes instead of drawing: the unit, the year, and last year's
 * 结转下年度 carried over into this year's 上年结转.
 */
export interface Fixed {
  issuer: Issuer;
  year: number;
  carried?: readonly number[];
}

/** A report written but not yet serialised: its blocks can still be edited (lineage.ts). */
export interface Composed {
  seed: number;
  index: number;
  year: number;
  format: GenFormat;
  issuer: Issuer;
  title: string;
  /** The issuer as the title names it. */
  named: string;
  vars: Vars;
  doc: Doc;
  apps: Applications;
  consistent: boolean;
}

/** Writes a report's blocks (the issuer and year drawn, or fixed by a lineage). */
export function compose(seed: number, index: number, fixed?: Fixed): Composed {
  const rng = new Rng(mix(seed, index, 1));
  const year = fixed ? fixed.year : rng.weighted(YEARS);
  const format = formatOf(year);
  const issuer = fixed ? fixed.issuer : pickIssuer(rng, year);
  const level = issuer.level;
  const { title, issuer: named } = makeTitle(rng, issuer, year);

  const apps = makeApplications(rng, level, year, format === '2021' ? '2021' : '2019', fixed?.carried);
  const review = makeReview(rng, level);
  const stats = {
    proactive: Math.max(8, count(rng, level, 0, 200)),
    rules: level === 'township' ? (rng.chance(0.85) ? 0 : rng.int(1, 2)) : level === 'department' ? rng.int(0, 6) : rng.int(1, level === 'city' ? 40 : 20),
    apps: sum(apps.newly), carried: sum(apps.carried), next: sum(apps.next),
    rev: review[4]!, lit: review[9]! + review[14]!,
  };
  const vars = makeVars(rng, issuer, year, stats);

  // Plan themes by year and level, and write their sentences into slots of the report.
  const planned = THEMES.filter((t) => rng.chance(themeProbability(t, year, level)));
  const slots = Object.fromEntries(SLOTS.map((s) => [s, []])) as unknown as Record<Slot, [Theme, string][]>;
  for (const t of planned) {
    for (const text of draw(THEME_BANK[t], rng.chance(0.3) ? 2 : 1, rng, vars, year, level)) {
      slots[rng.pick(THEME_SLOTS[t])].push([t, text]);
    }
  }

  const consistent = !rng.chance(INCONSISTENT_SHARE);
  const punct = rng.chance(0.06) ? halfPunct : (s: string) => s;
  const ctx: Ctx = {
    rng, year, issuer, vars, punct, slots, planned: new Set(planned), apps, appsTotal: stats.apps, review,
    proactive: stats.proactive, rules: stats.rules, flawK: rng.int(1, 5), consistent,
    tableStyle: rng.chance(0.6) ? 'tabs' : 'cells',
  };
  const doc = new Doc(ctx);
  doc.title(title);
  WRITERS[format](doc);
  return { seed, index, year, format, issuer, title, named, vars, doc, apps, consistent };
}

/** The planted statements of a report, which a lineage may have replaced by last year's. */
export interface Planted {
  problems: string[];
  improvements: string[];
  problemIds: string[];
  improvementIds: string[];
}

/** Serialises composed blocks, applies the mess, and records the truth. */
export function finish(c: Composed, messRate: number, planted?: Planted, excludeMess: readonly MessKind[] = []): Built {
  const { seed, index, doc, issuer, year, title, named } = c;
  // The layout stream follows the writing one, as it always has for plain reports.
  const rng = doc.c.rng;
  const sep = rng.chance(0.75) ? '\n\n' : '\n';
  const lead = rng.pick(['', '', '\n', '\n\n']);
  const ser = (b: readonly Block[]) => serialize(b, sep, lead);
  const clean = ser(doc.blocks);

  // The mess stream is separate, so the mess rate never changes a report's wording.
  const mrng = new Rng(mix(seed, index, 2));
  const messy = mrng.next() < messRate;
  const { text, kinds } = messy
    ? applyMess(doc.blocks, mrng, { title, issuer: named, vars: c.vars, year, siblings: issuer.level === 'township' ? issuer.countyTowns.filter((n) => n !== issuer.name) : [], upper: issuer.city ?? issuer.upper }, ser, excludeMess)
    : { text: clean, kinds: [] };

  const p = planted ?? { problems: doc.problems, improvements: doc.improvements, problemIds: doc.problemIds, improvementIds: doc.improvementIds };
  const report: GeneratedReport = {
    fileName: `r${String(index).padStart(6, '0')}_${issuer.region.code}_${year}.txt`,
    text,
    truth: {
      title, year, issuer: named, level: issuer.level, format: c.format, region: issuer.region,
      planted: { ...p, themes: themesIn(clean, THEMES) },
      measures: doc.measures,
      tableConsistent: c.consistent,
      mess: kinds,
    },
  };
  return { report, blocks: doc.blocks };
}

/** A report with its blocks (for counting passages). */
export function build(seed: number, index: number, messRate: number): Built {
  return finish(compose(seed, index), messRate);
}

export interface GenerateOptions {
  /** Share of reports with extraction artefacts, 0–1 (default DEFAULT_MESS). */
  mess?: number;
}

export function generateReport(seed: number, index: number, opts: GenerateOptions = {}): GeneratedReport {
  return build(seed, index, opts.mess ?? DEFAULT_MESS).report;
}
