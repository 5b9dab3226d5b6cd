// The real reports of ../shared/corpus/reports and their true metadata (INDEX.tsv).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../services/paths.js';

export const REAL_DIR = join(ROOT, '..', 'shared', 'corpus', 'reports');

export interface TruthRow {
  file: string; title: string; issuer: string; province: string; city: string; county: string; township: string;
  code: string; year: number; level: string; format: string; notes: string;
}

export function realReports(): TruthRow[] {
  const [header, ...lines] = readFileSync(join(REAL_DIR, 'INDEX.tsv'), 'utf8').trim().split('\n');
  const cols = header!.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const row = Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? ''])) as Record<string, string>;
    return { ...row, year: Number(row.year) } as unknown as TruthRow;
  });
}

export const realPath = (file: string) => join(REAL_DIR, file);
export const realText = (file: string) => readFileSync(realPath(file), 'utf8');
