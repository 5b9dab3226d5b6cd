// Deterministic synthetic annual reports for demos and benchmarks.
//   generateReport(seed, index)  one report and its truth, always the same for the same pair
//   generateCorpus(opts)         a directory of reports plus TRUTH.jsonl
export { DEFAULT_MESS, formatOf, generateReport, INCONSISTENT_SHARE, type GenerateOptions } from './report.js';
export { clearCorpus, generateCorpus, mergeTruthParts, sumSummaries, type CorpusOptions, type CorpusSummary } from './corpus.js';
export { THEME_KEYWORDS } from './themes.js';
export { Truth, THEMES, type GeneratedReport, type Theme } from './types.js';
export { generateLineages, lineage, type LineageOptions, type LineageReport, type LineageStep, type LineageTransform } from './lineage.js';
