// Lineages: the same unit's report year after year, for the assessor's view (issue 17).
// A unit is one issuer (drawn once); each year after its first is written fresh for that
// year (compose in report.ts: same issuer, this year's tables with last year's 结转下年度
// carried into 上年结转), and then each narrative sentence is, with the unit's copy
// probability, replaced by an unused sentence of the same part of last year's report, its
// years moved on by one; a share of the copied sentences gets a small controlled edit (a word
// changed, a clause added), as offices do when they copy. The truth of every report
// (TRUTH.jsonl, `truth.lineage`) says which unit it belongs to, which file is its previous
// report, and its true copy rate: the share of its narrative characters (paragraph
// sentences, headings and tables excluded; characters counted without punctuation) that came
// from last year's report. A fresh sentence close to one of last year's (the same phrase-bank
// template drawn again) is written as last year's, so copied and new stay clearly apart.
// Some units are renamed along the way (县 → 区) and some years are issued by the
// government's office (…人民政府办公室) instead of the government: lineage linking must
// survive both.
//
// HOOK for other generators (planted defects, services/corpus-gen/defects.ts): pass
// `transform` to generateLineages / LineageOptions. It is called once per report, after
// the copying and before serialisation, with the composed report (`step.composed.doc.blocks`
// may be edited freely: drop a part, blank a cell, rewrite a sentence), the unit's previous
// step (or null), and an Rng of its own (so the copying never changes with the transform).
// Whatever object it returns is merged into that report's truth (declare its fields in
// types.ts `Truth`), e.g. `{ defects: [...] }`. Blocks it edits count in the copy-rate truth
// as they stand after it runs.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from './doc.js';
import { clearCorpus } from './corpus.js';
import { mix, Rng } from './random.js';
import { pickIssuer, type Issuer } from './regions.js';
import { compose, finish, type Composed, type Planted } from './report.js';
import type { GeneratedReport } from './types.js';

export interface LineageStep {
  unit: string;
  year: number;
  composed: Composed;
  /** The previous year's step of the same unit, or null for its first year. */
  previous: LineageStep | null;
  /** Its own stream: a transform's draws never change the copying. */
  rng: Rng;
  /** File name of the report once written (known before serialisation). */
  fileName: string;
}

export type LineageTransform = (step: LineageStep) => Record<string, unknown> | void;

export interface LineageOptions {
  /** Units (lineages) to write. */
  units: number;
  seed: number;
  /** Share of reports with extraction mess (default 0.3, as the plain corpus). */
  mess?: number;
  /** Years per unit, both inclusive (default 2–6). */
  minYears?: number;
  maxYears?: number;
  transform?: LineageTransform;
}

export interface LineageReport extends GeneratedReport {
  step: LineageStep;
}

const TOP_HEADING = /^[一二三四五六七八九十]+、/;
const ORDINAL = /^(?:[一二三四五六七八九十]+是|\d+[.、]|（\d+）|[（(][一二三四五六七八九十]+[）)])/;
/** A sentence and the marks that end it (。！？；), or a tail without them. */
const SENTENCE = /[^。！？；!?;]+[。！？；!?;]*/g;

interface Piece { prefix: string; body: string; end: string }

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    const raw = m[0];
    const ord = ORDINAL.exec(raw);
    const prefix = ord ? ord[0] : '';
    const rest = raw.slice(prefix.length);
    const end = /[。！？；!?;]*$/.exec(rest)![0];
    out.push({ prefix, body: rest.slice(0, rest.length - end.length), end });
  }
  return out;
}

/** Years near the report's year move on by one, as a copied sentence is brought up to date. */
function shiftYears(s: string, year: number): string {
  return s.replace(/(?<!\d)(\d{4})(?!\d)/g, (y) => {
    const n = Number(y);
    return n >= year - 3 && n <= year + 1 ? String(n + 1) : y;
  });
}

const EDITS: readonly [RegExp, string][] = [
  [/积极/, '主动'], [/认真/, '切实'], [/进一步/, '持续'], [/全面/, '深入'], [/加强/, '强化'], [/不断/, '持续'],
];

/** A small edit that leaves the sentence recognisably the same one. */
function edit(body: string, rng: Rng): string {
  const options = EDITS.filter(([re]) => re.test(body));
  if (options.length && rng.chance(0.7)) {
    const [re, to] = rng.pick(options);
    return body.replace(re, to);
  }
  const comma = body.indexOf('，');
  return comma > 0 ? body.slice(0, comma + 1) + '同时' + body.slice(comma + 1) : body + '等';
}

/** Narrative sentences of the blocks by top-level part (paragraph blocks only). */
function sentencesByPart(blocks: readonly Block[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  let part = 0;
  for (const b of blocks) {
    if (b.kind === 'heading' && TOP_HEADING.test(b.text)) part++;
    if (b.kind !== 'para') continue;
    const list = out.get(part) ?? [];
    for (const p of pieces(b.text)) if (p.body.length >= 4) list.push(p.body);
    out.set(part, list);
  }
  return out;
}

/** The compared form: letters and CJK only, numbers as #. */
const plain = (s: string) => s.replace(/\d+/g, '#').replace(/[^\p{L}\p{N}#]/gu, '');

function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

/**
 * A sentence written fresh from the phrase bank can come out close to one of last year's
 * (the same template, other alternatives: 本报告电子版可在…下载 / …查阅). Such a sentence is
 * written as last year's instead — the office kept its old wording — so that every sentence
 * is either last year's (possibly with a small edit) or clearly new (trigram Jaccard below
 * CLOSE to all of last year's), and the truth needs no threshold of its own.
 */
const CLOSE = 0.3;
function closest(a: Set<string>, others: readonly Set<string>[]): { at: number; j: number } {
  let best = { at: -1, j: 0 };
  others.forEach((b, at) => {
    let shared = 0;
    for (const t of a) if (b.has(t)) shared++;
    const j = shared / (a.size + b.size - shared || 1);
    if (j > best.j) best = { at, j };
  });
  return best;
}

interface CopyCount { chars: number; copiedChars: number; sentences: number; copied: number; edited: number }

/** Replaces sentences of `now` by last year's; returns what was copied, by characters. */
function copyFrom(prev: Composed, now: Composed, rate: number, editRate: number, rng: Rng): CopyCount {
  const donor = sentencesByPart(prev.doc.blocks);
  const next = new Map<number, number>();
  const prevList = [...donor.values()].flat();
  const prevGrams = prevList.map((s) => trigrams(plain(s)));
  // Where each part's sentences start in prevList; a sentence of last year is used once at most.
  const offset = new Map<number, number>();
  let at = 0;
  for (const [part, list] of donor) {
    offset.set(part, at);
    at += list.length;
  }
  const taken = new Set<number>();
  const count: CopyCount = { chars: 0, copiedChars: 0, sentences: 0, copied: 0, edited: 0 };
  let part = 0;
  const out: Block[] = [];
  for (const b of now.doc.blocks) {
    if (b.kind === 'heading' && TOP_HEADING.test(b.text)) part++;
    if (b.kind !== 'para') {
      out.push(b);
      continue;
    }
    let text = '';
    for (const p of pieces(b.text)) {
      let body = p.body;
      let copied = false;
      const list = donor.get(part) ?? [];
      const base = offset.get(part) ?? 0;
      let k = next.get(part) ?? 0;
      while (k < list.length && taken.has(base + k)) k++;
      if (body.length >= 4 && k < list.length && rng.chance(rate)) {
        body = shiftYears(list[k]!, prev.year);
        taken.add(base + k);
        next.set(part, k + 1);
        copied = true;
        if (rng.chance(editRate)) {
          body = edit(body, rng);
          count.edited++;
        }
      } else {
        const c = closest(trigrams(plain(body)), prevGrams);
        if (c.j >= CLOSE) {
          // Already used elsewhere this year: the sentence is left out rather than written twice.
          if (taken.has(c.at)) continue;
          body = shiftYears(prevList[c.at]!, prev.year);
          taken.add(c.at);
          copied = true;
        }
      }
      const chars = plain(body).length;
      count.sentences++;
      count.chars += chars;
      if (copied) {
        count.copied++;
        count.copiedChars += chars;
      }
      text += p.prefix + body + p.end;
    }
    if (text) out.push({ kind: 'para', text });
  }
  now.doc.blocks.splice(0, now.doc.blocks.length, ...out);
  return count;
}

/** Last year's planted statements that now stand in the text, and this year's that survived. */
function plantedAfterCopy(now: Composed, prevPlanted: Planted | null, prevYear: number): Planted {
  const text = now.doc.blocks.filter((b) => b.kind === 'para').map((b) => (b.kind === 'para' ? b.text : '')).join('\n');
  const d = now.doc;
  const keep = (xs: readonly string[], ids: readonly string[]) => {
    const out: [string, string, number][] = [];
    xs.forEach((x, i) => {
      const at = text.indexOf(x);
      if (at >= 0) out.push([x, ids[i]!, at]);
    });
    return out;
  };
  const merge = (a: [string, string, number][], b: [string, string, number][]) => {
    const all = [...a];
    for (const x of b) if (!all.some((y) => y[0] === x[0])) all.push(x);
    return all.sort((x, y) => x[2] - y[2]);
  };
  const shifted = (xs: readonly string[]) => xs.map((x) => shiftYears(x, prevYear));
  const problems = merge(keep(d.problems, d.problemIds), prevPlanted ? keep(shifted(prevPlanted.problems), prevPlanted.problemIds) : []);
  const improvements = merge(keep(d.improvements, d.improvementIds), prevPlanted ? keep(shifted(prevPlanted.improvements), prevPlanted.improvementIds) : []);
  return {
    problems: problems.map((x) => x[0]), problemIds: problems.map((x) => x[1]),
    improvements: improvements.map((x) => x[0]), improvementIds: improvements.map((x) => x[1]),
  };
}

/** 县 → 区 (撤县设区): the unit's county renamed everywhere it is named. */
function renamed(is: Issuer): Issuer | null {
  // An autonomous county (自治县) is not made a district.
  if (!is.county || !is.county.endsWith('县') || is.county.endsWith('自治县')) return null;
  const from = is.county;
  const to = from.slice(0, -1) + '区';
  const sub = (s: string) => s.split(from).join(to);
  return {
    ...is,
    name: sub(is.name), body: sub(is.body), county: to, unit: is.level === 'county' ? '区' : is.unit,
    region: { ...is.region, county: to },
  };
}

/** Some years the government's office issues the report in the government's name. */
function officeBody(is: Issuer): Issuer {
  return { ...is, body: is.body.replace(/人民政府$/, '人民政府办公室') };
}

const ISSUER_SALT = 0x11ea9e;

/** One unit's reports, oldest first. */
export function lineage(seed: number, unit: number, opts: Omit<LineageOptions, 'units' | 'seed'> = {}, taken?: Set<string>): LineageReport[] {
  const rng = new Rng(mix(seed, unit, ISSUER_SALT));
  const minYears = opts.minYears ?? 2;
  const maxYears = opts.maxYears ?? 6;
  const span = rng.int(minYears, maxYears);
  const first = rng.int(2013, 2025 - span);
  let issuer = pickIssuer(rng, first);
  // Two lineages are two units: an issuer already given to another is drawn again.
  while (taken?.has(issuer.body + issuer.region.code)) issuer = pickIssuer(rng, first);
  taken?.add(issuer.body + issuer.region.code);
  // A unit copies at its own habitual rate, which drifts a little year to year.
  const habit = rng.next();
  const renameAt = rng.chance(0.15) ? rng.int(1, Math.max(1, span - 1)) : -1;
  const unitId = `u${String(unit).padStart(6, '0')}`;
  const out: LineageReport[] = [];
  let previous: LineageStep | null = null;
  let prevPlanted: Planted | null = null;
  let wasRenamed = false;
  for (let k = 0; k < span; k++) {
    const year = first + k;
    if (k === renameAt) {
      const r = renamed(issuer);
      if (r) {
        issuer = r;
        wasRenamed = true;
      }
    }
    const asIssued = issuer.level !== 'township' && issuer.level !== 'department' && rng.chance(0.25) ? officeBody(issuer) : issuer;
    const index = unit * 16 + k;
    const composed = compose(mix(seed, ISSUER_SALT), index, {
      issuer: asIssued, year, carried: previous ? previous.composed.apps.next : undefined,
    });
    const rate = Math.min(0.98, Math.max(0, habit + (rng.next() - 0.5) * 0.3));
    const copy = previous ? copyFrom(previous.composed, composed, rate, 0.25, rng) : null;
    const planted = plantedAfterCopy(composed, prevPlanted, previous?.year ?? year);
    const fileName = `r${String(index).padStart(6, '0')}_${asIssued.region.code}_${year}.txt`;
    const step: LineageStep = { unit: unitId, year, composed, previous, rng: new Rng(mix(seed, index, 0xdefec7)), fileName };
    const extra = opts.transform?.(step) ?? {};
    // Pasted foreign material (a notice, another township's list) would be narrative the copy-rate truth never saw.
    const { report } = finish(composed, opts.mess ?? 0.3, planted, ['notice', 'foreign_list']);
    const truth = {
      ...report.truth,
      ...extra,
      lineage: {
        unit: unitId,
        previous: previous?.fileName ?? null,
        copyRate: copy ? (copy.chars ? copy.copiedChars / copy.chars : 0) : null,
        sentences: copy?.sentences ?? null,
        copiedSentences: copy?.copied ?? null,
        editedSentences: copy?.edited ?? null,
        renamed: wasRenamed,
      },
    };
    out.push({ fileName, text: report.text, truth, step });
    previous = step;
    prevPlanted = planted;
  }
  return out;
}

export interface LineageSummary { units: number; reports: number; pairs: number; renamed: number; ms: number }

/** Writes units × their years of reports plus TRUTH.jsonl into `out` (replacing a previous corpus). */
export function generateLineages(out: string, opts: LineageOptions): LineageSummary {
  const started = performance.now();
  clearCorpus(out);
  const fd = openSync(join(out, 'TRUTH.jsonl'), 'w');
  const s: LineageSummary = { units: 0, reports: 0, pairs: 0, renamed: 0, ms: 0 };
  const taken = new Set<string>();
  try {
    for (let u = 0; u < opts.units; u++) {
      const reports = lineage(opts.seed, u, opts, taken);
      let batch = '';
      for (const r of reports) {
        writeFileSync(join(out, r.fileName), r.text);
        batch += JSON.stringify({ fileName: r.fileName, truth: r.truth }) + '\n';
        s.reports++;
        if (r.truth.lineage?.previous) s.pairs++;
      }
      if (reports.at(-1)?.truth.lineage?.renamed) s.renamed++;
      writeSync(fd, batch);
      s.units++;
    }
  } finally {
    closeSync(fd);
  }
  s.ms = performance.now() - started;
  return s;
}
