// 格式审查 /audit: the pass rate of every rule over the whole index, by year, province or
// level (pass ÷ assessed; reports that could not be assessed counted apart), with a CSV.
import { auditApi, type AuditRatesResponse } from '../../state/auditApi';
import { useApi } from '../../state/useApi';
import { useUrlState } from '../../state/useUrlState';
import { ErrorNotice, Loading } from '../common/StatusViews';
import { SegmentedControl } from '../trends/SegmentedControl';
import { usePageTitle } from '../usePageTitle';
import './audit.css';

const BYS = ['year', 'province', 'level'] as const;
type By = (typeof BYS)[number];
const BY_LABELS: Record<By, string> = { year: '按年度', province: '按省份', level: '按层级' };

const read = (p: URLSearchParams): { by: By } => ({ by: (BYS as readonly string[]).includes(p.get('by') ?? '') ? (p.get('by') as By) : 'year' });
const write = (s: { by: By }) => new URLSearchParams(s.by === 'year' ? {} : { by: s.by });

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const tone = (x: number | null) => (x === null ? '' : x >= 0.9 ? 'rate-high' : x >= 0.6 ? 'rate-mid' : 'rate-low');

export function AuditRatesPage() {
  usePageTitle('格式审查');
  const [state, setState] = useUrlState(read, write);
  const params = new URLSearchParams({ by: state.by });
  const { data, loading, error, reload } = useApi<AuditRatesResponse>(auditApi.ratesUrl(params));
  return (
    <div className="audit-page audit-page-wide">
      <header className="audit-header">
        <h1>格式审查</h1>
        <p className="muted">每份报告按《政府信息公开条例》、年度报告格式通知和评估指标逐项核对；表中是各项的通过率（通过 ÷ 可评判），鼠标停在格上可见份数。每份报告的逐项结果和原文依据，在报告页的“格式审查”链接里。</p>
      </header>
      <div className="audit-toolbar">
        <SegmentedControl label="分组" value={state.by} options={BYS.map((b) => ({ value: b, label: BY_LABELS[b] }))} onChange={(by) => setState({ by: by as By })} />
        <a className="button" href={auditApi.ratesCsvUrl(params)} download>下载 CSV</a>
      </div>
      {error ? <ErrorNotice error={error} onRetry={reload} /> : loading || !data ? <Loading label="正在审查全部报告…" /> : (
        <div className="audit-rates-scroll">
          <table className="audit-rates">
            <thead>
              <tr>
                <th scope="col">分组</th>
                <th scope="col">报告</th>
                {data.rules.map((r) => <th key={r.id} scope="col" title={r.id}>{r.title}</th>)}
              </tr>
            </thead>
            <tbody>
              {[...data.rows, data.total].map((row) => (
                <tr key={row.key} className={row === data.total ? 'audit-total' : undefined}>
                  <th scope="row">{row.label}</th>
                  <td>{row.reports.toLocaleString('zh-CN')}</td>
                  {row.rules.map((x) => (
                    <td key={x.rule} className={tone(x.passRate)} title={`通过 ${x.pass}，不通过 ${x.fail}，无法评判 ${x.notAssessable}`}>{pct(x.passRate)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
