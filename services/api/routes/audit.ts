// GET /api/reports/:id/audit (one report's checklist), GET /api/audit-rates and
// /api/audit-rates.csv (pass rates of every rule by year, province or level); problems followed:
// GET /api/reports/:id/problems-followed and GET /api/problems-unchanged.
import { Router } from 'express';
import { z } from 'zod';
import { AUDIT_BY, auditById, auditRates, auditRatesCsvRows, AuditRatesRequest } from '../../analytics/methods/audit.js';
import { followedById, unchangedProblems } from '../../analytics/methods/problems-followed.js';
import { Level } from '../../core/schema.js';
import { toCsv } from '../../core/csv.js';
import type { Engine } from '../../search/engine.js';
import { HttpError, parseOr400 } from '../errors.js';
import { message } from '../messages.js';
import { int, list, RegionCode, ReportIdParam, Year } from '../params.js';

export const AuditRatesParams = z.object({
  by: z.enum(AUDIT_BY).default('year'),
  year: list(Year, AuditRatesRequest.shape.years.unwrap()),
  region: list(RegionCode, AuditRatesRequest.shape.regions.unwrap()),
  level: list(Level, AuditRatesRequest.shape.levels.unwrap()),
});

export const UnchangedParams = z.object({
  minRecurrences: int(1, 50, 2),
  region: RegionCode.optional(),
  page: int(1, 10_000, 1),
  size: int(1, 200, 50),
});

export function auditRoutes(engine: Engine): Router {
  const r = Router();
  r.get('/reports/:id/audit', async (req, res) => {
    const { id } = parseOr400(ReportIdParam, req.params);
    const audit = await auditById(engine, id);
    if (!audit) throw new HttpError(404, message.noSuchReport(id));
    res.json(audit);
  });
  r.get('/reports/:id/problems-followed', async (req, res) => {
    const { id } = parseOr400(ReportIdParam, req.params);
    const answer = await followedById(engine, id);
    if (!answer) throw new HttpError(404, message.noSuchReport(id));
    res.json(answer);
  });
  r.get('/problems-unchanged', async (req, res) => {
    const p = parseOr400(UnchangedParams, req.query);
    res.json(await unchangedProblems(engine, { minRecurrences: p.minRecurrences, region: p.region, offset: (p.page - 1) * p.size, limit: p.size }));
  });
  const rates = async (query: unknown) => {
    const p = parseOr400(AuditRatesParams, query);
    return auditRates(engine, { by: p.by, years: p.year ?? [], regions: p.region ?? [], levels: p.level ?? [] });
  };
  r.get('/audit-rates', async (req, res) => {
    res.json(await rates(req.query));
  });
  r.get('/audit-rates.csv', async (req, res) => {
    const answer = await rates(req.query);
    const { header, rows } = auditRatesCsvRows(answer);
    res.type('text/csv; charset=utf-8');
    res.attachment(`gongkai-audit-rates-${answer.by}.csv`);
    res.send(toCsv(header, rows));
  });
  return r;
}
