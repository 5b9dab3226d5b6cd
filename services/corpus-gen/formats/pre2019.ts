// Reports for 2008–2018 (the 2008 条例): an 概述 and six to eleven numbered parts whose
// choice and wording varied by office, then the national 统计表 flattened at the end.
import { cn } from '../doc.js';
import { preamble } from '../front-matter.js';
import { onRequestSentences, problemsSection, sub, type Doc } from '../narrative.js';
import * as bank from '../phrase-bank.js';
import { render } from '../template.js';
import { oldStatsTable, split } from '../tables.js';
import type { Slot } from '../themes.js';

type Part = 'overview' | 'proactive' | 'keyAreas' | 'response' | 'platforms' | 'npc' | 'onRequest' | 'fees' | 'review' | 'problems' | 'other';

export function pre2019(d: Doc): void {
  const { c } = d;
  const { rng, year } = c;
  const H = bank.OLD_HEADINGS;
  preamble(d, 0.8);

  // Which optional parts this office writes; every theme slot is routed to a written part.
  const has = {
    keyAreas: rng.chance(0.4),
    response: year >= 2013 && (c.planned.has('policy_interpretation') || c.planned.has('opinion_response')) && rng.chance(0.5),
    platforms: rng.chance(0.3),
    npc: rng.chance(0.2),
    other: rng.chance(0.45),
  };
  const parts: Part[] = ['overview', 'proactive'];
  if (has.keyAreas) parts.push('keyAreas');
  if (has.response) parts.push('response');
  if (has.platforms) parts.push('platforms');
  if (has.npc) parts.push('npc');
  parts.push('onRequest', 'fees', 'review', 'problems');
  if (has.other) parts.push('other');

  // Interpretation and response sentences get their own part when the office writes one.
  const responses = has.response ? d.takeThemes(['policy_interpretation', 'opinion_response']) : [];
  const overviewSlots: Slot[] = ['supervision', 'management'];
  if (!has.platforms) overviewSlots.push('platforms');
  if (!has.other) overviewSlots.push('other');

  parts.forEach((part, i) => {
    const heading = `${cn(i + 1)}、${rng.pick(part === 'response' ? H.response : H[part])}`;
    d.heading(heading);
    switch (part) {
      case 'overview': {
        d.para([d.one(bank.OVERVIEW_INTRO), ...d.draw(bank.OVERVIEW_MORE, rng.int(0, 2))].join(''));
        const subs = overviewSlots.filter((s) => s !== 'other');
        subs.forEach((slot, j) => {
          const head = render(rng.pick(bank.OVERVIEW_SUBHEADS[slot as 'supervision' | 'management' | 'platforms']).tpl, rng, c.vars);
          const pool = slot === 'supervision' ? bank.SUPERVISION : slot === 'management' ? bank.MANAGEMENT : bank.PLATFORMS;
          const themed = d.take(slot, ...(j === subs.length - 1 ? (['other'] as Slot[]) : []));
          if (rng.chance(0.5)) d.body(d.draw(pool, rng.int(2, 3)), themed, `${sub(j + 1, head)}。`);
          else {
            d.heading(sub(j + 1, head));
            d.body(d.draw(pool, rng.int(2, 3)), themed);
          }
        });
        break;
      }
      case 'proactive':
        d.body(d.draw(bank.PROACTIVE, rng.int(3, 5)), [...d.take('proactive'), ...(has.keyAreas ? [] : d.take('keyAreas'))]);
        break;
      case 'keyAreas':
        d.body(d.draw(bank.PROACTIVE, 1), d.take('keyAreas'));
        break;
      case 'response':
        d.body([], responses);
        break;
      case 'platforms':
        d.body(d.draw(bank.PLATFORMS, rng.int(1, 3)), d.take('platforms'));
        break;
      case 'npc':
        d.para(d.one(bank.NPC_PROPOSALS));
        break;
      case 'onRequest':
        d.body(onRequestSentences(d), d.take('onRequest'));
        break;
      case 'fees':
        d.para(d.one(bank.FEES));
        break;
      case 'review':
        d.para(c.review[4]! + c.review[9]! + c.review[14]! > 0 ? d.one(bank.REVIEW_SOME) : d.one(bank.REVIEW_NONE));
        break;
      case 'problems':
        problemsSection(d);
        break;
      case 'other':
        d.body(d.draw(bank.OTHER, rng.int(0, 1)), d.take('other'));
        break;
    }
  });

  // The statistics form, appended after the text.
  const v = c.vars;
  if (rng.chance(0.5)) d.para(`附件：${v.upfull}${year}年度政府信息公开情况统计表`);
  d.heading(`${rng.chance(0.5) ? v.upfull : v.name}${year}年度政府信息公开情况统计表`);
  const received = c.appsTotal;
  const header = rng.chance(0.6) ? ['统计指标', '单位', '统计数'] : ['统 计 指 标', '单 位', '汇 总 数'];
  const webShare = c.planned.has('website') ? rng.int(30, 90) / 100 : rng.int(0, 40) / 100;
  const channels = {
    web: Math.round(c.proactive * webShare),
    weibo: c.planned.has('weibo') ? rng.int(5, Math.max(6, c.proactive)) : 0,
    wechat: c.planned.has('wechat') ? rng.int(5, Math.max(6, c.proactive)) : 0,
    other: rng.int(0, c.proactive),
  };
  const replies = split(rng, received, [3, 5, 1, 0.5, 0.5, 1, 0.3, 0.3]);
  const rows = oldStatsTable(rng, c.issuer.level, year, { proactive: c.proactive, rules: c.rules, channels, received, replies }, c.consistent ? 0 : c.flawK, header);
  d.table(rows, c.tableStyle);
  // The truth on the crosswalk's measures as the 统计表 prints them (review and litigation rows are all 0).
  const flawK = c.consistent ? 0 : c.flawK;
  Object.assign(d.measures, {
    'requests.new': received + flawK, 'requests.decided': received,
    'requests.granted': replies[0]! + replies[1]!, 'requests.partly_granted': replies[2]!, 'requests.refused': replies[3]!,
    'refused.state_secret': 0, 'refused.law': 0, 'refused.security': 0, 'refused.third_party': replies[3]!,
    'requests.not_held': replies[4]! + replies[5]!,
    'review.total': 0, 'review.upheld': 0, 'review.corrected': 0, 'review.concluded': 0,
    'litigation.total': 0, 'litigation.upheld': 0, 'litigation.corrected': 0, 'litigation.concluded': 0,
    'proactive.total': c.proactive, 'proactive.normative': c.rules,
    ...(year >= 2016 ? { 'proactive.website': channels.web, 'proactive.weibo': channels.weibo, 'proactive.wechat': channels.wechat } : {}),
  });
}
