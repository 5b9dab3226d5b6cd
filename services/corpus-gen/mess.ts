// PDF-extraction artefacts, applied to a share of reports (--mess). Everything here only
// adds noise around the words: removing whitespace, page-number and running-header lines,
// `**`, `[bookmark: _GoBack]`, leading "- " and folding full-width digits gives the clean
// wording back (the tests check exactly that), while pasted notices and foreign lists add
// whole blocks that a parser must learn to ignore.
import type { Block } from './doc.js';
import * as bank from './phrase-bank.js';
import type { Rng } from './random.js';
import { render, type Vars } from './template.js';
import type { MessKind } from './types.js';

export interface MessInfo {
  title: string;
  issuer: string;
  vars: Vars;
  year: number;
  siblings: readonly string[];
  /** Where the foreign townships live, e.g. 固原市. */
  upper: string;
}

const CJK = (c: number) => c >= 0x4e00 && c <= 0x9fff;
const NUMBER_EDGE = /([\u4e00-\u9fff](?=[0-9\uff10-\uff19])|[0-9\uff10-\uff19](?=[\u4e00-\u9fff]))/g;

/**
 * Spaces inside words and around numbers, as PDF text layers produce them. Positions
 * inside words are found by geometric jumps (one random draw per space, not per character).
 */
function pdfSpaces(s: string, rng: Rng, q: number): string {
  s = s.replace(NUMBER_EDGE, (m) => (rng.chance(0.7) ? m + ' ' : m));
  const jump = () => 1 + Math.floor(Math.log(1 - rng.next()) / Math.log(1 - q));
  let out = '';
  let last = 0;
  for (let i = jump() - 1; i < s.length - 1; i += jump()) {
    if (CJK(s.charCodeAt(i)) && CJK(s.charCodeAt(i + 1))) {
      out += s.slice(last, i + 1) + (rng.chance(0.85) ? ' ' : '  ');
      last = i + 1;
    }
  }
  return out + s.slice(last);
}

const fullWidthDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

const personName = (rng: Rng) =>
  rng.pick(bank.SURNAMES) + rng.pick(bank.GIVEN) + (rng.chance(0.6) ? rng.pick(bank.GIVEN) : '');

/** A working-group notice from another file, pasted into the report. */
function notice(rng: Rng, vars: Vars): Block[] {
  const names = (n: number) => Array.from({ length: n }, () => personName(rng)).join('、');
  const lines = [
    `${vars.subs}：`,
    render(rng.pick(bank.NOTICE_OPENING).tpl, rng, vars),
    `一、领导小组${rng.pick(['组成', '成员'])}`,
    `组  长：${names(1)}`,
    `副组长：${names(rng.int(1, 2))}`,
    `成  员：${names(rng.int(3, 7))}`,
    `二、${rng.pick(['工作职责', '主要职责'])}`,
    render(rng.pick(bank.NOTICE_DUTIES).tpl, rng, vars),
  ];
  return lines.map((text) => ({ kind: 'para', text }));
}

/** Another township's publication list (a table), pasted in by mistake. */
function foreignList(rng: Rng, info: MessInfo): Block {
  const rows: string[][] = [['序号', '索引号', '标题', '发布日期', '发布机构']];
  const sib = rng.pick(info.siblings);
  const prefix = String(rng.int(10000000, 99999999));
  const n = rng.int(4, 12);
  for (let i = 1; i <= n; i++) {
    const title = render(rng.pick(bank.FOREIGN_TITLES).tpl, rng, { ...info.vars, sib });
    const date = `${info.year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    rows.push([String(i), `${prefix}/${info.year}-${String(rng.int(1, 99999)).padStart(5, '0')}`, title, date, info.upper + sib]);
  }
  return { kind: 'table', rows, style: 'tabs' };
}

const LISTY = /^([（(][一二三四五六七八九十]+[）)]|\d+[.、]|[一二三四五六七八九十]是)/;
const BOLD_ITEM = /([一二三四五六七八九十]是[^。；;，,]{2,18}。)/g;

/** Chooses artefact kinds for a messy report (at least one). */
function chooseKinds(rng: Rng, canForeign: boolean): MessKind[] {
  const p: [MessKind, number][] = [
    ['spaces', 0.5], ['wraps', 0.45], ['pages', 0.45], ['bookmark', 0.25], ['fullwidth', 0.15],
    ['bold', 0.25], ['list', 0.2], ['notice', 0.12], ['foreign_list', canForeign ? 0.1 : 0],
  ];
  const kinds = p.filter(([, q]) => rng.chance(q)).map(([k]) => k);
  if (kinds.includes('pages') && rng.chance(0.5)) kinds.push('headers');
  return kinds.length ? kinds : ['spaces'];
}

/** Block-level artefacts; returns new blocks (the input is not modified). */
function messBlocks(blocks: readonly Block[], kinds: readonly MessKind[], rng: Rng, info: MessInfo): Block[] {
  const out = blocks.map((b) => ({ ...b }));
  const has = (k: MessKind) => kinds.includes(k);
  const early = () => rng.int(2, Math.max(2, Math.min(out.length - 1, 12)));
  if (has('notice')) out.splice(early(), 0, ...notice(rng, info.vars));
  if (has('foreign_list')) out.splice(early(), 0, foreignList(rng, info));
  const q = rng.int(2, 7) / 100;
  for (const b of out) {
    if (b.kind === 'table') continue;
    let t = b.text;
    if (has('bold') && b.kind !== 'title') {
      if (LISTY.test(t) && b.kind === 'heading') t = `**${t}**`;
      else if (rng.chance(0.6)) t = t.replace(BOLD_ITEM, '**$1**');
    }
    if (has('list') && b.kind !== 'title' && LISTY.test(t)) t = '- ' + t;
    if (has('fullwidth')) t = fullWidthDigits(t);
    if (has('spaces')) t = pdfSpaces(t, rng, q);
    b.text = t;
  }
  if (has('bookmark')) {
    const paras = out.map((b, i) => (b.kind === 'para' ? i : -1)).filter((i) => i >= out.length / 2);
    if (paras.length) {
      const b = out[rng.pick(paras)] as { text: string };
      b.text = '[bookmark: _GoBack]' + b.text;
    }
  }
  return out;
}

/** Line-level artefacts on the serialised text: hard wraps, page numbers, running headers. */
function messLines(text: string, kinds: readonly MessKind[], rng: Rng, info: MessInfo): string {
  let lines = text.split('\n');
  const titleAt = lines.findIndex((l) => l.trim() !== '');
  const wrapped = kinds.includes('wraps');
  if (wrapped) {
    const width = rng.int(28, 42);
    lines = lines.flatMap((l, i) => {
      if (i === titleAt || l.includes('\t') || l.length <= width + 4) return [l];
      const parts: string[] = [];
      for (let j = 0; j < l.length; ) {
        const w = width + rng.int(-2, 2);
        parts.push(l.slice(j, j + w));
        j += w;
      }
      return parts;
    });
  }
  if (!kinds.includes('pages')) return lines.join('\n');
  const style = rng.pick(['- # -', '—#—', '第#页', '#', '- # -']);
  const header = rng.pick([info.title, info.issuer]);
  const pageLen = rng.int(700, 1000);
  let page = rng.chance(0.7) ? 1 : 2;
  let acc = 0;
  const out: string[] = [];
  for (let [i, line] of lines.entries()) {
    // Without hard wraps a page break may fall inside a long paragraph: split it there.
    if (!wrapped && i !== titleAt && !line.includes('\t') && acc + line.length > pageLen && line.length > 40 && rng.chance(0.5)) {
      const at = rng.int(10, line.length - 10);
      out.push(line.slice(0, at), '', style.replace('#', String(page++)), '');
      if (kinds.includes('headers')) out.push(header, '');
      line = line.slice(at);
      acc = 0;
    }
    out.push(line);
    acc += line.length;
    if (acc > pageLen) {
      out.push('', style.replace('#', String(page++)), '');
      if (kinds.includes('headers')) out.push(header, '');
      acc = 0;
    }
  }
  return out.join('\n');
}

export function applyMess(
  blocks: readonly Block[], rng: Rng, info: MessInfo, serialize: (b: readonly Block[]) => string,
  exclude: readonly MessKind[] = [],
): { text: string; kinds: MessKind[] } {
  const kinds = chooseKinds(rng, info.siblings.length > 0).filter((k) => !exclude.includes(k));
  const text = messLines(serialize(messBlocks(blocks, kinds, rng, info)), kinds, rng, info);
  return { text, kinds };
}
