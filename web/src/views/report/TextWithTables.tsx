// Report text as paragraphs and tables (statistics come as tab-separated lines), every
// cell and line rendered as React text, with the searched terms marked.
import { useMemo } from 'react';
import { textBlocks } from '../../state/reportLayout';
import { MarkedText } from '../common/MarkedText';

export function TextWithTables({ text, terms }: { text: string; terms: readonly string[] }) {
  const blocks = useMemo(() => textBlocks(text), [text]);
  return (
    <>
      {blocks.map((b, i) => (b.kind === 'para'
        ? <p key={i}><MarkedText text={b.text} terms={terms} /></p>
        : <StatisticsTable key={i} rows={b.rows} terms={terms} />))}
    </>
  );
}

export function StatisticsTable({ rows, terms }: { rows: string[][]; terms: readonly string[] }) {
  const width = Math.max(...rows.map((r) => r.length));
  return (
    <div className="table-scroll">
      <table className="data-table report-table">
        <tbody>
          {rows.map((row, i) => (
            // A row of one cell is a group heading across the table.
            <tr key={i} className={row.length === 1 && width > 1 ? 'group-row' : undefined}>
              {row.map((cell, j) => {
                const span = j === row.length - 1 && row.length < width ? width - row.length + 1 : undefined;
                return (
                  <td key={j} colSpan={span} className={/^[\d.,%-]+$/.test(cell) ? 'num' : undefined}>
                    <MarkedText text={cell} terms={terms} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
