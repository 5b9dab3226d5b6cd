// Themes users track: what counts as a mention (keywords), how likely a report of a given
// year and level is to talk about each (the drift), and sentences that plant them.
import { compilePool, type Compiled, type Entry } from './template.js';
import type { GenLevel, Theme } from './types.js';

/**
 * A theme is "mentioned" when one of these occurs in the text (after full-width folding).
 * Kept in step with the product's taxonomy (services/pipeline/themes/themes.json): on clean
 * generated text both give the same themes, so benchmarks measure the pipeline, not wording.
 */
export const THEME_KEYWORDS: Readonly<Record<Theme, readonly string[]>> = {
  wechat: ['微信', '公众号'],
  weibo: ['微博'],
  new_media: ['新媒体', '小程序', '客户端', '抖音', '今日头条', '视频号'],
  website: ['网站'],
  hotline_12345: ['12345'],
  policy_interpretation: ['解读'],
  confidentiality_review: ['保密审查'],
  training: ['培训'],
  staffing: ['人员不足', '力量薄弱', '专职人员少', '人手不足', '力量不足', '兼职为主', '人员紧缺', '人员数量偏少', '人员变动频繁'],
  open_day: ['开放日'],
  village_affairs: ['村务公开'],
  poverty_alleviation: ['扶贫', '脱贫攻坚'],
  epidemic: ['疫情'],
  public_participation: ['公众参与', '征求意见', '听证', '列席'],
  opinion_response: ['舆情', '回应关切', '回应社会关切', '回应群众关切'],
  service_hall: ['便民服务中心', '便民服务大厅', '政务服务中心', '政务服务大厅', '便民服务站'],
  assessment: ['考核'],
};

/** Themes mentioned in a (clean, folded) text, in THEMES order. */
export function themesIn(text: string, order: readonly Theme[]): Theme[] {
  return order.filter((t) => THEME_KEYWORDS[t].some((k) => text.includes(k)));
}

/** Linear ramp: `a` at year y0, `b` at year y1, flat outside. */
const ramp = (y: number, y0: number, a: number, y1: number, b: number) =>
  y <= y0 ? a : y >= y1 ? b : a + ((b - a) * (y - y0)) / (y1 - y0);

/**
 * Probability that a report deliberately talks about a theme. Shaped after how the real
 * reports evolved: microblogs from 2010, WeChat from 2013 and common after 2016, short-video
 * and mini-programs late, 12345 hotlines rising after 2019, poverty work peaking 2015–2020,
 * the epidemic only in 2020–2022.
 */
export function themeProbability(theme: Theme, y: number, level: GenLevel): number {
  const grassroots = level === 'township';
  switch (theme) {
    case 'wechat': return y < 2012 ? 0 : y === 2012 ? 0.02 : ramp(y, 2013, 0.15, 2017, 0.75);
    case 'weibo': return y < 2010 ? 0 : y <= 2018 ? ramp(y, 2010, 0.15, 2014, 0.45) : ramp(y, 2019, 0.3, 2024, 0.12);
    case 'new_media': return y < 2014 ? 0.01 : ramp(y, 2014, 0.1, 2020, 0.6);
    case 'website': return ramp(y, 2008, 0.55, 2016, 0.85);
    case 'hotline_12345': return y < 2013 ? 0.01 : y < 2019 ? 0.1 : ramp(y, 2019, 0.3, 2023, 0.6);
    case 'policy_interpretation': return ramp(y, 2012, 0.08, 2017, 0.65);
    case 'confidentiality_review': return y < 2019 ? 0.25 : 0.55;
    case 'training': return 0.5;
    case 'staffing': return grassroots ? 0.3 : 0.15;
    case 'open_day': return y < 2016 ? 0.01 : ramp(y, 2016, 0.1, 2020, 0.3);
    case 'village_affairs': return grassroots ? 0.55 : level === 'county' ? 0.2 : 0.02;
    case 'poverty_alleviation':
      if (y < 2014) return 0.08;
      if (y <= 2020) return (grassroots ? 0.75 : 0.45) * (y < 2015 ? 0.4 : 1);
      return y <= 2022 ? 0.3 : 0.1;
    case 'epidemic': return y === 2020 ? 0.8 : y === 2021 || y === 2022 ? 0.55 : 0;
    case 'public_participation': return ramp(y, 2012, 0.2, 2018, 0.45);
    case 'opinion_response': return ramp(y, 2012, 0.12, 2017, 0.5);
    case 'service_hall': return grassroots ? 0.5 : level === 'department' ? 0.15 : 0.35;
    case 'assessment': return 0.45;
  }
}

/** Which part of a report a theme sentence belongs in. */
export type Slot = 'proactive' | 'keyAreas' | 'onRequest' | 'management' | 'platforms' | 'supervision' | 'other';

export const THEME_SLOTS: Readonly<Record<Theme, readonly Slot[]>> = {
  wechat: ['platforms', 'proactive'],
  weibo: ['platforms', 'proactive'],
  new_media: ['platforms'],
  website: ['platforms', 'proactive'],
  hotline_12345: ['onRequest', 'platforms', 'other'],
  policy_interpretation: ['proactive'],
  confidentiality_review: ['management'],
  training: ['supervision'],
  staffing: ['supervision'],
  open_day: ['other', 'supervision'],
  village_affairs: ['keyAreas', 'platforms'],
  poverty_alleviation: ['keyAreas', 'proactive'],
  epidemic: ['keyAreas', 'proactive'],
  public_participation: ['proactive', 'other'],
  opinion_response: ['proactive', 'platforms'],
  service_hall: ['platforms', 'onRequest'],
  assessment: ['supervision'],
};

const bank: Record<Theme, readonly (string | Entry)[]> = {
  wechat: [
    '[开通|运营]“{short}[发布|之声|在线]”微信公众号，全年[推送|发布]信息{20-260}条。',
    '[利用|依托]微信[工作群|群]向[群众|村民][推送|转发]惠民政策信息。',
    '[通过|借助]微信公众号[及时|]发布[通知公告|工作动态|办事指南]。',
    '微信公众号[累计|全年]发布[信息|图文]{30-400}[条|篇]，[阅读量|浏览量]{2000-90000}余次。',
  ],
  weibo: [
    '[开设|运营]政务微博，[全年|年内]发布信息{10-300}条。',
    '[通过|利用]政务微博[及时|第一时间]发布[重要|]工作动态。',
    '政务微博[粉丝|关注]人数[达到|超过]{500-20000}人。',
  ],
  new_media: [
    '[加强|规范]政务新媒体[管理|建设]，[严格|落实]信息发布[审核|审签]。',
    { t: '[依托|借助]“{short}[村务|服务]”小程序[公开|发布]惠民信息{50-400}条。', from: 2017 },
    { t: '[开通|运营]抖音[政务号|账号]，[发布|制作]短视频{5-120}[条|个]。', from: 2018 },
    { t: '[通过|利用]今日头条等新媒体平台[扩大|拓展]公开覆盖面。', from: 2015 },
    { t: '[对|就]政务新媒体[开展|进行][清理整合|排查]，[关停|注销][长期不更新的|闲置]账号{1-3}个。', from: 2018 },
    { t: '手机客户端[累计|全年]下载{300-9000}次，[方便|便于]群众[随时|]查阅。', from: 2014 },
  ],
  website: [
    '[在|依托]{site}[信息公开专栏|政务公开栏目][发布|公开]信息{10-400}条。',
    '[及时|定期]更新{site}[相关栏目|公开专栏]内容，[做到|确保]信息[准确|完整]。',
    '政府网站[信息公开|政务公开]栏目[运行平稳|保持正常运行]，[未发生|未出现][错链断链|内容错误]情况。',
    '[做好|加强]网站[日常|]内容保障，[安排|明确]专人[维护|管理]。',
  ],
  hotline_12345: [
    '[认真|及时]办理12345[热线|政务服务热线]转办[工单|件]{5-400}件，办结率{95-100}%。',
    '[依托|通过]12345热线[收集|受理]群众诉求，[做到|实现]件件有回应。',
    '[落实|建立]12345热线[工单|诉求]办理[首问负责|限时办结]制度。',
  ],
  policy_interpretation: [
    '[坚持|落实]政策文件与解读材料同步[起草|审签|发布]。',
    '[全年|年内]发布政策解读{1-40}篇，[采用|运用][图解|图文|视频]等[形式|方式]。',
    '[围绕|针对][惠民|涉农|民生]政策开展解读，[让|使]群众[读得懂|看得懂]。',
  ],
  confidentiality_review: [
    '[严格|认真]落实保密审查[制度|机制]，[信息|文件]发布前[逐条|逐件]审核。',
    '[建立|完善][“一事一审”|“三审三校”]保密审查流程，[全年|本年度][未发生|无]泄密事件。',
    '[对|就]拟公开信息[进行|开展]保密审查，[明确|落实][审查责任|责任人]。',
  ],
  training: [
    '[组织|开展]政务公开[业务|专题]培训{1-8}次，[参训|培训]{10-200}人次。',
    '[选派|组织]工作人员参加[上级|县级|市级]举办的[业务|专题]培训。',
    '[利用|结合][周一例会|干部会议|集中学习]开展[条例|业务知识]培训。',
  ],
  staffing: [
    '针对[工作|]人员不足的[问题|实际]，[调配|抽调]{1-3}名干部[充实|补充]信息公开[岗位|工作]。',
    '[克服|针对]专职人员少、力量薄弱的[困难|实际]，[采取|实行]专兼结合的[方式|办法]。',
  ],
  open_day: [
    '[举办|开展]“政府开放日”活动{1-4}次，[邀请|组织][群众代表|人大代表和群众代表]{10-80}人[参加|参与]。',
    '[通过|借助]政府开放日[活动|]，[让|使]群众[走进|了解]机关[日常|]工作。',
  ],
  village_affairs: [
    '[督促|指导]各村[按时|按季度]更新村务公开栏[内容|]。',
    '[推进|规范]村务公开，[重点公开|及时公开][集体资产|惠农补贴|低保评定]等事项。',
    '辖区{3-30}个村（社区）[均已|全部]设立村务公开栏。',
  ],
  poverty_alleviation: [
    { t: '[公开|公示]扶贫[项目|资金]信息{2-60}条，[接受|主动接受]群众监督。', from: 2014, to: 2020 },
    { t: '[围绕|聚焦]脱贫攻坚[及时|]公开[帮扶|扶贫]政策和[项目|资金]安排。', from: 2015, to: 2020 },
    { t: '精准扶贫[对象|户][识别|退出]结果[在村|在各村][公示|张榜公示]。', from: 2014, to: 2020 },
    { t: '[巩固|持续巩固]脱贫攻坚成果，[公开|公示][衔接资金|帮扶]项目[安排|实施]情况。', from: 2021 },
    { t: '扶贫开发[项目安排|资金使用]情况[及时|按时]公示。', to: 2013 },
  ],
  epidemic: [
    { t: '[及时|第一时间]发布疫情防控[通告|信息]{5-120}条。', from: 2020, to: 2022 },
    { t: '[围绕|聚焦]疫情防控[和|与]复工复产[做好|加强]信息公开。', from: 2020, to: 2020 },
    { t: '[通过|利用][广播|宣传栏|入户走访][宣传|讲清]疫情防控政策。', from: 2020, to: 2022 },
    { t: '[做好|落实]常态化疫情防控[信息发布|政策宣传]。', from: 2021, to: 2022 },
  ],
  public_participation: [
    '[重大决策|重要事项]出台前[公开|广泛]征求意见，[收集|共收到]意见建议{1-30}条。',
    '[邀请|组织][人大代表|群众代表][列席|参加]会议{1-6}次。',
    '[扩大|推进]公众参与，[畅通|拓宽]群众[参与|监督]渠道。',
  ],
  opinion_response: [
    '[密切关注|加强监测]网络舆情，[及时|主动]回应关切。',
    '[建立|完善][政务|]舆情[收集|监测][研判|处置]机制。',
    '[回应|答复]社会关切{1-40}次，[未发生|无][重大|负面]舆情。',
  ],
  service_hall: [
    { t: '[便民服务中心|便民服务大厅][设置|设立]政务公开[专区|查阅点]，[方便群众|提供][查阅|查询]信息。', levels: ['township'] },
    { t: '[依托|通过]便民服务中心[办理|受理][群众|各类]事项{100-5000}件。', levels: ['township'] },
    { t: '[村级|各村]便民服务站[实现|做到][全覆盖|全部覆盖]。', levels: ['township'] },
    { t: '[在|于]政务服务中心[窗口|大厅]公开办事[指南|流程]，[实现|做到][一次告知|一窗受理]。', levels: ['county', 'city', 'department'] },
    { t: '政务服务大厅[设立|设置]政务公开专区，[提供|开展][查阅|咨询]服务。', levels: ['county', 'city', 'department'] },
  ],
  assessment: [
    '[将|把]政务公开[纳入|列入][年度|绩效]考核[内容|体系]。',
    '[开展|组织]政务公开[督查|考核]{1-4}次，[通报|反馈]问题{1-15}个。',
    '考核[结果|情况][与|同][评先评优|年终评比]挂钩。',
  ],
};

export const THEME_BANK: Readonly<Record<Theme, readonly Compiled[]>> = Object.fromEntries(
  Object.entries(bank).map(([k, v]) => [k, compilePool(v)]),
) as Record<Theme, Compiled[]>;

/** Preamble line used only when the website theme is planned anyway. */
export const WEBSITE_PREAMBLE = compilePool(['本报告电子版可在{site}[查阅|下载]。']);
