// The pre-2019 政府信息公开情况统计表: rows 统计指标 | 单位 | 统计数, grouped under 一、… 九、
// headings. Read as a stream of cells (a label may be wrapped over several cells or lines):
// label cells accumulate until a unit cell, and the number after the unit closes the row.
import { isPageFurniture, isStrayNumber, numberOf, squash, type Row } from './cells.js';
import type { StatItem } from './schema.js';

const UNITS = new Set(['条', '件', '次', '人', '个', '篇', '项', '元', '万元', '人次', '家', '期', '天', '%', '——', '—', '-', '/']);

const HEADER = /^(统计指标|单位|统计数|汇总数|数量|计量单位)$/;
/** Starts a new label: a numbered item or 其中：. */
const NUMBERED = /^([一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.|\d+、|其中:)/;
const TOP = /^([一二三四五六七八九十]+)、/;

const SECTIONS: ReadonlyArray<[RegExp, string]> = [
  [/主动公开/, 'proactive'],
  [/回应|解读/, 'response'],
  [/依申请公开情况|申请情况/, 'requests'],
  [/行政复议/, 'review'],
  [/行政诉讼/, 'litigation'],
  [/举报|投诉/, 'complaints'],
  [/收取的费用|收费/, 'fees'],
  [/机构建设|保障经费/, 'staffing'],
  [/会议|培训/, 'training'],
];

/** Item keys by section, most specific first. */
const ITEMS: Record<string, ReadonlyArray<[RegExp, string]>> = {
  proactive: [
    [/主动公开规范性文件/, 'normative'], [/制发规范性文件/, 'normative_issued'], [/主动公开政府信息数/, 'total'],
    [/政府公报/, 'gazette'], [/政府网站/, 'website'], [/微博/, 'weibo'], [/微信/, 'wechat'], [/其他方式/, 'other'],
  ],
  response: [
    [/热点|舆情/, 'total'], [/主要负责同志.*新闻发布会/, 'press_conferences_leaders'], [/新闻发布会/, 'press_conferences'],
    [/主要负责同志.*访谈/, 'interviews_leaders'], [/在线访谈/, 'interviews'], [/解读稿件/, 'interpretations'],
    [/微博微信回应/, 'social_media'], [/其他方式回应/, 'other'],
  ],
  requests: [
    [/收到申请/, 'received'], [/当面/, 'in_person'], [/传真/, 'by_fax'], [/网络/, 'online'], [/信函/, 'by_letter'],
    [/申请办结/, 'completed'], [/按时办结/, 'on_time'], [/延期办结/, 'extended'], [/申请答复/, 'answered'],
    [/已主动公开/, 'already_public'], [/同意部分公开/, 'partly_granted'], [/不同意公开/, 'refused'], [/同意公开/, 'granted'],
    [/国家秘密/, 'refused.state_secret'], [/商业秘密/, 'refused.trade_secret'], [/个人隐私/, 'refused.privacy'],
    [/国家安全|社会稳定/, 'refused.security'], [/所指政府信息/, 'refused.not_government_information'],
    [/法律法规规定的其他/, 'refused.other_law'], [/不属于本行政机关/, 'not_this_agency'], [/信息不存在/, 'not_exist'],
    [/更改补充/, 'amend'], [/其他途径/, 'other_channel'],
  ],
  review: [[/行政复议数量|行政复议/, 'total'], [/维持/, 'upheld'], [/纠错/, 'corrected'], [/其他情形/, 'other']],
  litigation: [[/行政诉讼数量|行政诉讼/, 'total'], [/维持|驳回/, 'upheld'], [/纠错/, 'corrected'], [/其他情形/, 'other']],
  complaints: [[/举报|投诉/, 'total']],
  fees: [[/费用|收费/, 'collected']],
  staffing: [
    [/专门机构/, 'bodies'], [/查阅点/, 'reading_points'], [/专职人员/, 'full_time'], [/兼职人员/, 'part_time'],
    [/工作人员数/, 'staff'], [/专项经费/, 'budget'],
  ],
  training: [[/会议/, 'meetings'], [/培训班/, 'courses'], [/接受培训/, 'trainees']],
};

/** Where the 统计表 starts: its header row (统计指标 | 单位 | 统计数), or -1. */
export function legacyStart(rows: readonly Row[]): number {
  return rows.findIndex((r) => r.cells.some((c) => squash(c) === '统计指标'));
}

export function parseLegacy(rows: readonly Row[], warnings: string[]): StatItem[] {
  const atoms = rows.filter((r) => !isStrayNumber(r)).flatMap((r) => r.cells.map(squash).filter((c) => c && !isPageFurniture(c)));
  const items: StatItem[] = [];
  const seen = new Set<string>();
  let section = 'unknown';
  let label: string[] = [];
  let unit: string | null = null;
  for (const atom of atoms) {
    if (HEADER.test(atom)) {
      label = [];
      unit = null;
      continue;
    }
    if (unit !== null) {
      const value = numberOf(atom);
      const text = label.join('');
      unit = unit === '——' || unit === '—' || unit === '-' || unit === '/' ? null : unit;
      if (value !== null && unit !== null) {
        const key = `${section}.${keyOf(section, text) ?? `unknown:${text.replace(NUMBERED, '')}`}`;
        if (!seen.has(key)) {
          seen.add(key);
          items.push({ table: 'legacy', row: key, label: text, column: 'value', value, unit });
        }
        label = [];
        unit = null;
        continue;
      }
      // A heading row (unit ——) or a row without its number: this atom starts the next label.
      label = [];
      unit = null;
    }
    if (UNITS.has(atom) && label.length) {
      unit = atom;
      const top = TOP.exec(label[0]!);
      if (top) section = sectionOf(label.join('')) ?? section;
      continue;
    }
    if (numberOf(atom) !== null) {
      label = [];
      continue;
    }
    if (NUMBERED.test(atom) || !label.length) {
      if (TOP.test(atom)) section = sectionOf(atom) ?? section;
      label = [atom];
    } else {
      label.push(atom);
    }
  }
  if (!items.length) warnings.push('legacy: a 统计表 header but no rows with a unit and a number');
  return items;
}

function sectionOf(label: string): string | undefined {
  return SECTIONS.find(([re]) => re.test(label.replace(TOP, '')))?.[1];
}

function keyOf(section: string, label: string): string | undefined {
  return (ITEMS[section] ?? []).find(([re]) => re.test(label))?.[1];
}
