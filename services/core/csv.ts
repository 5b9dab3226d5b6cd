// The one CSV writer of the project: the server's export (services/api/export.ts) and the web
// app's concordance download (web/src/state/csv.ts) both write through it, with csv-stringify.
//
// The browser build of csv-stringify is imported on both sides: its Node build reaches for
// `Buffer`, which the web bundle does not have, and the browser build (its own Buffer shim)
// runs unchanged in Node, so one import serves both and the two files cannot drift apart.
import { stringify } from 'csv-stringify/browser/esm/sync';

// Spreadsheet programs run a cell that starts with = + - @ (or a tab or CR) as a formula, and
// some (Apple Numbers) fold the full-width ＝＋－＠ to those first: csv-stringify's
// `escape_formulas` prefixes all of them with `'` so the cell stays text (tested in
// tests/hardening/export.test.ts). Negative numbers passed as numbers are left alone.

/** null and undefined are empty cells; everything else its string (numbers stay numbers for the negative-number rule). */
const cell = (v: unknown): unknown => (v === null || v === undefined ? '' : typeof v === 'number' || typeof v === 'string' ? v : String(v));

const OPTIONS = {
  escape_formulas: true,
  record_delimiter: 'windows',
  // Quote a cell holding a lone \n or \r too (a custom record delimiter turns that off).
  quote_record_delimiter: true,
} as const;

/** A whole file: a BOM so that spreadsheet programs read the Chinese as UTF-8, CRLF after every row (RFC 4180). */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return stringify([header.map(cell), ...rows.map((r) => r.map(cell))], { ...OPTIONS, bom: true });
}
