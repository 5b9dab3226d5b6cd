// The assessor's view (issue 17): a report's lineage and copy rates, two reports compared,
// the reports copied from their previous year, and copy rates by year and level.
import { Router } from 'express';
import { z } from 'zod';
import { lineageOf } from '../../analytics/lineage/index.js';
import { compareReports } from '../../analytics/copy/compare.js';
import { copyRates } from '../../analytics/copy/corpus.js';
import { copiedFromPrevious, copyTrend } from '../../analytics/copy/summaries.js';
import { loadComparable } from '../../analytics/copy/load.js';
import type { Engine } from '../../search/engine.js';
import { HttpError, parseOr400 } from '../errors.js';
import { message } from '../messages.js';
import { ReportIdParam } from '../params.js';

const reportId = ReportIdParam.shape.id;
export const CompareParams = z.object({ a: reportId, b: reportId });
export const CopiedParams = z.object({
  min: z.coerce.number().min(0).max(1).default(0.5),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export function copyRoutes(engine: Engine): Router {
  const r = Router();
  r.get('/reports/:id/lineage', async (req, res) => {
    const { id } = parseOr400(ReportIdParam, req.params);
    const l = await lineageOf(engine, id);
    if (!l) throw new HttpError(404, message.noSuchReport(id));
    res.json(l);
  });
  r.get('/reports/:id/copy', async (req, res) => {
    const { id } = parseOr400(ReportIdParam, req.params);
    const c = (await copyRates(engine)).of(id);
    if (!c) throw new HttpError(404, message.noSuchReport(id));
    res.json(c);
  });
  r.get('/compare', async (req, res) => {
    const p = parseOr400(CompareParams, req.query);
    // Ids only: the API never reads files named by a client.
    const [a, b] = await Promise.all([engine.backend.report(p.a), engine.backend.report(p.b)]);
    if (!a || !b) throw new HttpError(404, message.noSuchReport(!a ? p.a : p.b));
    const [ca, cb] = await Promise.all([loadComparable(engine, a.id), loadComparable(engine, b.id)]);
    res.json(compareReports(ca!, cb!, (await copyRates(engine)).boilerplate));
  });
  r.get('/copy/copied', async (req, res) => {
    const p = parseOr400(CopiedParams, req.query);
    res.json(copiedFromPrevious(await copyRates(engine), p.min, p.offset, p.limit));
  });
  r.get('/copy/trend', async (_req, res) => {
    res.json(copyTrend(await copyRates(engine)));
  });
  return r;
}
