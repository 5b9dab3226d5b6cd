// The write endpoints, each behind the write token:
//   POST /api/ingest        {"paths": ["2023/", "a.pdf"]}: files and folders under GONGKAI_INGEST_ROOT
//   DELETE /api/reports/:id  one report, with all its passages
// Paths, not uploads: the server only ever reads a folder its operator chose, and writes
// nothing but the index. Paths are relative to the ingest root; `..`, absolute paths and
// links leading out of the root are refused. The ingest runs in a child process (ingest/child.ts).
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { Router } from 'express';
import { z } from 'zod';
import { Config } from '../../config.js';
import type { Engine } from '../../search/engine.js';
import { SqliteBackend } from '../../search/sqlite/backend.js';
import { HttpError, parseOr400 } from '../errors.js';
import { message, problem } from '../messages.js';
import { requireWriteToken } from '../middleware/write-token.js';
import { ReportIdParam } from '../params.js';

export interface WriteOptions { writeToken?: string; ingestRoot?: string; maxFileMb?: number }

const RelativePath = z.string().min(1).max(4096)
  .refine((p) => !p.includes('\0'), problem.noNul)
  .refine((p) => !isAbsolute(p), problem.relativePath)
  .refine((p) => !p.split(/[\\/]/).includes('..'), problem.noDotDot);

export const IngestBody = z.object({ paths: z.array(RelativePath).min(1).max(1000) }).strict();

/** Settings that let another process open the engine's index, when they are known. */
function indexConfig(engine: Engine, opts: WriteOptions): Partial<Config> | undefined {
  if (engine.backend instanceof SqliteBackend && basename(engine.backend.file) === 'gongkai.sqlite') {
    return { backend: 'sqlite', dataDir: dirname(engine.backend.file) };
  }
  // `gongkai serve` passes its whole configuration.
  const full = Config.safeParse(opts);
  return full.success && full.data.backend === 'elasticsearch' ? full.data : undefined;
}

export function writeRoutes(engine: Engine, opts: WriteOptions): Router {
  const r = Router();
  const auth = requireWriteToken(opts.writeToken);
  let running = false;

  r.post('/ingest', auth, async (req, res) => {
    const root = opts.ingestRoot;
    if (!root) throw new HttpError(403, message.ingestDisabled);
    const { paths } = parseOr400(IngestBody, req.body ?? {});
    if (running) throw new HttpError(409, message.ingestRunning);
    running = true;
    try {
      const job = { paths: paths.map((p) => resolve(root, p)), within: root, maxFileMb: opts.maxFileMb };
      const config = indexConfig(engine, opts);
      // In a child process when it can open the same index: searches go on meanwhile, and a crash there is only the ingest's.
      // Loaded on the first ingest: a server that only answers searches never needs the pipeline.
      const summary = config
        ? await (await import('../../ingest/child.js')).ingestInChild({ ...job, config }).catch((err: Error) => {
          // The child died (killed, out of memory): what it committed stays; say so rather than "internal error".
          throw new HttpError(500, `导入进程意外停止（${err.message}）；停止前已写入的报告保留，可重新运行同一导入`);
        })
        : await (await import('../../ingest/ingest.js')).ingest(engine, job.paths, job);
      const shown = (f: string) => relative(root, f) || '.';
      res.json({ ...summary, failed: summary.failed.map((f) => ({ file: shown(f.file), reason: f.reason })) });
    } finally {
      running = false;
    }
  });

  r.delete('/reports/:id', auth, async (req, res) => {
    const { id } = parseOr400(ReportIdParam, req.params);
    if (!(await engine.backend.remove(id))) throw new HttpError(404, message.noSuchReport(id));
    res.json({ deleted: id });
  });
  return r;
}
