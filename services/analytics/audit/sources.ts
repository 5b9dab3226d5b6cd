// Where each rule comes from. The articles were read in the 条例's text (2007 and the 2019
// revision); the format clauses in 国办公开办函〔2019〕60号 and 〔2021〕30号; indicators that
// no text prescribes are marked as the assessor's.
import type { AuditSource } from './schema.js';

export const REG_2019 = '《中华人民共和国政府信息公开条例》（2019年修订）';
export const REG_2007 = '《中华人民共和国政府信息公开条例》（2007年）';
export const FORMAT_2021 = '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）';
export const FORMAT_2019 = '《关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）';

export interface RuleSpec { id: string; title: string; source: (format: string) => AuditSource }

const notice = (format: string) => (format === '2021' ? FORMAT_2021 : FORMAT_2019);

export const RULES = {
  parts: {
    id: 'format.parts', title: '报告格式的六个部分齐全且顺序正确',
    source: (f) => ({ kind: 'format_notice', citation: `${notice(f)} 一、报告内容`, requirement: '年度报告依次包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分，不能遗漏' }),
  },
  rows: {
    id: 'tables.rows', title: '统计表的行与列齐全',
    source: (f) => ({ kind: 'format_notice', citation: `${notice(f)} 所附表格`, requirement: '第二部分至第四部分按统一表格填报，表格的行和列不得删减' }),
  },
  blanks: {
    id: 'tables.blank_cells', title: '统计表没有留空或填“/”的单元格',
    source: () => ({ kind: 'assessor', citation: '第三方评估指标：年度报告数据完整（表格无空项）', requirement: '统计表每一格都填写数字，没有的填0，不留空、不以“/”代替' }),
  },
  withinYear: {
    id: 'tables.within_year', title: '统计表本年数据的勾稽关系成立',
    source: (f) => ({ kind: 'format_notice', citation: `${notice(f)} 表三注：本列数据的勾稽关系`, requirement: '第一项加第二项之和等于第三项加第四项之和；各行总计等于各类申请人之和；办理结果总计等于各项之和' }),
  },
  carryOver: {
    id: 'tables.carry_over', title: '上年结转等于上一年度报告的结转下年度',
    source: () => ({ kind: 'assessor', citation: '第三方评估指标：年度数据前后衔接', requirement: '本年“上年结转政府信息公开申请数量”逐列等于本单位上一年度报告的“结转下年度继续办理”' }),
  },
  inForce: {
    id: 'tables.in_force', title: '现行有效件数与上年衔接',
    source: () => ({ kind: 'assessor', citation: '第三方评估指标：年度数据前后衔接', requirement: '本年现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数（规章、行政规范性文件）' }),
  },
  concrete: {
    id: 'problems.concrete', title: '存在的主要问题具体，不是套话',
    source: () => ({ kind: 'regulation', citation: `${REG_2019}第五十条第（四）项；第三方评估指标：问题查摆具体`, requirement: '报告政府信息公开工作存在的主要问题，问题应具体，不能只写泛泛的套话' }),
  },
  answered: {
    id: 'problems.answered', title: '每个问题都有对应的改进措施',
    source: () => ({ kind: 'regulation', citation: `${REG_2019}第五十条第（四）项“存在的主要问题及改进情况”`, requirement: '对报告的每个问题说明改进情况' }),
  },
  fees: {
    id: 'fees.consistent', title: '“其他需要报告的事项”中的收费情况与统计表一致',
    source: (f) => ({ kind: 'format_notice', citation: `${notice(f)} （六）其他需要报告的事项；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）`, requirement: '收取信息处理费的情况如实报告，与统计表的收费数据一致' }),
  },
  deadline: {
    id: 'deadline', title: '在法定期限前公布',
    source: () => ({ kind: 'regulation', citation: `${REG_2019}第四十九条；${REG_2007}第三十一条`, requirement: '2019年修订后：县级以上人民政府部门每年1月31日前公布上一年度报告，县级以上地方人民政府3月31日前公布本级政府报告；2007年条例：各级行政机关每年3月31日前公布' }),
  },
} satisfies Record<string, RuleSpec>;

export const RULE_IDS = Object.values(RULES).map((r) => r.id);
