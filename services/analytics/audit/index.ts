// audit: one report checked against the rules an assessor applies (sources.ts), with the
// unit's previous report for the cross-year rules.
//   auditReport(report, previous)   the checklist
//   factsOf(input)                  what next year's audit needs of this one
import type { AuditedReport, UnitFacts } from './context.js';
import { factsOf, inputOf, type AuditInput } from './context.js';
import { carryOverRule, inForceRule, withinYearRule } from './arithmetic.js';
import { deadlineRule } from './deadline.js';
import { answeredRule, concreteRule, feesRule } from './narrative.js';
import type { Audit, AuditRuleResult } from './schema.js';
import { blankCellsRule, partsRule, rowsRule } from './structure.js';

export * from './schema.js';
export { RULES, RULE_IDS } from './sources.js';
export { factsOf, inputOf, type AuditedReport, type AuditInput, type UnitFacts };

const RULE_ORDER: ReadonlyArray<(i: AuditInput) => AuditRuleResult> = [
  partsRule, rowsRule, blankCellsRule, withinYearRule, carryOverRule, inForceRule, concreteRule, answeredRule, feesRule, deadlineRule,
];

export function runRules(input: AuditInput): AuditRuleResult[] {
  return RULE_ORDER.map((rule) => rule(input));
}

export function auditOf(input: AuditInput): Audit {
  const rules = runRules(input);
  const { report, previous } = input;
  const count = (s: AuditRuleResult['status']) => rules.filter((r) => r.status === s).length;
  return {
    report: {
      id: report.id, title: report.title, issuer: report.issuer, year: report.year, level: report.level,
      region: report.region, format: input.tables.format === 'unknown' ? report.format : input.tables.format,
      published: report.source.published ?? null,
    },
    previous: previous ? { id: previous.id, title: previous.title, issuer: previous.issuer, year: previous.year } : null,
    rules,
    counts: { pass: count('pass'), fail: count('fail'), not_assessable: count('not_assessable') },
  };
}

export function auditReport(report: AuditedReport, previous: UnitFacts | null): Audit {
  return auditOf(inputOf(report, previous));
}
