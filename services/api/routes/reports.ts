// GET /api/reports/:id (the whole report) and GET /api/reports/:id/passages/:ordinal (one, cited).
import { basename } from 'node:path';
import { Router } from 'express';
import { isOcrEncoding } from '../../core/schema.js';
import type { Engine } from '../../search/engine.js';
import type { StoredReport } from '../../search/backend.js';
import { passageHeadings } from '../../core/passage-sections.js';
import { citationOf } from '../../search/present/citation.js';
import { HttpError, parseOr400 } from '../errors.js';
import { message } from '../messages.js';
import { PassageParam, ReportIdParam } from '../params.js';

/**
 * The report as readers see it: the file's name only, never where it lies on the server
 * (the full path stays in the index, for re-ingesting and for the operator's CLI).
 */
const publicSource = (source: StoredReport['source']): StoredReport['source'] => ({ ...source, path: basename(source.path) });

export function reportRoutes(engine: Engine): Router {
  const r = Router();
  r.get('/reports/:id', async (req, res) => {
    const { id } = parseOr400(ReportIdParam, req.params);
    const report = await engine.backend.report(id);
    if (!report) throw new HttpError(404, message.noSuchReport(id));
    const headings = passageHeadings(report.sections, report.passages);
    res.json({
      ...report, source: publicSource(report.source),
      // Text recognised by OCR: the reader warns that quotations need checking against the original.
      ocr: isOcrEncoding(report.source.encoding),
      passages: report.passages.map((p) => ({ ...p, citation: citationOf(report, p.section, p.ordinal, headings.get(p.ordinal) ?? null) })),
    });
  });
  r.get('/reports/:id/passages/:ordinal', async (req, res) => {
    const { id, ordinal } = parseOr400(PassageParam, req.params);
    const report = await engine.backend.report(id);
    const passage = report?.passages.find((p) => p.ordinal === ordinal);
    if (!report || !passage) throw new HttpError(404, message.noSuchPassage(id, ordinal));
    const { passages: _p, text: _t, sections: _s, ...summary } = report;
    const heading = passageHeadings(report.sections, report.passages).get(ordinal) ?? null;
    res.json({ ...passage, reportId: id, citation: citationOf(report, passage.section, ordinal, heading), report: { ...summary, source: publicSource(summary.source) } });
  });
  return r;
}
