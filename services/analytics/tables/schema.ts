// Statistics tables as data: every number of a report's standard tables with the meaning
// of its row and column, and the arithmetic the tables state about themselves.
import { z } from 'zod';
import { ReportFormat } from '../../core/schema.js';

export const STAT_TABLES = ['article20', 'applications', 'review_litigation', 'legacy'] as const;
export const StatTable = z.enum(STAT_TABLES);
export type StatTable = z.infer<typeof StatTable>;

export const StatItem = z.object({
  table: StatTable,
  /** Canonical row key, stable across formats and wordings (e.g. `new`, `refused.state_secret`, `proactive.wechat`). */
  row: z.string(),
  /** The row's label as written in the report (cells joined, spaces removed). */
  label: z.string(),
  /** Canonical column key (e.g. `natural`, `total`, `made`, `value`). */
  column: z.string(),
  value: z.number(),
  /** The unit of the pre-2019 统计表 (条, 件, 人, 万元 …), when it states one. */
  unit: z.string().optional(),
});
export type StatItem = z.infer<typeof StatItem>;

export const StatCheck = z.object({
  /** e.g. `applications.balance`, `review_litigation.totals`, `legacy.staff`. */
  name: z.string(),
  ok: z.boolean(),
  /** What was compared; on failure, each place where it does not add up. */
  detail: z.string(),
});
export type StatCheck = z.infer<typeof StatCheck>;

export const StatTables = z.object({
  /** The format the tables are in (pre2019 统计表, or the 2019 / 2021 six-part tables). */
  format: ReportFormat,
  items: z.array(StatItem),
  checks: z.array(StatCheck),
  /** Things that could not be read (a row with too few numbers, a table not found …). */
  warnings: z.array(z.string()),
});
export type StatTables = z.infer<typeof StatTables>;

/** A report is inconsistent when any of its tables breaks its own stated arithmetic. */
export const isInconsistent = (t: StatTables): boolean => t.checks.some((c) => !c.ok);

/** The value of one cell, or undefined when the report does not state it. */
export function valueOf(t: StatTables, table: StatTable, row: string, column: string): number | undefined {
  return t.items.find((i) => i.table === table && i.row === row && i.column === column)?.value;
}

/** Column keys of the applications table, in the order of the form. */
export const APPLICANT_COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'] as const;
export const APPLICANT_LABELS: Record<(typeof APPLICANT_COLUMNS)[number], string> = {
  natural: '自然人', commercial: '商业企业', research: '科研机构', nonprofit: '社会公益组织',
  legal: '法律服务机构', other: '其他', total: '总计',
};

/** Rows of the review/litigation table and their five columns. */
export const REVIEW_ROWS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
