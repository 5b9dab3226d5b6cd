// The lineage, copy-rate and compare endpoints and their shapes (types only, from the services' zod schemas).
import type { CompareResult as CompareResultT } from '../../../services/analytics/copy/compare.js';
import type { ReportCopy as ReportCopyT } from '../../../services/analytics/copy/corpus.js';
import type { LineageResponse as LineageResponseT } from '../../../services/analytics/lineage/index.js';
import { apiUrl } from './api';

export type CompareResult = CompareResultT;
export type ReportCopy = ReportCopyT;
export type LineageResponse = LineageResponseT;

export const copyApi = {
  lineageUrl: (id: string) => apiUrl(`/reports/${encodeURIComponent(id)}/lineage`),
  copyUrl: (id: string) => apiUrl(`/reports/${encodeURIComponent(id)}/copy`),
  compareUrl: (a: string, b: string) => apiUrl('/compare', new URLSearchParams({ a, b })),
} as const;

export const ROW_STATUS_LABELS = { unchanged: '未变', changed: '改动', new: '新增', dropped: '删去' } as const;

export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
