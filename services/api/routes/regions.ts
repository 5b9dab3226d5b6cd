// GET /api/regions?code=…: the names of region codes (GB/T 2260), so that a page shows
// 北京市 where it holds the code 11 — in a chip, a title or a menu — whatever the results hold.
import { Router } from 'express';
import { z } from 'zod';
import { UNKNOWN_REGION } from '../../core/region-code.js';
import { regionPath } from '../../pipeline/metadata/gazetteer.js';
import { parseOr400 } from '../errors.js';
import { list, RegionCode } from '../params.js';

export const RegionsParams = z.object({ code: list(RegionCode, z.array(z.string()).min(1).max(50)) });

export const RegionsAnswer = z.object({
  /** Each code asked for that the gazetteer knows: its own name (永宁县) and its path, province first (宁夏回族自治区 银川市 永宁县). */
  names: z.record(z.string(), z.object({ name: z.string(), path: z.string() })),
});

export function regionRoutes(): Router {
  const r = Router();
  r.get('/regions', (req, res) => {
    const p = parseOr400(RegionsParams, req.query);
    const names: Record<string, { name: string; path: string }> = {};
    for (const code of p.code ?? []) {
      if (code === UNKNOWN_REGION) { names[code] = { name: '地区未识别', path: '地区未识别' }; continue; }
      const entry = regionPath(code);
      const parts = entry ? [entry.province, entry.city, entry.county, entry.township].filter((x): x is string => Boolean(x)) : [];
      if (parts.length) names[code] = { name: parts.at(-1)!, path: parts.join(' ') };
    }
    res.json(RegionsAnswer.parse({ names }));
  });
  return r;
}
