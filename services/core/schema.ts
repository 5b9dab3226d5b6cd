// The one source of truth for every type that crosses a module boundary.
// Types are inferred from these zod schemas; nothing else declares them again.
import { z } from 'zod';

export const LEVELS = ['province', 'city', 'county', 'township', 'department', 'unknown'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

export const FORMATS = ['pre2019', '2019', '2021', 'unknown'] as const;
export const ReportFormat = z.enum(FORMATS);
export type ReportFormat = z.infer<typeof ReportFormat>;

export const SECTION_TYPES = [
  'preamble', 'overview', 'proactive', 'on_request', 'management', 'platforms', 'supervision',
  'review_litigation', 'fees', 'problems', 'improvements', 'other', 'statistics',
] as const;
export const SectionType = z.enum(SECTION_TYPES);
export type SectionType = z.infer<typeof SectionType>;

/** Chinese labels, used by citations and the UI. */
export const SECTION_LABELS: Record<SectionType, string> = {
  preamble: '前言', overview: '总体情况', proactive: '主动公开', on_request: '依申请公开',
  management: '政府信息管理', platforms: '平台建设', supervision: '监督保障',
  review_litigation: '行政复议和诉讼', fees: '收费', problems: '存在的主要问题',
  improvements: '改进措施', other: '其他事项', statistics: '统计表',
};

export const Region = z.object({
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  township: z.string().nullable(),
  /** GB/T 2260 code of the most specific level resolved (9 digits for a township). */
  code: z.string().nullable(),
});
export type Region = z.infer<typeof Region>;

export const Section = z.object({
  type: SectionType,
  heading: z.string().nullable(),
  text: z.string(),
});
export type Section = z.infer<typeof Section>;

export const Passage = z.object({
  /** Stable within a report: `p<ordinal>`; globally unique as `<reportId>:p<ordinal>`. */
  id: z.string(),
  section: SectionType,
  /** 1-based paragraph number within the report, as cited. */
  ordinal: z.number().int().positive(),
  /** Clean text: extraction artefacts removed, wording untouched. */
  text: z.string(),
  /** Character offsets of the passage in the original (as read) text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  themes: z.array(z.string()),
});
export type Passage = z.infer<typeof Passage>;

/** The contract of `gongkai parse --json`, and exactly what ingestion indexes. */
export const ParsedReport = z.object({
  title: z.string().nullable(),
  year: z.number().int().nullable(),
  issuer: z.string().nullable(),
  level: Level,
  format: ReportFormat,
  region: Region,
  sections: z.array(Section),
  passages: z.array(Passage),
  warnings: z.array(z.string()),
});
export type ParsedReport = z.infer<typeof ParsedReport>;

export const FILE_KINDS = ['txt', 'html', 'docx', 'pdf', 'doc'] as const;
export const FileKind = z.enum(FILE_KINDS);
export type FileKind = z.infer<typeof FileKind>;

export const OcrInfo = z.object({
  engine: z.literal('tesseract'),
  /** Tesseract's version, as it reports it. */
  version: z.string(),
  /** Tesseract languages used, e.g. `chi_sim+eng`. */
  languages: z.string(),
  /** Pages (or images) recognised, and how many the document has. */
  pages: z.number().int().nonnegative(),
  totalPages: z.number().int().nonnegative(),
});
export type OcrInfo = z.infer<typeof OcrInfo>;

/** How an OCR'd text's encoding is marked: `pdf+ocr`, `docx+ocr` (kept by every backend with the encoding). */
export const OCR_SUFFIX = '+ocr';
export const isOcrEncoding = (encoding: string) => encoding.endsWith(OCR_SUFFIX);

export const SourceInfo = z.object({
  path: z.string(),
  kind: FileKind,
  bytes: z.number().int().nonnegative(),
  /** sha256 of the file's bytes: the identity used for idempotent ingestion. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Detected character encoding (for txt/html), or the container format; `+ocr` when the text was recognised from images. */
  encoding: z.string(),
  /** Where a saved web page was published: its canonical link, og:url, or the browser's "saved from url". */
  url: z.string().optional(),
  /** The page's own publication date (发布日期/发文日期/成文日期), ISO `YYYY-MM-DD`. */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Hints from the page's metadata table or meta tags: 发布机构 and 索引号, when cleanly given. */
  issuer: z.string().optional(),
  indexNumber: z.string().optional(),
  /** Set when the text was recognised from images (scanned PDF, image-only DOCX): quotations need checking against the original. */
  ocr: OcrInfo.optional(),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

/** A parsed report ready for a backend: parsed fields, its source, and its token streams. */
export const IndexedReport = ParsedReport.extend({
  id: z.string(),
  source: SourceInfo,
  /** The original text as read, which passage offsets point into. */
  text: z.string(),
  demo: z.boolean(),
  passages: z.array(Passage.extend({
    /** jieba word tokens, space-joined, for ranking. */
    words: z.string(),
    /** character bigrams, space-joined, so that any verbatim substring is found. */
    grams: z.string(),
  })),
});
export type IndexedReport = z.infer<typeof IndexedReport>;

/**
 * What `gongkai parse --json` prints: the parsed report, the page's publication date when the
 * file states one (`source.published`, repeated here for readers of the contract), and the source.
 */
export const ParseOutput = ParsedReport.extend({
  published: z.string().nullable(),
  source: SourceInfo,
});
export type ParseOutput = z.infer<typeof ParseOutput>;
