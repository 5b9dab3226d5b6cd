// GET /api/health, /api/stats and /api/facets: what the index holds.
import { Router } from 'express';
import { LEVELS, SECTION_LABELS, SECTION_TYPES } from '../../core/schema.js';
import { THEMES } from '../../pipeline/themes/index.js';
import type { Engine } from '../../search/engine.js';

export function metaRoutes(engine: Engine): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    try {
      const info = await engine.backend.info();
      res.json({ status: 'ok', backend: info.backend, reports: info.reports, passages: info.passages, segmenter: info.segmenter, demo: info.demoReports > 0 });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', backend: engine.backend.kind, error: err instanceof Error ? err.message : String(err) });
    }
  });
  r.get('/stats', async (_req, res) => {
    const info = await engine.backend.info();
    res.json({ ...info, demo: info.demoReports > 0 });
  });
  r.get('/facets', async (_req, res) => {
    const info = await engine.backend.info();
    res.json({
      themes: THEMES.map((t) => ({ id: t.id, label: t.label })),
      sections: SECTION_TYPES.map((id) => ({ id, label: SECTION_LABELS[id] })),
      levels: LEVELS,
      years: info.years,
    });
  });
  return r;
}
