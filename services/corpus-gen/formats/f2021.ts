// 2021 onwards: the revised six-part template (国办公开办函〔2021〕30号). Same six headings;
// 第二十条 tables now count 本年制发/废止/现行有效 and 本年处理决定数量, and 其他处理 has three rows.
import type { Doc } from '../narrative.js';
import { count } from '../tables.js';
import { sectionRow, sixPart, wan } from './six-part.js';

function article20(d: Doc): void {
  const { rng, issuer, rules } = d.c;
  const level = issuer.level;
  const pad = rng.chance(0.5);
  const S = (l: string) => sectionRow(l, pad, 4);
  const small = level === 'township';
  const regs = level === 'city' ? rng.int(0, 2) : 0;
  const abolished = rules ? rng.int(0, Math.ceil(rules / 2)) : 0;
  // Since 2021 many townships got administrative enforcement powers: some penalties appear.
  const penalties = count(rng, level, small ? 0.65 : 0.25, small ? 20 : 120);
  const fees = count(rng, level, small ? 0.95 : 0.5, 50);
  // Drawn in the order the rows are written, so that the text does not depend on this hoisting.
  const regsTotal = String(regs + (regs ? rng.int(5, 40) : 0));
  const rulesInForce = String(rules + rng.int(0, rules * 4));
  const licensing = count(rng, level, small ? 0.8 : 0.15, 300);
  const enforcement = count(rng, level, small ? 0.95 : 0.6, 5);
  const feeAmount = fees ? wan(fees * rng.int(100, 900), rng.pick([2, 4])) : '0';
  Object.assign(d.measures, { 'proactive.normative': rules, 'decisions.licensing': licensing, 'decisions.penalties': penalties });
  d.table([
    S('第二十条第（一）项'),
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', String(regs), '0', regsTotal],
    ['行政规范性文件', String(rules), String(abolished), rulesInForce],
    S('第二十条第（五）项'),
    ['信息内容', '本年处理决定数量'],
    ['行政许可', String(licensing)],
    S('第二十条第（六）项'),
    ['信息内容', '本年处理决定数量'],
    ['行政处罚', String(penalties)],
    ['行政强制', String(enforcement)],
    S('第二十条第（八）项'),
    ['信息内容', '本年收费金额（单位：万元）'],
    ['行政事业性收费', feeAmount],
  ]);
}

export function f2021(d: Doc): void {
  sixPart(d, { variant: '2021', article20 });
}
