// How the reader lays out a report: passages placed under the sections they came from,
// and raw text cut into paragraphs and tables. Pure functions over the API's shapes.
import { sectionIndexOfPassages } from '../../../services/core/passage-sections.js';
import type { ReportPassage, SectionType } from './types';

export interface SectionBlock {
  /** 1-based, for the `#s<n>` anchor. */
  n: number;
  type: SectionType;
  heading: string | null;
  text: string;
  passages: ReportPassage[];
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Sections and passages come as two ordered lists; passages name their section's type only.
 * Each passage goes under the section services/core/passage-sections.ts assigns it (the one
 * rule the citations' headings follow too).
 */
export function layoutReport(sections: ReadonlyArray<{ type: SectionType; heading: string | null; text: string }>, passages: readonly ReportPassage[]): {
  blocks: SectionBlock[];
  /** Passages no section could take (shown at the end rather than lost). */
  orphans: ReportPassage[];
} {
  const sorted = [...passages].sort((a, b) => a.ordinal - b.ordinal);
  if (!sections.length) {
    // No outline: one block per run of passages of the same type.
    const blocks: SectionBlock[] = [];
    for (const p of sorted) {
      const last = blocks.at(-1);
      if (last && last.type === p.section) last.passages.push(p);
      else blocks.push({ n: blocks.length + 1, type: p.section, heading: null, text: '', passages: [p] });
    }
    return { blocks, orphans: [] };
  }
  const blocks: SectionBlock[] = sections.map((s, i) => ({ n: i + 1, type: s.type, heading: s.heading, text: s.text, passages: [] }));
  const orphans: ReportPassage[] = [];
  sectionIndexOfPassages(sections, sorted).forEach((target, k) => {
    if (target < 0) orphans.push(sorted[k]!);
    else blocks[target]!.passages.push(sorted[k]!);
  });
  return { blocks, orphans };
}

/** The section's own text without its heading line (for sections without passages). */
export function bodyOf(block: Pick<SectionBlock, 'heading' | 'text'>): string {
  const text = block.text.replace(/^\n+/, '');
  if (block.heading && squash(text.split('\n')[0] ?? '') === squash(block.heading)) return text.slice(text.indexOf('\n') + 1 || text.length);
  return text;
}

/** Whether a block's first passage already opens with the heading (then the heading is not repeated). */
export function headingInFirstPassage(block: SectionBlock): boolean {
  const first = block.passages[0];
  return Boolean(block.heading && first && squash(first.text).startsWith(squash(block.heading)));
}

/** 一、… is a main part; (一)…, 1.… and the rest are sub-parts. */
export const isMainHeading = (heading: string): boolean => /^\s*[一二三四五六七八九十]+[、.．]/.test(heading);

export type TextBlock = { kind: 'para'; text: string } | { kind: 'table'; rows: string[][] };

/** Blank: nothing but spaces. A lone tab is not blank: it opens a cell whose text follows on the next line. */
const isBlank = (line: string) => !line.includes('\t') && !line.trim();

/** A tab with text on both sides: a row of a tab-separated table. */
const isTabRow = (line: string) => /\S\t|\t\S/.test(line.trim()) && line.trim().includes('\t');

/**
 * Raw text → paragraphs and tables. Tables come in two shapes: one row a line with
 * tab-separated cells, or (pasted from HTML) one cell a line, each opening with a tab,
 * rows separated by blank lines, a cell's overflow on lines without a tab.
 */
export function textBlocks(text: string): TextBlock[] {
  const lines = text.split('\n');
  const out: TextBlock[] = [];
  const addRow = (row: string[]) => {
    const cells = row.map((c) => c.trim());
    while (cells.length > 1 && cells.at(-1) === '') cells.pop();
    if (!cells.some((c) => c)) return;
    const last = out.at(-1);
    if (last?.kind === 'table') last.rows.push(cells);
    else out.push({ kind: 'table', rows: [cells] });
  };
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    // Blank lines separate rows of pasted tables; they never end a table by themselves.
    if (isBlank(line)) {
      i++;
      continue;
    }
    if (line.startsWith('\t') && !isTabRow(line.slice(1))) {
      // One cell per line: gather lines up to the next blank line into one row.
      let j = i;
      while (j < lines.length && !isBlank(lines[j]!)) j++;
      const joined = lines.slice(i, j).join('\n');
      addRow(joined.split('\t').slice(1).map((c) => c.replace(/\n/g, ' ')));
      i = j;
    } else if (isTabRow(line)) {
      addRow(line.split('\t'));
      i++;
    } else {
      // Reports put one paragraph a line.
      out.push({ kind: 'para', text: line.trim() });
      i++;
    }
  }
  return out;
}
