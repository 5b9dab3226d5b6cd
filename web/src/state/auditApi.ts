// The audit endpoints and their shapes (types only, from the services' zod schemas).
import type { Audit as AuditT, AuditRuleResult as AuditRuleResultT } from '../../../services/analytics/audit/schema.js';
import type { AuditRatesResponse as AuditRatesResponseT } from '../../../services/analytics/methods/audit.js';
import type { ProblemsFollowed as ProblemsFollowedT } from '../../../services/analytics/audit/followed.js';
import type { UnchangedResponse as UnchangedResponseT } from '../../../services/analytics/methods/problems-followed.js';
import { apiUrl } from './api';

export type Audit = AuditT;
export type AuditRuleResult = AuditRuleResultT;
export type AuditRatesResponse = AuditRatesResponseT;
export type ProblemsFollowed = ProblemsFollowedT;
export type UnchangedResponse = UnchangedResponseT;

export const auditApi = {
  reportAuditUrl: (id: string) => apiUrl(`/reports/${encodeURIComponent(id)}/audit`),
  ratesUrl: (p: URLSearchParams) => apiUrl('/audit-rates', p),
  ratesCsvUrl: (p: URLSearchParams) => apiUrl('/audit-rates.csv', p),
  followedUrl: (id: string) => apiUrl(`/reports/${encodeURIComponent(id)}/problems-followed`),
  unchangedUrl: (p: URLSearchParams) => apiUrl('/problems-unchanged', p),
} as const;

export const STATUS_LABELS = { pass: '通过', fail: '不通过', not_assessable: '无法评判' } as const;
export const SOURCE_KIND_LABELS = { regulation: '条例', format_notice: '格式通知', assessor: '评估指标' } as const;
export const FOLLOW_LABELS = { repeated: '原样重复', reported_fixed: '报告已整改', silent: '未再提及' } as const;
