// A stat-series answer as CSV: the metric's definition, the sample-size rule and the format
// names first, as `#` lines (read with pandas' comment='#' or skipped by eye), then one row a point.
import { toCsv } from '../../core/csv.js';
import { CROSSWALK_FORMATS } from '../crosswalk/schema.js';
import type { StatSeriesResponse } from './stat-series.js';

const BY_LABELS = { year: '年份', province: '省份', level: '层级' } as const;

export function seriesCsv(s: StatSeriesResponse): string {
  const rate = s.metric.kind === 'rate';
  const head = [
    [`# 指标：${s.metric.label}（${s.metric.id}）`],
    [`# 定义：${s.metric.definition}`],
    [`# 适用格式：${s.metric.formats.map((f) => s.formatLabels[f]).join('、')}；其他格式的报告不计入（不按 0 计）`],
    [rate
      ? `# 值 = Σ分子 ÷ Σ分母（合并比率）；每份报告 = 各报告比率的中位数；报告数 = 分母大于 0 的报告数（样本量）`
      : `# 值 = 各报告之和；每份报告 = 值 ÷ 报告数；报告数 = 读出该指标的报告数（样本量）`],
    [`# 样本不足 = 报告数少于 ${s.minReports}，不宜作为结论`],
  ];
  const columns = [
    BY_LABELS[s.by], '代码', '报告数', '值', '每份报告', ...(rate ? ['分子', '分母'] : []), '样本不足',
    ...(s.by === 'year' ? ['主要格式', '格式变化'] : []), ...CROSSWALK_FORMATS.map((f) => `${s.formatLabels[f]}报告数`),
  ];
  const rows = [...s.points, s.total].map((p) => [
    p.label, p.key, p.reports, p.value, p.perReport, ...(rate ? [p.numerator, p.denominator] : []), p.small ? '是' : '否',
    ...(s.by === 'year' ? [p.format ? s.formatLabels[p.format] : '', p.formatChange ? '是' : ''] : []),
    ...CROSSWALK_FORMATS.map((f) => p.formats[f]),
  ]);
  const [first, ...rest] = head;
  return toCsv(first!, [...rest, columns, ...rows]);
}
