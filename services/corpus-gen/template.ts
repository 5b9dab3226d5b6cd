// A tiny template language for the phrase bank, so one line of data yields many
// wordings: `[a|b|]` picks one alternative (an empty one makes a clause optional;
// alternatives nest), `{name}` inserts a context variable, `{3-40}` a random integer.
// Templates are compiled once at load time; rendering is a plain loop (100k reports).
import type { Rng } from './random.js';

type Part = string | { var: string } | { lo: number; hi: number } | { alt: Part[][] };
export type Tpl = readonly Part[];
export type Vars = Readonly<Record<string, string>>;

export function compile(src: string): Tpl {
  let i = 0;
  // Parses until one of `stops` (at this nesting depth) or the end.
  const seq = (stops: string): Part[] => {
    const out: Part[] = [];
    let lit = '';
    const flush = () => {
      if (lit) out.push(lit);
      lit = '';
    };
    while (i < src.length && !stops.includes(src[i]!)) {
      const ch = src[i]!;
      if (ch === '[') {
        flush();
        i++;
        const alt: Part[][] = [seq('|]')];
        while (src[i] === '|') {
          i++;
          alt.push(seq('|]'));
        }
        if (src[i] !== ']') throw new Error(`unclosed [ in template: ${src}`);
        i++;
        out.push({ alt });
      } else if (ch === '{') {
        flush();
        const end = src.indexOf('}', i);
        if (end < 0) throw new Error(`unclosed { in template: ${src}`);
        const body = src.slice(i + 1, end);
        const range = /^(\d+)-(\d+)$/.exec(body);
        out.push(range ? { lo: Number(range[1]), hi: Number(range[2]) } : { var: body });
        i = end + 1;
      } else {
        lit += ch;
        i++;
      }
    }
    flush();
    return out;
  };
  const parts = seq('');
  return parts;
}

function renderParts(parts: readonly Part[], rng: Rng, vars: Vars, out: string[]): void {
  for (const p of parts) {
    if (typeof p === 'string') out.push(p);
    else if ('alt' in p) renderParts(rng.pick(p.alt), rng, vars, out);
    else if ('var' in p) {
      const v = vars[p.var];
      if (v === undefined) throw new Error(`template variable {${p.var}} is not set`);
      out.push(v);
    } else out.push(safeInt(rng.int(p.lo, p.hi)));
  }
}

/** Never lets a random number spell "12345": that would plant the hotline theme by accident. */
export function safeInt(n: number): string {
  const s = String(n);
  return s.includes('12345') ? String(n + 1) : s;
}

export function render(t: Tpl, rng: Rng, vars: Vars): string {
  const out: string[] = [];
  renderParts(t, rng, vars, out);
  return out.join('');
}

/** A bank entry: a template, optionally limited to some years or issuer levels. */
export interface Entry {
  t: string;
  from?: number;
  to?: number;
  levels?: readonly string[];
}
export interface Compiled {
  tpl: Tpl;
  from: number;
  to: number;
  levels: readonly string[] | null;
}

export function compilePool(entries: readonly (string | Entry)[]): Compiled[] {
  return entries.map((e) => {
    const o = typeof e === 'string' ? { t: e } : e;
    return { tpl: compile(o.t), from: o.from ?? 0, to: o.to ?? 9999, levels: o.levels ?? null };
  });
}

export function eligible(pool: readonly Compiled[], year: number, level: string): Compiled[] {
  return pool.filter((c) => year >= c.from && year <= c.to && (!c.levels || c.levels.includes(level)));
}

/** Renders k distinct eligible entries of a pool. */
export function draw(pool: readonly Compiled[], k: number, rng: Rng, vars: Vars, year: number, level: string): string[] {
  return rng.sample(eligible(pool, year, level), k).map((c) => render(c.tpl, rng, vars));
}
