// STUB — to be replaced by the metadata module (gazetteer-backed).
import type { ParsedReport } from '../../core/schema.js';

export type ReportMetadata = Pick<ParsedReport, 'title' | 'year' | 'issuer' | 'level' | 'format' | 'region' | 'warnings'>;

export function extractMetadata(clean: string, _hints: { fileName?: string } = {}): ReportMetadata {
  const title = clean.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? null;
  const year = title?.match(/(20\d\d)年/)?.[1];
  return {
    title, year: year ? Number(year) : null, issuer: null, level: 'unknown', format: 'unknown',
    region: { province: null, city: null, county: null, township: null, code: null }, warnings: [],
  };
}
