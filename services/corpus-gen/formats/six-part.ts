// The six-part skeleton shared by the 2019 and 2021 formats (国办公开办函〔2019〕60号 and
// 〔2021〕30号 templates): same headings, different 第二十条 tables and 其他处理 rows.
import { preamble } from '../front-matter.js';
import { onRequestSentences, problemsSection, sub, type Doc } from '../narrative.js';
import * as bank from '../phrase-bank.js';
import { applicationsMeasures, applicationsTable, reviewMeasures, reviewTable, type Flaw } from '../tables.js';

export interface SixPartTables {
  variant: '2019' | '2021';
  /** Writes the 二、主动公开政府信息情况 tables. */
  article20(d: Doc): void;
}

const FLAWS: readonly Flaw[] = ['handled_total', 'next_total', 'new_natural'];

export function sixPart(d: Doc, t: SixPartTables): void {
  const { c } = d;
  const { rng } = c;
  preamble(d, 0.75);

  d.heading(`一、${rng.weighted([['总体情况', 8], ['总体情况概述', 1], ['总体公开工作情况概述', 1]])}`);
  const intro = [d.one(bank.OVERVIEW_INTRO), ...d.draw(bank.OVERVIEW_MORE, rng.int(0, 2))];
  if (rng.chance(0.5)) d.para(intro.join(''));
  else for (const s of intro) d.para(s);

  const H = bank.SIX_PART_SUBHEADS;
  const parts: [string, string[], string[]][] = [
    [rng.pick(H.proactive), d.draw(bank.PROACTIVE, rng.int(3, 5)), d.take('proactive', 'keyAreas')],
    [rng.pick(H.onRequest), onRequestSentences(d), d.take('onRequest')],
    [rng.pick(H.management), d.draw(bank.MANAGEMENT, rng.int(2, 3)), d.take('management')],
    [rng.pick(H.platforms), d.draw(bank.PLATFORMS, rng.int(2, 3)), d.take('platforms')],
    [rng.pick(H.supervision), d.draw(bank.SUPERVISION, rng.int(2, 4)), d.take('supervision')],
  ];
  const inline = rng.chance(0.35);
  parts.forEach(([head, base, themed], i) => {
    if (inline) d.body(base, themed, `${sub(i + 1, head)}。`);
    else {
      d.heading(sub(i + 1, head));
      d.body(base, themed);
    }
  });

  d.heading('二、主动公开政府信息情况');
  t.article20(d);

  d.heading('三、收到和处理政府信息公开申请情况');
  const flaw = c.consistent ? null : rng.pick(FLAWS);
  const orgLabel = t.variant === '2019' ? rng.pick(['社会公益组织', '社会组织']) : '社会公益组织';
  d.table(applicationsTable(t.variant, c.apps, flaw, c.flawK, orgLabel));
  Object.assign(d.measures, applicationsMeasures(c.apps, flaw, c.flawK));

  d.heading('四、政府信息公开行政复议、行政诉讼情况');
  d.table(reviewTable(c.review));
  Object.assign(d.measures, reviewMeasures(c.review));

  d.heading('五、存在的主要问题及改进情况');
  problemsSection(d);

  d.heading('六、其他需要报告的事项');
  const other = d.draw(bank.OTHER, rng.weighted([[0, 3], [1, 5], [2, 2]]));
  const themed = d.take('other');
  if (other.length + themed.length === 0) d.para('无。');
  else d.body(other, themed);
}

/** Money in 万元, with the 2 or 4 decimals offices use. */
export const wan = (cents: number, decimals: number) => (cents / 100).toFixed(decimals);

/** Section rows (第二十条第（一）项) are sometimes padded with empty cells, as merged cells flatten. */
export const sectionRow = (label: string, pad: boolean, width: number) =>
  pad ? [label, ...Array<string>(width - 1).fill('')] : [label];
