// The audit of one report: a checklist of rules, each naming where it comes from (an article
// of the 条例, a clause of the national format notice, or an assessor's indicator) and
// saying pass / fail / not assessable, with the quotes (and their offsets in the report's
// text) that show it. zod schemas are the types.
import { z } from 'zod';
import { Level, ReportFormat, Region } from '../../core/schema.js';

export const AUDIT_STATUSES = ['pass', 'fail', 'not_assessable'] as const;
export const AuditStatus = z.enum(AUDIT_STATUSES);
export type AuditStatus = z.infer<typeof AuditStatus>;

export const AuditSource = z.object({
  /** regulation: the 条例; format_notice: 国办公开办函〔2019〕60号 / 〔2021〕30号; assessor: an evaluation indicator. */
  kind: z.enum(['regulation', 'format_notice', 'assessor']),
  /** e.g. 《中华人民共和国政府信息公开条例》（2019年修订）第四十九条. */
  citation: z.string(),
  /** What the source requires, in a sentence. */
  requirement: z.string(),
});
export type AuditSource = z.infer<typeof AuditSource>;

export const AuditEvidence = z.object({
  /** The text as it stands in the report (or in the previous report when `reportId` is set). */
  quote: z.string(),
  /** [start, end) offsets of the quote in that report's text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Set when the quote is from another report (the unit's previous one). */
  reportId: z.string().optional(),
  /** What the quote shows. */
  note: z.string().optional(),
});
export type AuditEvidence = z.infer<typeof AuditEvidence>;

export const AuditRuleResult = z.object({
  /** Stable id, e.g. `format.parts`, `tables.carry_over`, `deadline`. */
  id: z.string(),
  title: z.string(),
  source: AuditSource,
  status: AuditStatus,
  /** Why, in one or two sentences (Chinese). */
  detail: z.string(),
  evidence: z.array(AuditEvidence),
});
export type AuditRuleResult = z.infer<typeof AuditRuleResult>;

export const AuditReportRef = z.object({
  id: z.string(),
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  year: z.number().int().nullable(),
});

export const Audit = z.object({
  report: AuditReportRef.extend({
    level: Level,
    region: Region,
    format: ReportFormat,
    /** The page's publication date when the file gave one (`source.published`). */
    published: z.string().nullable(),
  }),
  /** The unit's previous report used by the cross-year rules (null: none indexed). */
  previous: AuditReportRef.nullable(),
  rules: z.array(AuditRuleResult),
  counts: z.object({ pass: z.number().int(), fail: z.number().int(), not_assessable: z.number().int() }),
});
export type Audit = z.infer<typeof Audit>;
