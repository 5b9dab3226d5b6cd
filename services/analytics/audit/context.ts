// What every rule reads: the report, its tables, its lines and part headings, and what the
// unit's previous report said (compact, so a pass over the whole index keeps only that).
import type { StoredReport } from '../../search/backend.js';
import { parseTables, valueOf, APPLICANT_COLUMNS, type StatTables } from '../tables/index.js';
import { partHeadings, type PartHeading } from './parts.js';
import type { AuditEvidence, AuditRuleResult, AuditStatus } from './schema.js';
import type { RuleSpec } from './sources.js';
import { findLine, lineQuote, linesOf, type Line } from './text.js';

export type AuditedReport = Pick<StoredReport, 'id' | 'title' | 'issuer' | 'year' | 'level' | 'region' | 'format' | 'text' | 'passages' | 'source'>;

/** A report's facts the next year's audit compares with. */
export interface UnitFacts {
  id: string;
  title: string | null;
  issuer: string | null;
  year: number | null;
  format: string;
  /** 结转下年度继续办理 per applicant column (undefined: not stated), with the row quoted. */
  carriedForward: Array<number | undefined>;
  carriedForwardEvidence: AuditEvidence | null;
  /** 现行有效件数 of 规章 and 行政规范性文件 (2021 format), with their rows quoted. */
  inForce: Partial<Record<'rules' | 'normative_documents', { value: number; evidence: AuditEvidence | null }>>;
}

export interface AuditInput {
  report: AuditedReport;
  tables: StatTables;
  lines: Line[];
  parts: PartHeading[];
  previous: UnitFacts | null;
}

export function inputOf(report: AuditedReport, previous: UnitFacts | null, tables = parseTables(report.text)): AuditInput {
  const lines = linesOf(report.text);
  return { report, tables, lines, parts: partHeadings(lines), previous };
}

const IN_FORCE_LABELS = { rules: /^规章/, normative_documents: /^(行政)?规范性文件/ } as const;

export function factsOf(input: AuditInput): UnitFacts {
  const { report, tables, lines } = input;
  const cf = findLine(lines, /^(四、)?结转下年度/);
  const inForce: UnitFacts['inForce'] = {};
  if (tables.format === '2021') {
    for (const row of ['rules', 'normative_documents'] as const) {
      const value = valueOf(tables, 'article20', row, 'in_force');
      if (value === undefined) continue;
      const l = findLine(lines, IN_FORCE_LABELS[row]);
      inForce[row] = { value, evidence: l ? lineQuote(report.text, l, undefined, report.id) : null };
    }
  }
  return {
    id: report.id, title: report.title, issuer: report.issuer, year: report.year, format: tables.format,
    carriedForward: APPLICANT_COLUMNS.map((c) => valueOf(tables, 'applications', 'carried_forward', c)),
    carriedForwardEvidence: cf ? lineQuote(report.text, cf, undefined, report.id) : null,
    inForce,
  };
}

export function result(spec: RuleSpec, input: AuditInput, status: AuditStatus, detail: string, evidence: AuditEvidence[] = []): AuditRuleResult {
  return { id: spec.id, title: spec.title, source: spec.source(input.tables.format === 'unknown' ? input.report.format : input.tables.format), status, detail, evidence };
}

/** The six-part formats (2019 and 2021), by the tables or, without them, by the parser. */
export const isSixPart = (input: AuditInput) =>
  input.tables.format === '2019' || input.tables.format === '2021' || input.report.format === '2019' || input.report.format === '2021';
