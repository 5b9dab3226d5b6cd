// Section-type accuracy on the real development set (../shared/corpus/dev): each file parsed by
// the same code as `gongkai parse <file> --json` (read → parseText); each labelled line of
// tests/sections/dev-labels.tsv is mapped, by offsets into the original text, to the passage
// covering it, or, when no passage covers it (a table, a heading alone, furniture the clean text
// dropped), to the section span covering it. Label `furniture` is right when the line is in no
// passage or in a preamble one: page chrome must not become a counted passage.
//   npx tsx scripts/eval-sections.ts [--dir <corpus/dev>] [--quiet] [--dump <file>]
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseText } from '../services/pipeline/parse.js';
import { normalize } from '../services/pipeline/normalize/index.js';
import { splitSections } from '../services/pipeline/sections/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const LABELS = join(HERE, '../tests/sections/dev-labels.tsv');
export const DEV_DIR = join(HERE, '../../shared/corpus/dev');

export interface LineLabel { file: string; line: number; want: string; reason: string }
export interface Outcome extends LineLabel { got: string; ok: boolean; text: string }

export function readLineLabels(path = LABELS): LineLabel[] {
  return readFileSync(path, 'utf8').split('\n')
    .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('file\t'))
    .map((l) => { const [file, line, want, reason] = l.split('\t'); return { file: file!, line: Number(line), want: want!, reason: reason ?? '' }; });
}

/** The predicted type of every line of one file: passage section, span type, or `dropped`. */
export function lineTypes(original: string): { types: string[]; inPassage: boolean[]; lines: string[] } {
  const parsed = parseText(original);
  const clean = normalize(original);
  const spans = splitSections(clean);
  // Original offset → clean offset: the first clean character mapped at or after it.
  const toClean = (orig: number) => { let lo = 0, hi = clean.text.length; while (lo < hi) { const mid = (lo + hi) >> 1; if (clean.map[mid]! < orig) lo = mid + 1; else hi = mid; } return lo; };
  const lines = original.split('\n');
  const types: string[] = [];
  const inPassage: boolean[] = [];
  let at = 0;
  for (const line of lines) {
    const lead = line.length - line.trimStart().length;
    const s = at + lead, e = at + line.trimEnd().length;
    at += line.length + 1;
    const p = parsed.passages.find((q) => q.start < e && q.end > s);
    if (p) { types.push(p.section); inPassage.push(true); continue; }
    inPassage.push(false);
    const cs = toClean(s), ce = toClean(e);
    // Whether any character of the line survives into the clean text.
    let kept = false;
    for (let c = cs; c < ce && c < clean.text.length; c++) if (clean.map[c]! >= s && clean.map[c]! < e && clean.text[c]!.trim()) { kept = true; break; }
    if (!kept) { types.push('dropped'); continue; }
    types.push(spans.find((sp) => sp.start <= cs && cs < sp.end)?.type ?? 'dropped');
  }
  return { types, inPassage, lines };
}

export function evaluate(labels: LineLabel[], dir = DEV_DIR): Outcome[] {
  const byFile = new Map<string, ReturnType<typeof lineTypes>>();
  return labels.map((l) => {
    let r = byFile.get(l.file);
    if (!r) byFile.set(l.file, (r = lineTypes(readFileSync(join(dir, l.file), 'utf8'))));
    const got = r.types[l.line - 1] ?? 'missing';
    const ok = l.want === 'furniture' ? !r.inPassage[l.line - 1] || got === 'preamble' : got === l.want;
    return { ...l, got, ok, text: r.lines[l.line - 1] ?? '' };
  });
}

function table(title: string, groups: Map<string, Outcome[]>): void {
  console.log(`\n${title}`);
  for (const [k, os] of [...groups].sort()) {
    const n = os.filter((o) => o.ok).length;
    console.log(`  ${k.padEnd(20)} ${String(n).padStart(4)}/${String(os.length).padEnd(4)} ${(100 * n / os.length).toFixed(1)} %`);
  }
}
const group = <T>(xs: T[], key: (x: T) => string) => { const m = new Map<string, T[]>(); for (const x of xs) { const k = key(x); m.set(k, [...(m.get(k) ?? []), x]); } return m; };

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, quiet: { type: 'boolean' }, dump: { type: 'string' } } });
  const dir = resolve(values.dir ?? DEV_DIR);
  if (values.dump) {
    const r = lineTypes(readFileSync(join(dir, values.dump), 'utf8'));
    r.lines.forEach((l, i) => console.log(`${i + 1}\t${r.types[i]}${r.inPassage[i] ? '' : '*'}\t${l.slice(0, 90)}`));
    process.exit(0);
  }
  const index = new Map(readFileSync(join(dir, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((r) => r.split('\t')).map((c) => [c[0]!, { level: c[8]!, format: c[9]! }]));
  const out = evaluate(readLineLabels(), dir);
  const n = out.filter((o) => o.ok).length;
  console.log(`section type: ${n}/${out.length} = ${(100 * n / out.length).toFixed(1)} %`);
  const pi = out.filter((o) => o.want === 'problems' || o.want === 'improvements');
  const pin = pi.filter((o) => o.ok).length;
  console.log(`problems vs improvements: ${pin}/${pi.length} = ${(100 * pin / Math.max(1, pi.length)).toFixed(1)} %`);
  table('by type', group(out, (o) => o.want));
  // Lines of the full reports (../reports/…) are grouped apart: they are not dev pages.
  const fullReport = (o: Outcome) => (o.file.startsWith('../reports/') ? 'full reports' : null);
  table('by level', group(out, (o) => fullReport(o) ?? index.get(o.file)?.level ?? '?'));
  table('by format', group(out, (o) => fullReport(o) ?? index.get(o.file)?.format ?? '?'));
  if (!values.quiet) {
    console.log('\nmisses:');
    for (const o of out.filter((x) => !x.ok)) console.log(`  ${basename(o.file)}:${o.line}\twant ${o.want}\tgot ${o.got}\t${o.text.trim().slice(0, 50)}`);
  }
}
