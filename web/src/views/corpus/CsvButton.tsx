// 导出 CSV of a corpus table: the rows as shown (all of them, in the API's order), built in the browser.
import { downloadText, toCsv } from '../../state/csv';

export function CsvButton({ name, header, rows }: { name: string; header: string[]; rows: unknown[][] }) {
  return (
    <button type="button" className="button button-small" onClick={() => downloadText(`${name}.csv`, toCsv(header, rows))}>导出 CSV</button>
  );
}
