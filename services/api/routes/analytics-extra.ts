// GET /api/recurring, GET /api/repeats and GET /api/stat-totals: the recurring-statement
// clusters and the statistics-table totals of services/analytics, paged and validated.
import { Router } from 'express';
import type { z } from 'zod';
import type { ClusterMember, StatementCluster } from '../../analytics/clusters/corpus.js';
import { recurring } from '../../analytics/methods/recurring.js';
import { repeats } from '../../analytics/methods/repeats.js';
import { statTotals } from '../../analytics/methods/stat-totals.js';
import type { Engine } from '../../search/engine.js';
import { citationOf } from '../../search/present/citation.js';
import { headingsFor } from '../../search/present/report-headings.js';
import { parseOr400 } from '../errors.js';
import {
  RecurringParams, RepeatsParams, StatTotalsParams,
  type RecurringPage, type RepeatsAnswer, type StatTotalsAnswer,
} from './analytics-extra-schemas.js';

/** Members read per cluster to count its spread by year and province. */
const SPREAD_MEMBERS = 2000;

type Cluster = z.infer<typeof StatementCluster>;
type Member = z.infer<typeof ClusterMember>;

function spreadOf(members: Member[], truncated: boolean) {
  const years = new Map<number, Set<string>>();
  const provinces = new Map<string, { name: string; reports: Set<string> }>();
  for (const m of members) {
    if (m.year !== null) {
      let s = years.get(m.year);
      if (!s) years.set(m.year, (s = new Set()));
      s.add(m.reportId);
    }
    const code = m.region.code?.slice(0, 2) ?? '';
    let p = provinces.get(code);
    if (!p) provinces.set(code, (p = { name: code ? m.region.province ?? code : '地区未识别', reports: new Set() }));
    p.reports.add(m.reportId);
  }
  return {
    byYear: [...years].map(([year, s]) => ({ year, reports: s.size })).sort((a, b) => a.year - b.year),
    byProvince: [...provinces].map(([code, p]) => ({ code, name: p.name, reports: p.reports.size }))
      .sort((a, b) => b.reports - a.reports || a.code.localeCompare(b.code)),
    complete: !truncated,
  };
}

/** Members cited by their report's own heading, as search hits and the reader cite them (the clusters keep passages only). */
async function withHeadings(engine: Engine, members: Member[]): Promise<Member[]> {
  const heading = await headingsFor(engine.backend, members);
  return members.map((m) => ({ ...m, citation: citationOf({ ...m, id: m.reportId, title: m.citation.title, demo: false }, m.citation.section, m.ordinal, heading(m.reportId, m.ordinal)) }));
}

export function analyticsExtraRoutes(engine: Engine): Router {
  const r = Router();

  r.get('/recurring', async (req, res) => {
    const p = parseOr400(RecurringParams, req.query);
    const answer = await recurring(engine, {
      kind: p.kind, years: p.year ?? [], regions: p.region ?? [], levels: p.level ?? [], minReports: p.minReports,
      offset: (p.page - 1) * p.size, limit: p.size, members: Math.max(p.members, SPREAD_MEMBERS),
    });
    const clusters = await Promise.all(answer.clusters.map(async (c: Cluster) => ({
      ...c,
      spread: spreadOf(c.members, c.truncated),
      members: await withHeadings(engine, c.members.slice(0, p.members)),
      truncated: c.truncated || c.members.length > p.members,
    })));
    const body: RecurringPage = {
      kind: answer.kind, total: answer.total, page: p.page, size: p.size, statements: answer.statements, reports: answer.reports,
      clusters, clustering: answer.clustering, tookMs: answer.tookMs,
    };
    res.json(body);
  });

  r.get('/repeats', async (req, res) => {
    const p = parseOr400(RepeatsParams, req.query);
    const answer = await repeats(engine, p);
    const region = answer.clusters[0]?.members[0]?.region;
    const name = region ? [region.province, region.city, region.county, region.township].filter(Boolean).join('') || null : null;
    const clusters = await Promise.all(answer.clusters.map(async (c) => ({ ...c, members: await withHeadings(engine, c.members) })));
    const body: RepeatsAnswer = { ...answer, clusters, name };
    res.json(body);
  });

  r.get('/stat-totals', async (req, res) => {
    const p = parseOr400(StatTotalsParams, req.query);
    const answer = await statTotals(engine, {
      by: p.by, years: p.year ?? [], regions: p.region ?? [], levels: p.level ?? [], inconsistentLimit: p.inconsistentLimit,
    });
    const inconsistent = await Promise.all(answer.inconsistent.map(async (i) => {
      const report = await engine.backend.report(i.reportId);
      const sections = report?.sections ?? [];
      // The first section holding a table row (cells separated by tabs), else the 统计表 section.
      let n = sections.findIndex((x) => /\S\t|\t\S/.test(x.text));
      if (n < 0) n = sections.findIndex((x) => x.type === 'statistics');
      return { ...i, tableSection: n < 0 ? null : n + 1 };
    }));
    const body: StatTotalsAnswer = { ...answer, inconsistent };
    res.json(body);
  });

  return r;
}
