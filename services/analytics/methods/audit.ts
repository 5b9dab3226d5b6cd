// audit over an index: one report's checklist with its unit's previous report (lineage/), and
// pass rates of every rule over the whole index by year, province or level. The pass over
// the index audits each unit's reports oldest first, handing each the facts of the one
// before (UnitFacts: a few numbers), and keeps per report only its rules' statuses; it is
// made once per index state and refreshed when the index changes.
import { z } from 'zod';
import { Level, type Level as LevelT } from '../../core/schema.js';
import type { Engine } from '../../search/engine.js';
import { auditOf, factsOf, inputOf, RULE_IDS, RULES, type Audit, type UnitFacts } from '../audit/index.js';
import { lineages } from '../lineage/index.js';
import { unitKey } from '../lineage/unit.js';
import { indexState } from '../source.js';

export async function auditById(engine: Engine, id: string): Promise<Audit | null> {
  const report = await engine.backend.report(id);
  if (!report) return null;
  const l = await lineages(engine);
  const row = l.rowOf.get(id);
  const prevRow = row === undefined ? -1 : l.previous[row]!;
  const prev = prevRow >= 0 ? await engine.backend.report(l.summaries[prevRow]!.id) : null;
  const previous = prev ? factsOf(inputOf(prev, null)) : null;
  return auditOf(inputOf(report, previous));
}

/**
 * A file not (necessarily) indexed, read and parsed as ingestion would, audited with its
 * unit's latest earlier report in the index (by the lineage key of unit.ts).
 */
export async function auditFile(engine: Engine, path: string): Promise<Audit> {
  const [{ readDocument }, { parseText }, { basename }] = await Promise.all([
    import('../../pipeline/read/index.js'), import('../../pipeline/parse.js'), import('node:path'),
  ]);
  const { text, source } = await readDocument(path);
  const parsed = parseText(text, { fileName: basename(path) });
  const report = { ...parsed, id: basename(path), text, source };
  let previous: UnitFacts | null = null;
  if (parsed.year !== null && (await engine.backend.info()).reports) {
    const l = await lineages(engine);
    const key = unitKey(parsed);
    let best: number | null = null;
    l.summaries.forEach((s, i) => {
      if (s.year === null || s.year >= parsed.year! || (best !== null && l.summaries[best]!.year! >= s.year)) return;
      const k = unitKey(s);
      if (k.name === key.name && (k.province === key.province || !k.province || !key.province)) best = i;
    });
    const prev = best === null ? null : await engine.backend.report(l.summaries[best]!.id);
    if (prev) previous = factsOf(inputOf(prev, null));
  }
  return auditOf(inputOf(report, previous));
}

export const AUDIT_BY = ['year', 'province', 'level'] as const;

export const AuditRatesRequest = z.object({
  by: z.enum(AUDIT_BY).default('year'),
  years: z.array(z.number().int().min(1900).max(2100)).max(200).default([]),
  regions: z.array(z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/)).max(200).default([]),
  levels: z.array(Level).max(10).default([]),
});
export type AuditRatesRequestInput = z.input<typeof AuditRatesRequest>;

export const RuleRate = z.object({
  rule: z.string(),
  pass: z.number().int(),
  fail: z.number().int(),
  notAssessable: z.number().int(),
  /** pass / (pass + fail); null when no report could be assessed. */
  passRate: z.number().min(0).max(1).nullable(),
});

export const AuditRatesRow = z.object({ key: z.string(), label: z.string(), reports: z.number().int(), rules: z.array(RuleRate) });
export type AuditRatesRow = z.infer<typeof AuditRatesRow>;

export const AuditRatesResponse = z.object({
  by: z.enum(AUDIT_BY),
  rules: z.array(z.object({ id: z.string(), title: z.string() })),
  rows: z.array(AuditRatesRow),
  total: AuditRatesRow,
  /** Reports audited for this answer (the rest came from the cache). */
  audited: z.number().int(),
  tookMs: z.number(),
});
export type AuditRatesResponse = z.infer<typeof AuditRatesResponse>;

const STATUS_CODE = { pass: 0, fail: 1, not_assessable: 2 } as const;

interface Entry { year: number | null; level: LevelT; code: string; province: string | null; statuses: Uint8Array }
interface Cache { state: string; entries: Entry[] }
const caches = new WeakMap<Engine, Promise<Cache>>();

/** Audits every report of the index, each with its unit's previous one. */
export async function auditIndex(engine: Engine, onReport?: (a: Audit) => void): Promise<Cache> {
  const state = await indexState(engine);
  const l = await lineages(engine);
  const entries: Entry[] = [];
  for (const rows of l.units) {
    let facts: { row: number; facts: UnitFacts } | null = null;
    for (const row of rows) {
      const report = await engine.backend.report(l.summaries[row]!.id);
      if (!report) continue; // removed meanwhile
      const prevRow = l.previous[row]!;
      const input = inputOf(report, facts && facts.row === prevRow ? facts.facts : null);
      const audit = auditOf(input);
      onReport?.(audit);
      entries.push({
        year: report.year, level: report.level, code: report.region.code ?? '', province: report.region.province,
        statuses: Uint8Array.from(audit.rules.map((r) => STATUS_CODE[r.status])),
      });
      facts = { row, facts: factsOf(input) };
    }
  }
  return { state, entries };
}

const LEVEL_LABELS: Record<LevelT, string> = { province: '省级', city: '市级', county: '县级', township: '乡镇', department: '部门', unknown: '层级未知' };

function keyOf(e: Entry, by: (typeof AUDIT_BY)[number]): [string, string] {
  if (by === 'year') return e.year === null ? ['', '年份未知'] : [String(e.year), `${e.year}年`];
  if (by === 'level') return [e.level, LEVEL_LABELS[e.level]];
  return e.code.length >= 2 && e.province ? [e.code.slice(0, 2), e.province] : ['', '地区未知'];
}

const emptyRow = (key: string, label: string) => ({ key, label, reports: 0, counts: RULE_IDS.map(() => [0, 0, 0]) });
type Acc = ReturnType<typeof emptyRow>;

const finish = (a: Acc): AuditRatesRow => ({
  key: a.key, label: a.label, reports: a.reports,
  rules: RULE_IDS.map((rule, i) => {
    const [pass, fail, na] = a.counts[i]!;
    return { rule, pass: pass!, fail: fail!, notAssessable: na!, passRate: pass! + fail! ? pass! / (pass! + fail!) : null };
  }),
});

export async function auditRates(engine: Engine, input: AuditRatesRequestInput): Promise<AuditRatesResponse> {
  const started = performance.now();
  const req = AuditRatesRequest.parse(input);
  const state = await indexState(engine);
  let audited = 0;
  let cache = await caches.get(engine)?.catch(() => undefined);
  if (!cache || cache.state !== state) {
    const work = auditIndex(engine);
    caches.set(engine, work);
    cache = await work;
    audited = cache.entries.length;
  }
  const rows = new Map<string, Acc>();
  const total = emptyRow('all', '合计');
  for (const e of cache.entries) {
    if (req.years.length && (e.year === null || !req.years.includes(e.year))) continue;
    if (req.levels.length && !req.levels.includes(e.level)) continue;
    if (req.regions.length && !req.regions.some((r) => e.code.startsWith(r))) continue;
    const [key, label] = keyOf(e, req.by);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = emptyRow(key, label)));
    for (const acc of [row, total]) {
      acc.reports++;
      e.statuses.forEach((s, i) => acc.counts[i]![s]!++);
    }
  }
  const ordered = [...rows.values()].sort(req.by === 'year'
    ? (a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : Number(a.key) - Number(b.key))
    : (a, b) => b.reports - a.reports || a.key.localeCompare(b.key));
  return {
    by: req.by, rules: Object.values(RULES).map((r) => ({ id: r.id, title: r.title })),
    rows: ordered.map(finish), total: finish(total), audited, tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

/** The rates as a table: one line per group and rule. */
export function auditRatesCsvRows(r: AuditRatesResponse): { header: string[]; rows: unknown[][] } {
  const title = new Map(r.rules.map((x) => [x.id, x.title]));
  const header = ['分组', '报告数', '规则', '规则名称', '通过', '不通过', '无法评判', '通过率'];
  const rows = [...r.rows, r.total].flatMap((row) => row.rules.map((x) => [
    row.label, row.reports, x.rule, title.get(x.rule) ?? '', x.pass, x.fail, x.notAssessable, x.passRate === null ? '' : Math.round(x.passRate * 1000) / 1000,
  ]));
  return { header, rows };
}
