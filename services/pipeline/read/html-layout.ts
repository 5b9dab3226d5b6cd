// Old government pages lay the whole page out with tables: the report sits in one cell, next to
// cells of navigation. Read as a data table, that cell would become a single line (cells never
// break lines, so that a statistics row stays one row). A first pass tells the two kinds apart:
// a table is for layout when it holds another table inside a cell, or a cell with more visible
// text than any data cell has. Layout tables are then read like <div>s.
import { Parser } from 'htmlparser2';
import { innermostFirstStack } from './html-stack.js';

/** More visible characters than this in one cell: prose, not a data cell. */
const LAYOUT_CELL_CHARS = 200;

/** For each <table> in document order: is it for layout? */
export function layoutTables(html: string): boolean[] {
  const layout: boolean[] = [];
  const open: { index: number; cells: number; chars: number }[] = [];
  let raw = 0; // inside <script> or <style>: not visible text
  const parser = new Parser({
    onopentag(name) {
      if (name === 'script' || name === 'style') raw++;
      const table = open.at(-1);
      if (name === 'table') {
        if (table && table.cells > 0) layout[table.index] = true;
        open.push({ index: layout.length, cells: 0, chars: 0 });
        layout.push(false);
      } else if ((name === 'td' || name === 'th') && table) {
        table.cells++;
        table.chars = 0;
      }
    },
    onclosetag(name) {
      if ((name === 'script' || name === 'style') && raw > 0) raw--;
      const table = open.at(-1);
      if (name === 'table') open.pop();
      else if ((name === 'td' || name === 'th') && table && table.cells > 0) table.cells--;
    },
    ontext(text) {
      const table = open.at(-1);
      if (raw > 0 || !table || table.cells === 0) return;
      table.chars += text.replace(/\s+/g, '').length;
      if (table.chars > LAYOUT_CELL_CHARS) layout[table.index] = true;
    },
  }, { decodeEntities: true });
  (parser as unknown as { stack: string[] }).stack = innermostFirstStack();
  parser.write(html);
  parser.end();
  return layout;
}
