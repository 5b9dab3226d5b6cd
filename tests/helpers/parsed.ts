// The real reports parsed by the pipeline directly (not through any index): the
// independent side of every count the search engine is checked against.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ParsedReport } from '../../services/core/schema.js';
import { reportId } from '../../services/ingest/to-indexed.js';
import { parseText } from '../../services/pipeline/parse.js';
import { fold } from '../../services/pipeline/segment/segmenter.js';
import { realPath, realReports } from './corpus.js';

export interface ParsedReal { file: string; id: string; parsed: ParsedReport }

export function parsedReal(): ParsedReal[] {
  return realReports().map(({ file }) => {
    const bytes = readFileSync(realPath(file));
    return { file, id: reportId(createHash('sha256').update(bytes).digest('hex')), parsed: parseText(bytes.toString('utf8'), { fileName: file }) };
  });
}

/** Passages whose folded text contains `needle` (the engine's substring semantics). */
export function passagesContaining(reports: ParsedReal[], needle: string) {
  const n = fold(needle);
  return reports.flatMap((r) => r.parsed.passages.filter((p) => fold(p.text).includes(n)).map((p) => ({ report: r, passage: p })));
}
