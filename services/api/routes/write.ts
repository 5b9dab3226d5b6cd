// The write endpoints, each behind the write token:
//   POST /api/ingest        {"paths": ["2023/", "a.pdf"]}: files and folders under GONGKAI_INGEST_ROOT
//   DELETE /api/reports/:id  one report, with all its passages
// Paths, not uploads: the server only ever reads a folder its operator chose, and writes
// nothing but the index. Paths are relative to the ingest root; `..`, absolute paths and
// links leading out of the root are refused.
import { isAbsolute, relative, resolve } from 'node:path';
import { Router } from 'express';
import { z } from 'zod';
import type { Engine } from '../../search/engine.js';
import { HttpError, parseOr400 } from '../errors.js';
import { requireWriteToken } from '../middleware/write-token.js';
import { ReportIdParam } from '../params.js';

export interface WriteOptions { writeToken?: string; ingestRoot?: string; maxFileMb?: number }

const RelativePath = z.string().min(1).max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL characters')
  .refine((p) => !isAbsolute(p), 'must be relative to the ingest root')
  .refine((p) => !p.split(/[\\/]/).includes('..'), '".." is not allowed');

export const IngestBody = z.object({ paths: z.array(RelativePath).min(1).max(1000) }).strict();

export function writeRoutes(engine: Engine, opts: WriteOptions): Router {
  const r = Router();
  const auth = requireWriteToken(opts.writeToken);
  let running = false;

  r.post('/ingest', auth, async (req, res) => {
    const root = opts.ingestRoot;
    if (!root) throw new HttpError(403, 'ingest over HTTP is disabled: set GONGKAI_INGEST_ROOT (or run `gongkai ingest` on the server)');
    const { paths } = parseOr400(IngestBody, req.body ?? {});
    if (running) throw new HttpError(409, 'an ingest is already running; try again when it has finished');
    running = true;
    try {
      // Loaded on the first ingest: a server that only answers searches never needs the pipeline.
      const { ingest } = await import('../../ingest/ingest.js');
      const summary = await ingest(engine, paths.map((p) => resolve(root, p)), { within: root, maxFileMb: opts.maxFileMb });
      const shown = (f: string) => relative(root, f) || '.';
      res.json({ ...summary, failed: summary.failed.map((f) => ({ file: shown(f.file), reason: f.reason })) });
    } finally {
      running = false;
    }
  });

  r.delete('/reports/:id', auth, async (req, res) => {
    const { id } = parseOr400(ReportIdParam, req.params);
    if (!(await engine.backend.remove(id))) throw new HttpError(404, `no report with id ${id}`);
    res.json({ deleted: id });
  });
  return r;
}
