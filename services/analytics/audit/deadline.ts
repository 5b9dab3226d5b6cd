// Published by the deadline of the 条例. Since the 2019 revision (article 49) departments of
// governments at county level and above publish by 31 January, and the governments' own
// reports are published by 31 March; before it (2007, article 31) every administrative
// organ by 31 March. Township governments are not named by article 49: their reports are
// held to the governments' 31 March. The date is the page's publication date when the file
// gives one (source.published), else the report's own sign-off date at its end (落款).
import { result, type AuditInput } from './context.js';
import type { AuditEvidence, AuditRuleResult } from './schema.js';
import { RULES } from './sources.js';
import { prepare } from '../tables/cells.js';
import { quote } from './text.js';

const SIGN_OFF = /^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The sign-off date among the last lines of the text, with where it stands. */
function signOff(text: string): { date: string; start: number; end: number } | null {
  let end = text.length;
  for (let k = 0; k < 8 && end > 0; k++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    // Full-width digits and a word processor's bookmark are extraction's, not the date's.
    const m = SIGN_OFF.exec(prepare(line));
    if (m) return { date: `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`, start, end: start + line.trimEnd().length };
    end = start - 1;
  }
  return null;
}

/** The deadline for a report of `year` by an issuer of `level`, or null when the rule does not say. */
export function deadlineFor(year: number, level: string): { date: string; basis: string } | null {
  const y = year + 1;
  if (year < 2019) return { date: `${y}-03-31`, basis: '2007年条例第三十一条：3月31日前' };
  if (level === 'department') return { date: `${y}-01-31`, basis: '条例第四十九条第一款：部门1月31日前' };
  if (level === 'province' || level === 'city' || level === 'county') return { date: `${y}-03-31`, basis: '条例第四十九条第二款：地方人民政府3月31日前' };
  if (level === 'township') return { date: `${y}-03-31`, basis: '乡镇按本级政府的3月31日（第四十九条未单列乡镇）' };
  return null;
}

export function deadlineRule(input: AuditInput): AuditRuleResult {
  const spec = RULES.deadline;
  const { report } = input;
  if (report.year === null) return result(spec, input, 'not_assessable', '报告年度不明。');
  const due = deadlineFor(report.year, report.level);
  if (!due) return result(spec, input, 'not_assessable', '发布机关的层级不明，无法确定期限。');
  let date: string;
  let evidence: AuditEvidence[];
  let how: string;
  if (report.source.published) {
    date = report.source.published;
    how = '网页的发布日期';
    evidence = [];
  } else {
    const s = signOff(report.text);
    if (!s) return result(spec, input, 'not_assessable', '文件没有给出发布日期，报告末尾也没有落款日期。');
    date = s.date;
    how = '报告的落款日期';
    evidence = [quote(report.text, s.start, s.end, '落款日期')];
  }
  if (date < `${report.year}-01-01`) return result(spec, input, 'not_assessable', `${how}${date}早于报告年度，不可信。`, evidence);
  if (date <= due.date) return result(spec, input, 'pass', `${how}${date}，期限${due.date}（${due.basis}）。`, evidence);
  return result(spec, input, 'fail', `${how}${date}晚于期限${due.date}（${due.basis}）。`, evidence);
}
