// Keyword tables: what a heading means, and the phrases that mark the parts of a report.
// Data, not logic: the rules are tried in order and the first that matches wins, so a more
// specific meaning comes before a broader one. Patterns run on folded text (see segment/fold),
// hence half-width punctuation and lower-case Latin.
import type { SectionType } from '../../core/schema.js';

/** A heading meaning: a section type, or `container` for "problems and improvements" together. */
export type Meaning = SectionType | 'container';

export const HEADING_RULES: ReadonlyArray<readonly [Meaning, RegExp]> = [
  ['statistics', /统计表|统计数据|数据统计|附表|第二十条第/],
  // "五、存在的主要问题及改进情况", "存在问题和下一步工作打算": problems first, then plans.
  ['container', /(?:问题|不足|差距|困难|短板).*(?:改进|整改|措施|打算|计划|方向|思路|对策|建议|举措)/],
  ['problems', /存在的?(?:主要)?(?:问题|不足|困难)|面临的?(?:主要)?(?:问题|困难)|主要(?:问题|不足)|问题与不足|不足之处|^(?:问题|不足)|短板|薄弱环节|差距/],
  ['improvements', /改进|整改|下一步|下步|下阶段|今后|明年|工作(?:计划|打算|思路|设想|展望)|努力方向|对策|\d{4}年(?:度)?(?:工作)?(?:计划|打算|思路|重点)/],
  ['other', /其[他它](?:需要)?(?:报告|说明)|其[他它](?:事项|情况)/],
  // Before on_request: "因政府信息公开申请行政复议、提起行政诉讼" is about appeals.
  ['review_litigation', /行政复议|行政诉讼|复议|诉讼/],
  ['fees', /收费|减免|费用|信息处理费/],
  ['on_request', /依申请|申请公开|公开申请|(?:收到|受理|办理|处理).{0,10}申请/],
  ['overview', /总体情况|概述|概况|总体(?:工作)?情况|基本情况|总体要求/],
  // Explicit "主动公开" beats the channel it names ("通过政务微博微信主动公开情况").
  ['proactive', /主动公开/],
  // Before supervision: "加强载体建设，提升保障能力" is about channels, not oversight.
  ['platforms', /平台|载体|网站|门户|网页|微信|微博|新媒体|公众号|客户端|小程序|服务中心|服务大厅|办事大厅|政务大厅|公开栏|公示栏|专栏|查阅点|查阅室|专区|热线|渠道|阵地/],
  ['management', /信息管理|信息公开管理|加强管理|信息资源|规范化|标准化|管理情况|保密审查|公开属性|属性认定|源头认定|目录|指南|发布审核|审核发布|公文|工作制度|公开程序/],
  ['supervision', /监督|保障|考核|考评|评议|责任追究|问责|培训|学习|组织领导|加强领导|领导重视|健全组织|领导小组|组织机构|机构建设|机构(?:和|与|及)人员|人员(?:配备|设置)|队伍|工作机制|制度建设|机制建设|督查|督导|督促|责任制/],
  // Rule for "加强政策解读" and "回应关切": the 2019 and 2021 templates report interpretation and
  // response under 主动公开, so they are proactive (not overview) wherever they appear.
  ['proactive', /解读|回应|舆情|关切|重点领域|领域.*公开|信息公开力度|五公开|决策公开|决策预公开|预公开|结果公开|规范性文件|规章|建议.*提案|人大代表建议|政协.*提案|预期引导|财政|预决算|扶贫|脱贫|救助|环境保护|建设项目|公共资源|民生|宣传|发布/],
  // Last: a general account of the year's work ("二、主要做法", "三、工作开展情况").
  ['overview', /主要做法|主要工作|工作开展情况|开展情况|工作成效|主要成效|工作举措/],
];

/** Inside problems/improvements, a heading naming a plan means improvements ("（二）具体措施"). */
export const PLAN_HEADING = /措施|打算|计划|举措|方向|思路|设想|做法|建议|对策/;

/**
 * An improvement lead-in at the start of a sentence: where the plan begins in a paragraph that
 * follows the problems ("2021年，我乡将…", "下一步，…", "针对上述问题，…", "改进措施：…").
 */
export const IMPROVEMENT_LEAD_IN = new RegExp(
  '(?:下一步|下步|下阶段|下一阶段|今后|接下来|明年|来年|新的一年|下一年度?|' +
  '在(?:今后|以后|下一步|下阶段|新的一年|\\d{4}\\s*年)|(?:针对|对照|结合|根据|围绕|对于|就)(?:以上|上述|这些|存在的|此类|这一|该)|为此|对此|' +
  '(?:改进|整改)(?:措施|情况|计划|方向|举措|意见|工作)|(?:具体|主要)?措施[:：]|' +
  '\\d{4}\\s*年度?,?\\s*(?:[我本]\\S{1,6}?)?(?:将|要(?!求)|拟|计划|继续|准备)|' +
  // "2024年，白马乡将…", "镇政府将进一步…": a subject the report names, then its plan.
  '\\d{4}\\s*年度?,?\\s*[^,。;!?]{1,12}?(?:将|拟|准备)|' +
  // "今年，我镇将…": written early in the next year, 今年 is the year of the plan.
  '(?:今年|新的一年|新一年)\\s*,?\\s*[^,。;!?]{0,12}?(?:将|拟|准备|要(?!求))|' +
  '[^,。;!?\\d]{1,10}?将(?:进一步|继续|持续|着力|切实|认真|深入|加大|加强|不断|全面|围绕|按照|坚持)|' +
  '(?:[我本](?:乡|镇|街道|办|局|委|区|县|市|单位|部门|机关|中心){1,2}|我们)(?:将|要(?!求)|拟|计划|准备)|' +
  '将(?:进一步|继续|从|重点|着力|切实|认真|深入|加大|加强|持续|不断|围绕|按照|以|坚持|紧紧|全面))', 'y');

/** The marker of a list item at a sentence start: 一是, 1., (1), 第一. */
const ITEM = '(?:[一二三四五六七八九十]+是|\\d{1,2}(?:、|\\.(?!\\d+(?:\\.\\d+)?\\s*(?:%|万|亿|元|倍)))|\\([一二三四五六七八九十\\d]{1,2}\\)|第[一二三四五六七八九十]+[,、])\\s*';
export const ITEM_START = new RegExp(ITEM, 'y');

const ACTION = '(?:要|要进一步|进一步|继续|持续|不断|切实|积极|努力|着力|全面|大力|认真|深入)?' +
  '(?:加强|强化|完善|提升|提高|加大|推进|推动|健全|拓宽|拓展|深化|充实|建立|规范|优化|做好|抓好|落实|创新|丰富|扩大|整合|转变|' +
  '严格|增强|注重|坚持|抓实|夯实|建设|打造|开展|实现|配齐|配强|配备|稳定|用好|统一|明确|及时|定期|准确|认真|精心|畅通|探索|加快|' +
  '强调|督促|指导|组织|以|将|把)';

/** A list item that opens with an action: a plan, not a problem. */
export const ACTION_ITEM = new RegExp(ITEM + ACTION, 'y');

/** A paragraph that opens with an action and no marker ("加强学习培训，提高业务水平。"): a plan too. */
export const ACTION_PARAGRAPH = new RegExp(ACTION, 'y');

/**
 * Remedies name the shortcoming they fix ("缓解人员不足的问题", "杜绝重复发布"): that wording is
 * blanked before looking for shortcomings in a plan.
 */
export const REMEDY = /(?:解决|缓解|克服|弥补|补齐|补足|改变|扭转|防止|避免|杜绝|消除|破解|改进|整改)[^,，。;；]{0,14}/g;

/** Wording of a shortcoming: an item containing it describes a problem even if it starts with a verb. */
export const PROBLEM_WORDS = /不够|不足|有待|欠缺|较低|偏低|滞后|薄弱|差距|不强|不高|不到位|不及时|不全面|不完善|不健全|不规范|不充分|不深入|缺乏|缺少|仍需|亟待|亟需|还需|尚未|尚不|较少|较弱|单一/;

/** Before the first heading: title block, legal basis, publication and contact lines are preamble. */
export const PREAMBLE = /^(?:根据|依据)[^。]{0,30}条例|(?:全文|报告|年报)(?:包括|由|分为)[^。]{0,20}(?:概述|总体情况)|本年报|本年度报告|本年度政府信息公开|现予(?:发布|公布|公开)|本报告|编制而成|联系(?:电话|方式|地址)?[:：(（]|电话[:：]|邮编|电子邮箱|查阅或下载|可在.{0,30}网|统计期限|统计时限|如有疑问/;

/**
 * The formula that hands over to the report ("现将…报告如下"): the paragraph it ends is the
 * lead-in, unless that paragraph opens with the year and recounts its work ("2019年以来，…").
 */
export const REPORT_FOLLOWS = /报告如下/;
export const OPENS_WITH_YEAR = /^\d{4}\s*年/;

/**
 * The lead-in where it sits under the overview heading (概述, 总体情况): the report speaking of
 * itself, its parts, its statistics period, where to get it, whom to contact. Narrower than
 * PREAMBLE: "根据《条例》要求，我乡…" under a heading is an account of the work.
 */
export const LEAD_IN = /^本(?:年度)?(?:报告|年报)|^(?:全文|报告|年报)(?:包括|由|分为)|统计期限|统计时限|查阅或下载|可在.{0,30}网.{0,10}下载|联系(?:电话|方式|地址)[:：]|如有疑问|如对本(?:年度)?报告|有任何疑问|(?:发布|公布|编制)本(?:年度)?报告[。.]?$/;

/** The part names of the templates, when a page runs them into the paragraph ("主动公开一是…"). */
export const GLUED_PART = /^(?:主动公开|依申请公开)(?=一是|[我本全该])/;

/**
 * Page chrome and contact lines wherever they stand (a footer after the last part, a byline
 * between title and text): typed preamble, so they never count as a part's narrative.
 */
export const CHROME = /打印本页|关闭窗口|扫一扫|主办单位[:：]|承办单位[:：]|网站标识码|icp备|网站地图|版权所有|技术支持[:：]|分享到|^上一篇|^下一篇|【字体|^字号[:：]|浏览次数[:：]?|访问量[:：]|^(?:发布|发文|成文|生成)(?:时间|日期)[:：]|^来源[:：]|^索\s*引\s*号|^联系(?:电话|方式|地址|人)[:：]|^(?:电子)?邮箱[:：]|^邮政编码[:：]|^邮编[:：]|^传真[:：]/;
/** A footer runs several chrome items into one line; a sentence (with a full stop) stays short. */
export const isChrome = (f: string) =>
  (f.length <= 80 || (f.length <= 200 && !f.includes('。'))) && (CHROME.test(f) || SIGN_OFF.test(f));

/** The sign-off after the last part: the body's name alone, the date alone. */
export const SIGN_OFF = /^[^\s,，。:：;；]{2,30}(?:人民政府|办事处|办公室|管理委员会|管委会|委员会|局)$|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

/** A report title line. */
export const TITLE = /(?:年度?|工作)报告|年报/;

/** The start of a document pasted into the report: an addressee line or a notice formula. */
export const NOTICE_START = /^各[^。；;\n]{1,30}[:：]$|通知如下[:：]?$|^关于.{2,40}的通知$/;

/** Headings of such a notice (a working group's members and duties), never the report's own. */
export const NOTICE_HEADING = /领导小组|小组成员|成员名单|组成人员|职责|工作要求|有关要求|有关事项|联系人/;
