// OCR's bounds, from the environment (the readers run in worker threads that see it too).
// Bounded so that one 500-page scan cannot hold an ingest for hours.
import { z } from 'zod';

export const OcrConfig = z.object({
  /** Pages (or images) recognised at most per document; the rest are left out, and the source says how many were read. */
  maxPages: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Seconds one page may take to render or to recognise. */
  pageTimeoutS: z.coerce.number().positive().max(3600).default(60),
  /** Rendering resolution: 300 is Tesseract's sweet spot for body text; 200 is faster and still reads 小四 type. */
  dpi: z.coerce.number().int().min(72).max(600).default(200),
  /**
   * Tesseract page segmentation: 6 (one block of text) read the test scans best, where 3 (automatic)
   * dropped and reordered lines; reports are one column. 4 or 3 may suit pages with columns.
   */
  psm: z.coerce.number().int().min(0).max(13).default(6),
  /** Tesseract languages. */
  languages: z.string().regex(/^[a-z_]+(\+[a-z_]+)*$/).default('chi_sim'),
});
export type OcrConfig = z.infer<typeof OcrConfig>;

const ENV: Record<string, keyof OcrConfig> = {
  GONGKAI_OCR_MAX_PAGES: 'maxPages', GONGKAI_OCR_PAGE_TIMEOUT_S: 'pageTimeoutS', GONGKAI_OCR_DPI: 'dpi', GONGKAI_OCR_PSM: 'psm', GONGKAI_OCR_LANG: 'languages',
};

export function ocrConfig(env = process.env): OcrConfig {
  const given = Object.fromEntries(Object.entries(ENV).filter(([name]) => env[name]).map(([name, key]) => [key, env[name]]));
  const parsed = OcrConfig.safeParse(given);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = Object.entries(ENV).find(([, k]) => k === issue.path[0])?.[0];
  throw new Error(`invalid configuration ${name ?? String(issue.path[0])}: ${issue.message}`);
}
