// GET /api/collocates, /api/keywords, /api/ngrams, /api/dispersion: the corpus-analysis bench.
import { Router } from 'express';
import type { Engine } from '../../search/engine.js';
import { collocates } from '../../search/methods/corpus/collocates.js';
import { dispersion } from '../../search/methods/corpus/dispersion.js';
import { keywords } from '../../search/methods/corpus/keywords.js';
import { ngrams } from '../../search/methods/corpus/ngrams.js';
import { parseOr400 } from '../errors.js';
import { toFilters } from '../params.js';
import { CollocatesParams, DispersionParams, KeywordsParams, NgramsParams } from './corpus-params.js';

export function corpusRoutes(engine: Engine): Router {
  const r = Router();
  r.get('/collocates', async (req, res) => {
    const p = parseOr400(CollocatesParams, req.query);
    res.json(await collocates(engine, { ...p, filters: toFilters(p) }));
  });
  r.get('/keywords', async (req, res) => {
    const p = parseOr400(KeywordsParams, req.query);
    res.json(await keywords(engine, { ...p, filtersA: toFilters(p) }));
  });
  r.get('/ngrams', async (req, res) => {
    const p = parseOr400(NgramsParams, req.query);
    res.json(await ngrams(engine, { ...p, filters: toFilters(p) }));
  });
  r.get('/dispersion', async (req, res) => {
    const p = parseOr400(DispersionParams, req.query);
    res.json(await dispersion(engine, { ...p, filters: toFilters(p) }));
  });
  return r;
}
