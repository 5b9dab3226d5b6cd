// The chart's numbers as a table: exact values to quote, readable without the chart, and
// each cell opens its search (a way in when points of several lines lie on top of each other).
import { regionKeyLabel } from '../../state/regions';
import type { TrendTable } from '../../state/trendData';

export function TrendDataTable({ table, labels, by, onOpen }: {
  table: TrendTable; labels: string[]; by: 'year' | 'province' | 'city'; onOpen: (seriesIndex: number, key: string) => void;
}) {
  return (
    <details className="trend-table">
      <summary>查看数据表</summary>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{by === 'year' ? '年份' : by === 'province' ? '省份' : '城市'}</th>
              {labels.map((l) => <th key={l} scope="col">{l}</th>)}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{by === 'year' ? `${row.key}年` : by === 'city' ? row.key.replace('/', ' ') : regionKeyLabel(row.key)}</th>
                {labels.map((l, i) => {
                  const d = table.detail.get(row.key)?.[i];
                  return (
                    <td key={l} className="num">
                      {!d ? '—' : d.reports > 0
                        ? <button type="button" className="link-button" onClick={() => onOpen(i, row.key)} title="查看这些段落">
                          {d.reports} / {d.totalReports} 份<span className="muted">（{(d.share * 100).toFixed(1)}%）</span>
                        </button>
                        : <>0 / {d.totalReports} 份</>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
