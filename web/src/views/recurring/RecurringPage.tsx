// 重复问题 /recurring: the statements of 存在的主要问题 (or 改进措施) that recur across reports,
// as clusters of near-identical wordings ranked by how many reports use them; or, with
// ?repeats=<code>, what one place writes again year after year.
import { Link } from 'react-router-dom';
import {
  KIND_LABELS, readRecurring, RECURRING_PAGE_SIZE, recurringApiParams, repeatsApiParams, STATEMENT_KINDS, writeRecurring,
  type RecurringState,
} from '../../state/analyticsUrl';
import { api } from '../../state/api';
import type { RecurringResponse, RepeatsResponse } from '../../state/types';
import { useApi } from '../../state/useApi';
import { useStats, useVocabulary } from '../../state/useIndex';
import { useUrlState } from '../../state/useUrlState';
import { toggle } from '../../state/url';
import { AnalyticsFilterBar } from '../common/AnalyticsFilterBar';
import { EmptyState, ErrorNotice, Loading } from '../common/StatusViews';
import { Pagination } from '../search/Pagination';
import { SegmentedControl } from '../trends/SegmentedControl';
import { UnchangedProblems } from './UnchangedProblems';
import { usePageTitle } from '../usePageTitle';
import { ClusterCard } from './ClusterCard';
import { useRegionNames } from '../../state/useRegionNames';

function RepeatsView({ state, update }: { state: RecurringState; update: (p: Partial<RecurringState>) => void }) {
  const url = api.repeatsUrl(repeatsApiParams(state));
  const res = useApi<RepeatsResponse>(url);
  const data = res.dataUrl === url ? res.data : undefined;
  const regionNames = useRegionNames(state.repeats ? [state.repeats] : []);
  const place = data?.name ?? (state.repeats ? regionNames.name(state.repeats) : '该地');
  return (
    <section aria-label="该地历年重复的表述">
      <p><Link to={`/recurring${state.kind === 'problems' ? '' : `?kind=${state.kind}`}`}>← 返回全部重复问题</Link></p>
      <h2 className="repeats-title">{place}：年年重复的{KIND_LABELS[state.kind]}</h2>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} />
        : !data ? <Loading label="正在查找…" />
        : (
          <>
            <p className="muted">
              该地共有 {data.reports} 份含「{KIND_LABELS[state.kind]}」的报告（{data.years.join('、') || '年份未知'}年），
              {data.statements} 条表述；其中 {data.total} 条在两个以上年份中重复出现。
            </p>
            {!data.clusters.length
              ? <EmptyState title="没有跨年重复的表述">该地各年的表述各不相同，或只有一年的报告。</EmptyState>
              : (
                <ol className="clusters">
                  {data.clusters.map((c, i) => (
                    <ClusterCard key={c.id} cluster={c} rank={i + 1} kind={state.kind} showRepeats={false}
                      open={state.open.includes(c.id)} onToggle={() => update({ open: toggle(state.open, c.id) })} />
                  ))}
                </ol>
              )}
          </>
        )}
    </section>
  );
}

export function RecurringPage() {
  const [state, setState] = useUrlState(readRecurring, writeRecurring);
  const vocab = useVocabulary();
  const stats = useStats();
  usePageTitle('重复问题');
  const hasFilters = Boolean(state.yearFrom || state.yearTo || state.region || state.level);
  const update = (patch: Partial<RecurringState>) => setState((s) => ({ ...s, ...patch }));
  // A new filter starts again on page 1 with nothing expanded.
  const filter = (patch: Partial<RecurringState>) => update({ ...patch, page: 1, open: [] });
  const url = state.repeats ? null : api.recurringUrl(recurringApiParams(state, vocab.years));
  const res = useApi<RecurringResponse>(url);
  const data = res.dataUrl === url ? res.data : undefined;
  const pages = data ? Math.max(1, Math.ceil(data.total / RECURRING_PAGE_SIZE)) : 1;

  return (
    <div className="page recurring-page">
      <header className="page-head">
        <h1>重复问题</h1>
        <p className="muted">
          各地报告「存在的主要问题」与「改进措施」中几乎相同的表述，按使用它的报告数排序。许多乡镇、部门年复一年写着同样几句话。
          展开一组可查看每一处原文及出处。
        </p>
      </header>
      <div className="trend-controls">
        <SegmentedControl label="类别" value={state.kind} options={STATEMENT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          onChange={(kind) => filter({ kind })} />
      </div>
      {state.repeats ? <RepeatsView state={state} update={update} /> : (
        <>
          <AnalyticsFilterBar filters={state} years={vocab.years} onChange={filter} />
          <section aria-label="重复的表述" aria-busy={res.loading}>
            {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} />
              : !data ? <Loading label="正在归并相似表述…" />
              : <>
                <p className="muted" data-testid="reports-looked-at">
                  查看了 <strong>{data.reports.toLocaleString('zh-CN')}</strong> 份识别出「{KIND_LABELS[state.kind]}」部分的报告
                  {stats.data && <>（索引共 {stats.data.reports.toLocaleString('zh-CN')} 份报告{stats.data.reports > data.reports && <>；
                    其余报告{hasFilters ? '不在当前筛选范围内，或' : ''}未能识别出这一部分（标题或写法不合常见格式），因此未纳入比较</>}）</>}。
                </p>
                {!data.clusters.length ? <EmptyState title="没有重复的表述">当前筛选条件下，没有在两份以上报告中出现的相同表述。</EmptyState>
              : (
                <>
                  <p className="result-total" data-testid="cluster-total">
                    共 <strong>{data.total.toLocaleString('zh-CN')}</strong> 组重复表述
                    <span className="muted">（来自 {data.statements.toLocaleString('zh-CN')} 条{KIND_LABELS[state.kind]}表述）</span>
                  </p>
                  <ol className="clusters">
                    {data.clusters.map((c, i) => (
                      <ClusterCard key={c.id} cluster={c} rank={(state.page - 1) * RECURRING_PAGE_SIZE + i + 1} kind={state.kind}
                        open={state.open.includes(c.id)} onToggle={() => update({ open: toggle(state.open, c.id) })} />
                    ))}
                  </ol>
                  <Pagination page={state.page} pages={pages} onPage={(page) => { update({ page, open: [] }); window.scrollTo(0, 0); }} />
                </>
              )}
              </>}
          </section>
          {state.kind === 'problems' && <UnchangedProblems region={state.region || undefined} />}
        </>
      )}
    </div>
  );
}
