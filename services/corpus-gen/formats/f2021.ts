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
  d.table([
    S('第二十条第（一）项'),
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', String(regs), '0', String(regs + (regs ? rng.int(5, 40) : 0))],
    ['行政规范性文件', String(rules), String(abolished), String(rules + rng.int(0, rules * 4))],
    S('第二十条第（五）项'),
    ['信息内容', '本年处理决定数量'],
    ['行政许可', String(count(rng, level, small ? 0.8 : 0.15, 300))],
    S('第二十条第（六）项'),
    ['信息内容', '本年处理决定数量'],
    ['行政处罚', String(penalties)],
    ['行政强制', String(count(rng, level, small ? 0.95 : 0.6, 5))],
    S('第二十条第（八）项'),
    ['信息内容', '本年收费金额（单位：万元）'],
    ['行政事业性收费', fees ? wan(fees * rng.int(100, 900), rng.pick([2, 4])) : '0'],
  ]);
}

export function f2021(d: Doc): void {
  sixPart(d, { variant: '2021', article20 });
}
