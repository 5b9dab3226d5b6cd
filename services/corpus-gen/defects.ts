// Planted audit defects (issue 17): the faults an assessor looks for, written into lineage
// reports through lineage.ts's transform hook and recorded in their truth (`truth.defects`),
// so that the audit (services/analytics/audit) can be scored against them.
//   missing_part       a part of the six-part format dropped whole (heading and body)
//   blank_cell         a cell of the applications table left empty or written "/"
//   broken_carry_over  this year's 上年结转 no longer last year's 结转下年度
//   stock_problems     part five's problems replaced by stock phrases only
//   late_date          the sign-off date past the deadline of the 条例
// Every report of a defect-planted lineage also gets a sign-off (issuing body and date,
// `truth.signedOn`), so that the deadline can be judged on the reports without the defect
// too; and its 现行有效件数 made to follow last year's (+ 本年制发 − 本年废止), as real
// tables do, so that the cross-year rule is not failed by the generator's own draws.
import { z } from 'zod';
import type { Block } from './doc.js';
import type { LineageStep, LineageTransform } from './lineage.js';
import type { Rng } from './random.js';

export const DEFECT_KINDS = ['missing_part', 'blank_cell', 'broken_carry_over', 'stock_problems', 'late_date'] as const;
export const DefectKind = z.enum(DEFECT_KINDS);
export type DefectKind = z.infer<typeof DefectKind>;

export const Defect = z.object({
  kind: DefectKind,
  /** What was done, for a person reading the truth (the part dropped, the cell blanked …). */
  detail: z.string(),
});
export type Defect = z.infer<typeof Defect>;

/** Phrases that say nothing about what went wrong: the stock of a problems paragraph written to fill it. */
export const STOCK_PROBLEMS = [
  '政务公开工作与群众的期望还有一定差距',
  '信息公开工作还存在一些不足',
  '公开工作有待进一步加强',
  '工作水平还需进一步提高',
  '思想认识还需进一步提高',
  '工作机制还不够完善',
  '个别方面仍存在薄弱环节',
  '公开的及时性、全面性还有待提升',
] as const;

const TOP = /^([一二三四五六七八九十]+)、/;
const DROPPABLE: Record<string, string> = { 一: '总体情况', 六: '其他需要报告的事项' };

/** Index ranges [heading, next top heading) of the top-level parts, by numeral. */
function parts(blocks: readonly Block[]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  let open: [string, number] | null = null;
  blocks.forEach((b, i) => {
    const m = b.kind === 'heading' ? TOP.exec(b.text) : null;
    if (!m) return;
    if (open) out.set(open[0], [open[1], i]);
    open = [m[1]!, i];
  });
  if (open) out.set((open as [string, number])[0], [(open as [string, number])[1], blocks.length]);
  return out;
}

type Table = Extract<Block, { kind: 'table' }>;
const applicationsTable = (blocks: readonly Block[]) =>
  blocks.find((b): b is Table => b.kind === 'table' && b.rows.some((r) => /上年结转/.test(r[0] ?? '')));
const numeric = (c: string) => /^\d+(?:\.\d+)?$/.test(c);

function dropPart(step: LineageStep): string | null {
  const blocks = step.composed.doc.blocks;
  const p = parts(blocks);
  const choices = Object.keys(DROPPABLE).filter((k) => p.has(k));
  if (!choices.length) return null;
  const k = step.rng.pick(choices);
  const [from, to] = p.get(k)!;
  blocks.splice(from, to - from);
  return `${k}、${DROPPABLE[k]}`;
}

/** A zero cell (not the 总计 column) of an all-zero row: offices leave zeros blank, and the sums stand. */
function blankCell(step: LineageStep): string | null {
  const t = applicationsTable(step.composed.doc.blocks);
  if (!t) return null;
  const rows = t.rows.map((r, i) => [r, i] as const).filter(([r]) => r.length >= 7 && r.slice(-7).every((c) => c === '0'));
  if (!rows.length) return null;
  const [row, i] = step.rng.pick(rows);
  const col = row.length - 7 + step.rng.int(0, 5);
  const mark = step.rng.pick(['', '/']);
  t.rows[i] = row.map((c, j) => (j === col ? mark : c));
  return `${row.filter((c) => c && !numeric(c)).join('')} 第${col - (row.length - 7) + 1}列 → ${mark === '' ? '空白' : '“/”'}`;
}

/**
 * Adds k to one column of both 上年结转 and 结转下年度 (and their 总计): this year's table
 * still adds up, but no longer carries last year's 结转下年度; next year carries the new one.
 */
function breakCarryOver(step: LineageStep): string | null {
  const c = step.composed;
  const prev = step.previous?.composed;
  const t = applicationsTable(c.doc.blocks);
  if (!t || !prev || prev.format === 'pre2019') return null;
  const col = step.rng.int(0, 5);
  const k = step.rng.int(1, 3);
  const bump = (re: RegExp) => {
    const i = t.rows.findIndex((r) => re.test(r[0] ?? ''));
    const row = t.rows[i]!;
    const at = row.length - 7 + col;
    t.rows[i] = row.map((v, j) => (j === at || j === row.length - 1 ? String(Number(v) + k) : v));
  };
  bump(/上年结转/);
  bump(/结转下年度/);
  c.apps.carried[col]! += k;
  c.apps.next[col]! += k;
  const m = c.doc.measures as Record<string, number>;
  if ('requests.carried_over' in m) m['requests.carried_over']! += k;
  if ('requests.carried_forward' in m) m['requests.carried_forward']! += k;
  return `上年结转与结转下年度第${col + 1}列各加${k}`;
}

/** Part five's problems paragraph(s) replaced by two or three stock phrases. */
function stockProblems(step: LineageStep): string | null {
  const blocks = step.composed.doc.blocks;
  // Part five in the six-part formats; the part on problems wherever the older ones put it.
  const five = [...parts(blocks).values()].find(([i]) => /问题/.test((blocks[i] as { text: string }).text));
  if (!five) return null;
  const phrases = step.rng.sample([...STOCK_PROBLEMS], step.rng.int(2, 3));
  blocks.splice(five[0] + 1, five[1] - five[0] - 1,
    { kind: 'heading', text: '（一）存在的主要问题' },
    { kind: 'para', text: `${step.year}年，我们的政府信息公开工作虽然取得了一定成效，但也存在一些问题：${phrases.join('；')}。` },
    { kind: 'heading', text: '（二）改进措施' },
    { kind: 'para', text: '下一步，我们将认真贯彻落实《中华人民共和国政府信息公开条例》，进一步做好政府信息公开工作。' },
  );
  return phrases.join('；');
}

/** The deadline the 条例 sets for this report (see services/analytics/audit/deadline.ts). */
function deadlineOf(step: LineageStep): { month: number; day: number } {
  const department = step.composed.issuer.level === 'department';
  return step.year >= 2019 && department ? { month: 1, day: 31 } : { month: 3, day: 31 };
}

const pad = (n: number) => String(n).padStart(2, '0');

function signOff(step: LineageStep, late: boolean): string {
  const { rng } = step;
  const y = step.year + 1;
  const due = deadlineOf(step);
  // On time: January (before any deadline). Late: from a week to three months past it.
  const [m, d] = late
    ? (due.month === 1 ? [rng.int(2, 4), rng.int(7, 28)] : [rng.int(4, 6), rng.int(7, 28)])
    : [1, rng.int(5, 28)];
  const c = step.composed;
  // Written as headings: lines of their own that the lineage copier (paragraphs only) never takes as sentences.
  c.doc.blocks.push({ kind: 'heading', text: c.issuer.body }, { kind: 'heading', text: `${y}年${m}月${d}日` });
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** 现行有效件数 of this year = last year's + 本年制发 − 本年废止, for both 2021-format years. */
function carryInForce(step: LineageStep): void {
  const prev = step.previous?.composed;
  if (!prev || prev.format !== '2021' || step.composed.format !== '2021') return;
  const rowOf = (blocks: readonly Block[], label: string) => {
    for (const b of blocks) if (b.kind === 'table') for (const r of b.rows) if (r[0] === label && r.length === 4) return r;
    return null;
  };
  for (const label of ['规章', '行政规范性文件']) {
    const before = rowOf(prev.doc.blocks, label);
    const now = rowOf(step.composed.doc.blocks, label);
    if (!before || !now) continue;
    now[3] = String(Math.max(0, Number(before[3]) + Number(now[1]) - Number(now[2])));
  }
}

const PLANTERS: Record<DefectKind, ((s: LineageStep) => string | null) | null> = {
  missing_part: dropPart, blank_cell: blankCell, broken_carry_over: breakCarryOver, stock_problems: stockProblems,
  late_date: null, // planted by the sign-off itself
};

export interface DefectOptions {
  /** Share of reports given one defect (default 0.3). */
  rate?: number;
}

/** The transform for lineage.ts: at most one defect per report, recorded with the sign-off date. */
export function plantDefects(opts: DefectOptions = {}): LineageTransform {
  const rate = opts.rate ?? 0.3;
  /** Units whose last report had stock problems, and its year. */
  const stockUnits = new Map<string, number>();
  return (step) => {
    carryInForce(step);
    const rng: Rng = step.rng;
    const defects: Defect[] = [];
    let late = false;
    // A unit that filled part five with stock phrases goes on doing so (and copying from last
    // year would carry them over anyway): the truth says so rather than leave it unrecorded.
    const stockBefore = (step.previous && stockUnits.get(step.unit) === step.previous.year) ?? false;
    if (stockBefore) {
      const detail = stockProblems(step);
      if (detail) {
        defects.push({ kind: 'stock_problems', detail: `沿用上年的套话：${detail}` });
        stockUnits.set(step.unit, step.year);
      }
    } else if (rng.chance(rate)) {
      const six = step.composed.format !== 'pre2019';
      const kinds = DEFECT_KINDS.filter((k) => k === 'late_date' || k === 'stock_problems' || (six && (k !== 'broken_carry_over' || step.previous)));
      const kind = rng.pick(kinds);
      const planter = PLANTERS[kind];
      const detail = planter ? planter(step) : 'late';
      if (kind === 'late_date') late = true;
      if (detail) defects.push({ kind, detail });
      if (detail && kind === 'stock_problems') stockUnits.set(step.unit, step.year);
    }
    const signedOn = signOff(step, late);
    if (late) defects[0]!.detail = `落款日期 ${signedOn}`;
    return { defects, signedOn };
  };
}
