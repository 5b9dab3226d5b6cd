// Statistics tables with numbers that add up, except where the truth says they don't.
// The applications table obeys, per column: new + carried over = handled (总计) + carried to
// next year, and the 总计 column is the sum of the applicant columns.
import type { Rng } from './random.js';
import type { GenLevel } from './types.js';

/** How busy an issuer is, relative to a township. */
export const SCALE: Readonly<Record<GenLevel, number>> = { township: 1, department: 2, county: 8, city: 25 };

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Draws a count of events: often none at all for small issuers. */
export function count(rng: Rng, level: GenLevel, pZero: number, max: number): number {
  if (rng.chance(pZero)) return 0;
  return rng.int(1, Math.max(1, Math.round(max * SCALE[level])));
}

/** Splits n into parts by weight (multinomial draw). */
export function split(rng: Rng, n: number, weights: readonly number[]): number[] {
  const out = weights.map(() => 0);
  const total = sum(weights);
  for (let i = 0; i < n; i++) {
    let r = rng.next() * total;
    let j = 0;
    while (j < weights.length - 1 && (r -= weights[j]!) >= 0) j++;
    out[j]!++;
  }
  return out;
}

// --- 三、收到和处理政府信息公开申请情况 (2019 and 2021 formats) -------------------------

/** Applicant columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他. */
const APPLICANT_WEIGHTS = [82, 9, 0.5, 1.5, 3, 4];

type ResultRow = readonly [group: string, item: string, weight: number];
const RESULTS_HEAD: readonly ResultRow[] = [
  ['（一）予以公开', '', 55],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '', 8],
  ['（三）不予公开', '1.属于国家秘密', 0.5],
  ['', '2.其他法律行政法规禁止公开', 0.5],
  ['', '3.危及“三安全一稳定”', 0.5],
  ['', '4.保护第三方合法权益', 1],
  ['', '5.属于三类内部事务信息', 1],
  ['', '6.属于四类过程性信息', 2],
  ['', '7.属于行政执法案卷', 1],
  ['', '8.属于行政查询事项', 1],
  ['（四）无法提供', '1.本机关不掌握相关政府信息', 16],
  ['', '2.没有现成信息需要另行制作', 3],
  ['', '3.补正后申请内容仍不明确', 2],
  ['（五）不予处理', '1.信访举报投诉类申请', 3],
  ['', '2.重复申请', 2],
  ['', '3.要求提供公开出版物', 0.5],
  ['', '4.无正当理由大量反复申请', 0.5],
  ['', '5.要求行政机关确认或重新出具已获取信息', 0.5],
];
const RESULTS_OTHER_2019: readonly ResultRow[] = [['（六）其他处理', '', 3]];
const RESULTS_OTHER_2021: readonly ResultRow[] = [
  ['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 2],
  ['', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 0.2],
  ['', '3.其他', 1],
];

export interface Applications {
  newly: number[];
  carried: number[];
  next: number[];
  /** One row per result item, six applicant columns each. */
  results: number[][];
}

/** `carriedOver`: last year's 结转下年度 (a lineage), else drawn. */
export function makeApplications(rng: Rng, level: GenLevel, year: number, variant: '2019' | '2021', carriedOver?: readonly number[]): Applications {
  const rows = [...RESULTS_HEAD, ...(variant === '2019' ? RESULTS_OTHER_2019 : RESULTS_OTHER_2021)];
  const total = count(rng, level, level === 'township' ? 0.82 : level === 'department' ? 0.45 : 0.2, year < 2021 ? 5 : 6);
  const newly = split(rng, total, APPLICANT_WEIGHTS);
  const drawn = newly.map((n) => (n > 4 && rng.chance(0.3) ? rng.int(0, Math.ceil(n * 0.08)) : 0));
  const carried = carriedOver && carriedOver.length === drawn.length ? [...carriedOver] : drawn;
  const next = newly.map((n, i) => (n > 4 && rng.chance(0.3) ? rng.int(0, Math.ceil((n + carried[i]!) * 0.08)) : 0));
  const weights = rows.map((r) => r[2]);
  const perColumn = newly.map((n, i) => split(rng, n + carried[i]! - next[i]!, weights));
  const results = rows.map((_, r) => perColumn.map((col) => col[r]!));
  return { newly, carried, next, results };
}

/** How a deliberately inconsistent table is broken (each breaks new + carried = handled + next). */
export type Flaw = 'handled_total' | 'next_total' | 'new_natural';

export function applicationsTable(variant: '2019' | '2021', a: Applications, flaw: Flaw | null, k: number, orgLabel: string): string[][] {
  const rows = [...RESULTS_HEAD, ...(variant === '2019' ? RESULTS_OTHER_2019 : RESULTS_OTHER_2021)];
  const withTotal = (xs: readonly number[]) => [...xs, sum(xs)];
  const newly = withTotal(a.newly);
  const handled = withTotal(a.results[0]!.map((_, c) => sum(a.results.map((r) => r[c]!))));
  const next = withTotal(a.next);
  if (flaw === 'handled_total') handled[6]! += k;
  if (flaw === 'next_total') next[6]! += k;
  if (flaw === 'new_natural') newly[0]! += k;
  const nums = (xs: readonly number[]) => xs.map(String);
  const out: string[][] = [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况'],
    ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '', '', '商业企业', '科研机构', orgLabel, '法律服务机构', '其他'],
    ['一、本年新收政府信息公开申请数量', '', '', ...nums(newly)],
    ['二、上年结转政府信息公开申请数量', '', '', ...nums(withTotal(a.carried))],
  ];
  rows.forEach(([group, item], r) => {
    out.push([r === 0 ? '三、本年度办理结果' : '', group, item, ...nums(withTotal(a.results[r]!))]);
  });
  out.push(['', '（七）总计', '', ...nums(handled)]);
  out.push(['四、结转下年度继续办理', '', '', ...nums(next)]);
  return out;
}

/**
 * The truth on the crosswalk's common measures (services/analytics/crosswalk) as the table
 * prints them: the 总计 column, with the planted flaw where it lands in that column.
 */
export function applicationsMeasures(a: Applications, flaw: Flaw | null, k: number): Record<string, number> {
  const rowTotal = (r: number) => sum(a.results[r]!);
  const rows = (from: number, to: number) => sum(Array.from({ length: to - from }, (_, i) => rowTotal(from + i)));
  return {
    'requests.new': sum(a.newly), // new_natural changes the 自然人 cell only, not 总计
    'requests.carried_over': sum(a.carried),
    'requests.decided': rows(0, a.results.length) + (flaw === 'handled_total' ? k : 0),
    'requests.carried_forward': sum(a.next) + (flaw === 'next_total' ? k : 0),
    'requests.granted': rowTotal(0),
    'requests.partly_granted': rowTotal(1),
    'requests.refused': rows(2, 10),
    'refused.state_secret': rowTotal(2),
    'refused.law': rowTotal(3),
    'refused.security': rowTotal(4),
    'refused.third_party': rowTotal(5),
    'requests.not_held': rowTotal(10),
    'requests.unable': rows(10, 13),
    'requests.not_processed': rows(13, 18),
    'requests.other_processing': rows(18, a.results.length),
  };
}

// --- 四、政府信息公开行政复议、行政诉讼情况 ----------------------------------------------

/** Three groups (复议, 未经复议直接起诉, 复议后起诉) of 维持/纠正/其他/尚未审结 + 总计. */
export function makeReview(rng: Rng, level: GenLevel): number[] {
  const out: number[] = [];
  for (let g = 0; g < 3; g++) {
    const n = count(rng, level, level === 'township' ? 0.97 : 0.7, g === 2 ? 0.2 : 0.5);
    const parts = split(rng, n, [6, 1, 1, 1]);
    out.push(...parts, n);
  }
  return out;
}

/** The review and litigation measures of the crosswalk from the fifteen numbers. */
export function reviewMeasures(n: readonly number[]): Record<string, number> {
  const both = (c: number) => n[5 + c]! + n[10 + c]!;
  return {
    'review.total': n[4]!, 'review.upheld': n[0]!, 'review.corrected': n[1]!, 'review.concluded': n[0]! + n[1]! + n[2]!, 'review.pending': n[3]!,
    'litigation.total': both(4), 'litigation.upheld': both(0), 'litigation.corrected': both(1),
    'litigation.concluded': both(0) + both(1) + both(2), 'litigation.pending': both(3),
  };
}

export function reviewTable(nums: readonly number[]): string[][] {
  const group = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    ['行政复议', '', '', '', '', '行政诉讼'],
    [...group, '未经复议直接起诉', '', '', '', '', '复议后起诉'],
    ['', '', '', '', '', ...group, ...group],
    nums.map(String),
  ];
}

// --- 统计表 of the old format (before 2019) -----------------------------------------------

export interface OldStats {
  proactive: number;
  rules: number;
  channels: { web: number; weibo: number; wechat: number; other: number };
  received: number;
  replies: number[];
}

/** Rows of the national statistics form; the 2016 revision added channels and responses. */
export function oldStatsTable(rng: Rng, level: GenLevel, year: number, s: OldStats, flawK: number, header: readonly string[]): string[][] {
  const R = (label: string, unit: string, v: number | string): string[] => [label, unit, String(v)];
  const H = (label: string): string[] => [label, '——', ''];
  const byChannel = split(rng, s.received, [5, 0.3, 3, 1]);
  const late = s.received > 3 && rng.chance(0.2) ? 1 : 0;
  const staffFull = rng.int(0, level === 'township' ? 1 : 3);
  const staffPart = rng.int(1, level === 'township' ? 3 : 6);
  const meetings = count(rng, level, 0.3, 0.5);
  const trainings = count(rng, level, 0.4, 0.4);
  const rows: string[][] = [
    [...header],
    H('一、主动公开情况'),
    R('（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', s.proactive),
    R('其中：主动公开规范性文件数', '条', s.rules),
    R('制发规范性文件总数', '件', s.rules),
  ];
  let n = 2;
  if (year >= 2016) {
    rows.push(
      H('（二）通过不同渠道和方式公开政府信息的情况'),
      R('1.政府公报公开政府信息数', '条', 0),
      R('2.政府网站公开政府信息数', '条', s.channels.web),
      R('3.政务微博公开政府信息数', '条', s.channels.weibo),
      R('4.政务微信公开政府信息数', '条', s.channels.wechat),
      R('5.其他方式公开政府信息数', '条', s.channels.other),
      H('二、回应解读情况'),
      R('（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', '次', count(rng, level, 0.6, 1)),
      H('（二）通过不同渠道和方式回应解读的情况'),
      R('1.参加或举办新闻发布会总次数', '次', count(rng, level, 0.9, 0.3)),
      R('其中：主要负责同志参加新闻发布会次数', '次', 0),
      R('2.政府网站在线访谈次数', '次', count(rng, level, 0.9, 0.3)),
      R('其中：主要负责同志参加政府网站在线访谈次数', '次', 0),
      R('3.政策解读稿件发布数', '篇', count(rng, level, 0.5, 1)),
      R('4.微博微信回应事件数', '次', s.channels.weibo + s.channels.wechat > 0 ? count(rng, level, 0.5, 3) : 0),
      R('5.其他方式回应事件数', '次', count(rng, level, 0.6, 3)),
    );
    n = 3;
  }
  const num = (i: number) => ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'][i - 1]!;
  const r = s.replies;
  rows.push(
    H(`${num(n)}、依申请公开情况`),
    R('（一）收到申请数', '件', s.received + flawK),
    R('1.当面申请数', '件', byChannel[0]!),
    R('2.传真申请数', '件', byChannel[1]!),
    R('3.网络申请数', '件', byChannel[2]!),
    R('4.信函申请数', '件', byChannel[3]!),
    R('（二）申请办结数', '件', s.received),
    R('1.按时办结数', '件', s.received - late),
    R('2.延期办结数', '件', late),
    R('（三）申请答复数', '件', s.received),
    R('1.属于已主动公开范围数', '件', r[0]!),
    R('2.同意公开答复数', '件', r[1]!),
    R('3.同意部分公开答复数', '件', r[2]!),
    R('4.不同意公开答复数', '件', r[3]!),
    R('其中：涉及国家秘密', '件', 0),
    R('涉及商业秘密', '件', 0),
    R('涉及个人隐私', '件', r[3]!),
    R('危及国家安全、公共安全、经济安全和社会稳定', '件', 0),
    R('不是《条例》所指政府信息', '件', 0),
    R('法律法规规定的其他情形', '件', 0),
    R('5.不属于本行政机关公开数', '件', r[4]!),
    R('6.申请信息不存在数', '件', r[5]!),
    R('7.告知作出更改补充数', '件', r[6]!),
    R('8.告知通过其他途径办理数', '件', r[7]!),
    R(`${num(n + 1)}、行政复议数量`, '件', 0),
    R('（一）维持具体行政行为数', '件', 0),
    R('（二）被依法纠错数', '件', 0),
    R('（三）其他情形数', '件', 0),
    R(`${num(n + 2)}、行政诉讼数量`, '件', 0),
    R('（一）维持具体行政行为或者驳回原告诉讼请求数', '件', 0),
    R('（二）被依法纠错数', '件', 0),
    R('（三）其他情形数', '件', 0),
    R(`${num(n + 3)}、举报投诉数量`, '件', 0),
    R(`${num(n + 4)}、依申请公开信息收取的费用`, '万元', 0),
    H(`${num(n + 5)}、机构建设和保障经费情况`),
    R('（一）政府信息公开工作专门机构数', '个', rng.int(0, 1)),
    R('（二）设置政府信息公开查阅点数', '个', rng.int(1, level === 'township' ? 3 : 12)),
    R('（三）从事政府信息公开工作人员数', '人', staffFull + staffPart),
    R('1.专职人员数（不包括政府公报及政府网站工作人员数）', '人', staffFull),
    R('2.兼职人员数', '人', staffPart),
    R('（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', '万元', 0),
    H(`${num(n + 6)}、政府信息公开会议和培训情况`),
    R('（一）召开政府信息公开工作会议或专题会议数', '次', meetings),
    R('（二）举办各类培训班数', '次', trainings),
    R('（三）接受培训人员数', '人次', trainings ? rng.int(trainings * 5, trainings * 40) : 0),
  );
  return rows;
}
