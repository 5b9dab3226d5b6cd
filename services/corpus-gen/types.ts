// The truth the generator records next to each synthetic report (TRUTH.jsonl): what a
// parser should find, and what was planted for clustering and theme benchmarks.
// Declared as a zod schema, like services/core/schema.ts, so readers of TRUTH.jsonl can validate.
import { z } from 'zod';
import { Region } from '../core/schema.js';
import { Defect } from './defects.js';

export const THEMES = [
  'wechat', 'weibo', 'new_media', 'website', 'hotline_12345', 'policy_interpretation',
  'confidentiality_review', 'training', 'staffing', 'open_day', 'village_affairs',
  'poverty_alleviation', 'epidemic', 'public_participation', 'opinion_response',
  'service_hall', 'assessment',
] as const;
export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;

export const GenLevel = z.enum(['township', 'county', 'city', 'department']);
export type GenLevel = z.infer<typeof GenLevel>;
export const GenFormat = z.enum(['pre2019', '2019', '2021']);
export type GenFormat = z.infer<typeof GenFormat>;

export const MESS_KINDS = [
  'spaces', 'wraps', 'pages', 'headers', 'bookmark', 'fullwidth', 'bold', 'list', 'notice', 'foreign_list',
] as const;
export const MessKind = z.enum(MESS_KINDS);
export type MessKind = z.infer<typeof MessKind>;

export const Truth = z.object({
  /** The title as written, before any mess. */
  title: z.string(),
  year: z.number().int(),
  /** The issuing body as it names itself in the title (county prefix only if the title has it). */
  issuer: z.string(),
  level: GenLevel,
  format: GenFormat,
  /** city is null where the gazetteer has no prefecture (municipalities, 省直辖 counties). */
  region: Region,
  planted: z.object({
    /** Problem and improvement statements exactly as written (without 一是/1. ordinals). */
    problems: z.array(z.string()),
    improvements: z.array(z.string()),
    /** Canonical ids (P01…, I01…) parallel to the statements: the near-duplicate clusters. */
    problemIds: z.array(z.string()),
    improvementIds: z.array(z.string()),
    /** Themes whose keywords (THEME_KEYWORDS) occur in the report's clean text. */
    themes: z.array(Theme),
  }),
  /**
   * The statistics tables on the common measures of services/analytics/crosswalk, as the
   * tables print them (a planted flaw included); a measure the format has no row for is absent.
   */
  measures: z.record(z.string(), z.number()),
  /** false when the statistics table was deliberately made to break its own arithmetic. */
  tableConsistent: z.boolean(),
  /** Which extraction artefacts were applied (empty: a clean report). */
  mess: z.array(MessKind),
  /** Reports of a lineage (lineage.ts): the unit, its previous report and the true copy rate. */
  lineage: z.object({
    unit: z.string(),
    /** File name of the unit's previous year's report, null for its first. */
    previous: z.string().nullable(),
    /** Share of narrative characters taken from the previous report (null for the first year). */
    copyRate: z.number().min(0).max(1).nullable(),
    sentences: z.number().int().nullable(),
    copiedSentences: z.number().int().nullable(),
    /** Copied sentences given a small edit (still counted as copied). */
    editedSentences: z.number().int().nullable(),
    /** The unit has been renamed (县 → 区) by this year. */
    renamed: z.boolean(),
  }).optional(),
  /**
   * Audit defects planted by defects.ts (lineages generated with them only). A report with
   * stock_problems keeps its drawn statements in `planted`, though its text no longer has them.
   */
  defects: z.array(Defect).optional(),
  /** The sign-off date written at the report's end (defects.ts), ISO. */
  signedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type Truth = z.infer<typeof Truth>;

export interface GeneratedReport {
  fileName: string;
  text: string;
  truth: Truth;
}
