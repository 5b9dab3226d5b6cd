// Shared narrative machinery: the per-report context, paragraphs built from the phrase
// bank with theme sentences mixed in, and the problems / improvements section.
import { cn, type Block, type TableStyle } from './doc.js';
import * as bank from './phrase-bank.js';
import {
  IMPROVEMENT_STATEMENTS, IMPROVEMENT_TAILS, PROBLEM_STATEMENTS, PROBLEM_TAILS, type Statement,
} from './problems.js';
import type { Rng } from './random.js';
import type { Issuer } from './regions.js';
import { draw, render, type Compiled, type Vars } from './template.js';
import type { Slot } from './themes.js';
import type { Applications } from './tables.js';
import type { Theme } from './types.js';

export interface Ctx {
  rng: Rng;
  year: number;
  issuer: Issuer;
  vars: Vars;
  /** Punctuation style of this report, applied to everything written. */
  punct: (s: string) => string;
  /** Planned theme sentences ([theme, text]), waiting for the part of the report they belong in. */
  slots: Record<Slot, [Theme, string][]>;
  planned: ReadonlySet<Theme>;
  apps: Applications;
  appsTotal: number;
  review: number[];
  proactive: number;
  rules: number;
  /** false: break the statistics table's arithmetic, by flawK. */
  consistent: boolean;
  flawK: number;
  tableStyle: TableStyle;
}

export class Doc {
  readonly blocks: Block[] = [];
  readonly problems: string[] = [];
  readonly problemIds: string[] = [];
  readonly improvements: string[] = [];
  readonly improvementIds: string[] = [];
  /** The truth on the crosswalk's common measures, as the writers print them. */
  readonly measures: Record<string, number> = {};
  constructor(readonly c: Ctx) {}

  title(t: string): void {
    this.blocks.push({ kind: 'title', text: t });
  }
  heading(t: string): void {
    this.blocks.push({ kind: 'heading', text: this.c.punct(t) });
  }
  para(t: string): void {
    this.blocks.push({ kind: 'para', text: this.c.punct(t) });
  }
  table(rows: string[][], style: TableStyle = 'tabs'): void {
    this.blocks.push({ kind: 'table', rows: rows.map((r) => r.map(this.c.punct)), style });
  }

  /** Renders k sentences from a pool for this report's year and level. */
  draw(pool: readonly Compiled[], k: number): string[] {
    return draw(pool, k, this.c.rng, this.c.vars, this.c.year, this.c.issuer.level);
  }
  one(pool: readonly Compiled[]): string {
    return this.draw(pool, 1)[0] ?? '';
  }

  /** Takes (and clears) the theme sentences planned for some slots. */
  take(...slots: Slot[]): string[] {
    const out: string[] = [];
    for (const s of slots) out.push(...this.c.slots[s].splice(0).map(([, t]) => t));
    return out;
  }

  /** Takes the planned sentences of some themes, whatever slot they were meant for. */
  takeThemes(themes: readonly Theme[]): string[] {
    const out: string[] = [];
    for (const list of Object.values(this.c.slots)) {
      for (let i = list.length - 1; i >= 0; i--) {
        if (themes.includes(list[i]![0])) out.unshift(list.splice(i, 1)[0]![1]);
      }
    }
    return out;
  }

  /**
   * Writes a part of the report: base sentences from the bank with theme sentences
   * mixed in at random places, grouped into paragraphs in one of the usual layouts.
   * `inlineHead` is a sub-heading written at the start of the first paragraph.
   */
  body(sentences: string[], themed: string[], inlineHead?: string): void {
    const { rng } = this.c;
    const all = sentences.slice();
    for (const t of themed) all.splice(rng.int(0, all.length), 0, t);
    if (all.length === 0) all.push('无。');
    const layout = rng.weighted<'plain' | 'ordinal' | 'numbered'>([['plain', 6], ['ordinal', 2], ['numbered', 1]]);
    const paras: string[] = [];
    if (layout === 'numbered' && all.length > 1) {
      const mark = rng.pick(['1.', '1、', '（1）']);
      all.forEach((s, i) => paras.push(mark.replace('1', String(i + 1)) + s));
    } else if (layout === 'ordinal' && all.length > 1) {
      paras.push(all.map((s, i) => `${cn(i + 1)}是${s}`).join(''));
    } else {
      for (let i = 0; i < all.length; ) {
        const n = rng.weighted([[1, 1], [2, 4], [3, 4], [4, 2]]);
        paras.push(all.slice(i, i + n).join(''));
        i += n;
      }
    }
    if (inlineHead) paras[0] = inlineHead + paras[0];
    for (const p of paras) this.para(p);
  }
}

/** Sub-heading text: （一）主动公开情况. */
export const sub = (n: number, text: string) => `（${cn(n)}）${text}`;

/** 依申请公开 sentences consistent with the statistics. */
export function onRequestSentences(d: Doc): string[] {
  const { c } = d;
  const out = c.appsTotal === 0
    ? d.draw(bank.ON_REQUEST_NONE, 1)
    : [...d.draw(bank.ON_REQUEST_COUNT, 1), ...d.draw(bank.ON_REQUEST_DETAIL, c.rng.int(0, 1))];
  out.push(...d.draw(bank.ON_REQUEST_ANY, c.rng.int(0, 1)));
  return out;
}

// --- Problems and improvements ---------------------------------------------------------

function eligibleStatements(list: readonly Statement[], c: Ctx): Statement[] {
  const { year } = c;
  const level = c.issuer.level;
  return list.filter((s) => year >= s.from && year <= s.to && (!s.levels || s.levels.includes(level)));
}

function word(c: Ctx, s: Statement, tails: typeof PROBLEM_TAILS): string {
  let t = render(c.rng.pick(s.forms), c.rng, c.vars);
  if (c.rng.chance(0.2)) t += render(c.rng.pick(tails), c.rng, c.vars);
  return c.punct(t);
}

/** Picks problems, then improvements that mostly answer them (same number). */
function choose(d: Doc): void {
  const { c } = d;
  const problems = c.rng.sample(eligibleStatements(PROBLEM_STATEMENTS, c), c.rng.weighted([[1, 1], [2, 3], [3, 4], [4, 3], [5, 1]]));
  const improvable = eligibleStatements(IMPROVEMENT_STATEMENTS, c);
  const byNum = new Map(improvable.map((s) => [s.id.slice(1), s]));
  const nI = c.rng.weighted([[2, 2], [3, 4], [4, 3], [5, 2]]);
  const chosen: Statement[] = [];
  for (const p of problems) {
    const fix = byNum.get(p.id.slice(1));
    if (fix && chosen.length < nI && c.rng.chance(0.6)) chosen.push(fix);
  }
  for (const s of c.rng.sample(improvable, nI + chosen.length)) {
    if (chosen.length >= nI) break;
    if (!chosen.includes(s)) chosen.push(s);
  }
  for (const p of problems) {
    d.problemIds.push(p.id);
    d.problems.push(word(c, p, PROBLEM_TAILS));
  }
  for (const s of c.rng.sample(chosen, chosen.length)) {
    d.improvementIds.push(s.id);
    d.improvements.push(word(c, s, IMPROVEMENT_TAILS));
  }
}

/** 一是A；二是B。 or 1.A。 items (one string), or one paragraph per item. */
function items(c: Ctx, xs: readonly string[], joint: string): string {
  const ordinal = c.rng.weighted<'shi' | 'num' | 'none'>([['shi', 8], ['num', 2], ['none', xs.length > 1 ? 1 : 0]]);
  const last = xs.length - 1;
  if (ordinal === 'none') return xs.join('；') + (c.rng.chance(0.5) ? '等。' : '。');
  return xs.map((x, i) => (ordinal === 'shi' ? `${cn(i + 1)}是` : `${i + 1}.`) + x + (i === last ? '。' : joint)).join('');
}

/**
 * Writes 存在的主要问题及改进情况 in one of the layouts found in real reports: separate
 * （一）/（二） sub-headings, each item its own numbered paragraph, or one running paragraph
 * with a lead-in ("但也存在一些不足：一是…") followed by next year's measures.
 */
export function problemsSection(d: Doc): void {
  const { c } = d;
  choose(d);
  const { rng } = c;
  const layout = rng.weighted<'split' | 'numbered' | 'running' | 'inline'>([['split', 35], ['numbered', 20], ['running', 30], ['inline', 15]]);
  const pHead = rng.pick(bank.PROBLEM_HEADS);
  const iHead = rng.pick(bank.IMPROVEMENT_HEADS);
  const lead = () => (rng.chance(0.5) ? d.one(bank.PROBLEM_LEADS) : '');
  if (layout === 'split' || layout === 'inline') {
    const inline = layout === 'inline';
    const pText = lead() + items(c, d.problems, rng.pick(['；', '。']));
    const iText = (rng.chance(0.3) ? d.one(bank.IMPROVEMENT_LEADS) : '') + items(c, d.improvements, rng.pick(['。', '。', '；']));
    if (inline) {
      d.para(`${sub(1, pHead)}。${pText}`);
      d.para(`${sub(2, iHead)}。${iText}`);
    } else {
      d.heading(sub(1, pHead));
      d.para(pText);
      d.heading(sub(2, iHead));
      d.para(iText);
    }
  } else if (layout === 'numbered') {
    d.heading(sub(1, pHead));
    const mark = rng.pick(['1.', '1、', '（1）']);
    d.problems.forEach((p, i) => d.para(mark.replace('1', String(i + 1)) + p + '。'));
    d.heading(sub(2, iHead));
    d.improvements.forEach((s, i) => d.para(mark.replace('1', String(i + 1)) + s + '。'));
  } else {
    d.para(d.one(bank.PROBLEM_LEADS) + items(c, d.problems, '；'));
    const iLead = d.one(bank.IMPROVEMENT_LEADS);
    const iText = items(c, d.improvements, rng.pick(['。', '；']));
    if (rng.chance(0.5)) d.para(iLead + iText);
    else {
      d.para(iLead);
      d.para(iText);
    }
  }
}
