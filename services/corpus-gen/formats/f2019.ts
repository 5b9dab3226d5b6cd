// 2019–2020 reports: the first six-part template, with 第二十条 tables counting
// 本年新制作/新公开/对外公开总数量 and 上一年项目数量/本年增减/处理决定数量.
import type { Doc } from '../narrative.js';
import { count } from '../tables.js';
import { sectionRow, sixPart, wan } from './six-part.js';

function article20(d: Doc): void {
  const { rng, issuer, rules } = d.c;
  const level = issuer.level;
  const pad = rng.chance(0.5);
  const S = (l: string) => sectionRow(l, pad, 4);
  const regs = level === 'city' ? rng.int(0, 2) : 0;
  const managed = (pZero: number, items: number, decisions: number) => {
    const n = count(rng, level, pZero, items);
    return [String(n), String(n ? rng.int(-3, 3) : 0), String(n ? count(rng, level, 0.1, decisions) : 0)];
  };
  const small = level === 'township';
  const buys = count(rng, level, small ? 0.9 : 0.3, 3);
  // Drawn in the order the rows are written, so that the text does not depend on this hoisting.
  const regsTotal = String(regs + (regs ? rng.int(5, 40) : 0));
  const rulesTotal = String(rules + rng.int(0, rules * 4));
  const licensing = managed(small ? 0.85 : 0.2, 20, 300);
  const services = managed(small ? 0.8 : 0.3, 10, 200);
  const penalties = managed(small ? 0.9 : 0.3, 15, 150);
  const enforcement = managed(small ? 0.97 : 0.6, 3, 10);
  const fees = managed(small ? 0.95 : 0.5, 3, 1).slice(0, 2);
  Object.assign(d.measures, { 'proactive.normative': rules, 'decisions.licensing': Number(licensing[2]), 'decisions.penalties': Number(penalties[2]) });
  d.table([
    S('第二十条第（一）项'),
    ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
    ['规章', String(regs), String(regs), regsTotal],
    ['规范性文件', String(rules), String(rules), rulesTotal],
    S('第二十条第（五）项'),
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    ['行政许可', ...licensing],
    ['其他对外管理服务事项', ...services],
    S('第二十条第（六）项'),
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    ['行政处罚', ...penalties],
    ['行政强制', ...enforcement],
    S('第二十条第（八）项'),
    ['信息内容', '上一年项目数量', '本年增/减'],
    ['行政事业性收费', ...fees],
    S('第二十条第（九）项'),
    ['信息内容', '采购项目数量', '采购总金额'],
    ['政府集中采购', String(buys), buys ? wan(rng.int(500, 200000) * buys, rng.pick([2, 4])) : '0'],
  ]);
}

export function f2019(d: Doc): void {
  sixPart(d, { variant: '2019', article20 });
}
