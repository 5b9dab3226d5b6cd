// A tiny template language for the phrase bank, so one line of data yields many
// wordings: `[a|b|]` picks one alternative (an empty one makes a clause optional;
// alternatives nest), `{name}` inserts a context variable, `{3-40}` a random integer.
// Templates are compiled once at load time; rendering is a plain loop (100k reports).
import type { Rng } from './random.js';

// One object shape for every part keeps rendering monomorphic (it runs ~10M times per 100k reports).
const enum K { Lit, Var, Int, Alt }
interface Part {
  k: K;
  s: string;
  lo: number;
  hi: number;
  alt: Part[][] | null;
}
export type Tpl = readonly Part[];
export type Vars = Readonly<Record<string, string>>;

const part = (k: K, s = '', lo = 0, hi = 0, alt: Part[][] | null = null): Part => ({ k, s, lo, hi, alt });

export function compile(src: string): Tpl {
  let i = 0;
  // Parses until one of `stops` (at this nesting depth) or the end.
  const seq = (stops: string): Part[] => {
    const out: Part[] = [];
    let lit = '';
    const flush = () => {
      if (lit) out.push(part(K.Lit, lit));
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
        out.push(part(K.Alt, '', 0, 0, alt));
      } else if (ch === '{') {
        flush();
        const end = src.indexOf('}', i);
        if (end < 0) throw new Error(`unclosed { in template: ${src}`);
        const body = src.slice(i + 1, end);
        const range = /^(\d+)-(\d+)$/.exec(body);
        out.push(range ? part(K.Int, '', Number(range[1]), Number(range[2])) : part(K.Var, body));
        i = end + 1;
      } else {
        lit += ch;
        i++;
      }
    }
    flush();
    return out;
  };
  return seq('');
}

function renderParts(parts: readonly Part[], rng: Rng, vars: Vars): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    switch (p.k) {
      case K.Lit:
        out += p.s;
        break;
      case K.Alt:
        out += renderParts(rng.pick(p.alt!), rng, vars);
        break;
      case K.Var: {
        const v = vars[p.s];
        if (v === undefined) throw new Error(`template variable {${p.s}} is not set`);
        out += v;
        break;
      }
      case K.Int:
        out += safeInt(rng.int(p.lo, p.hi));
    }
  }
  return out;
}

/** Never lets a random number spell "12345": that would plant the hotline theme by accident. */
export function safeInt(n: number): string {
  const s = String(n);
  return s.includes('12345') ? String(n + 1) : s;
}

export function render(t: Tpl, rng: Rng, vars: Vars): string {
  return renderParts(t, rng, vars);
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

// Eligible subsets are cached per pool, year and level: pools are filtered millions of times.
const eligibleCache = new WeakMap<readonly Compiled[], Map<number, Compiled[]>>();
const LEVEL_KEYS: Record<string, number> = { township: 0, county: 1, city: 2, department: 3 };

export function eligible(pool: readonly Compiled[], year: number, level: string): Compiled[] {
  let byKey = eligibleCache.get(pool);
  if (!byKey) eligibleCache.set(pool, (byKey = new Map()));
  const key = year * 8 + (LEVEL_KEYS[level] ?? 7);
  let hit = byKey.get(key);
  if (!hit) byKey.set(key, (hit = pool.filter((c) => year >= c.from && year <= c.to && (!c.levels || c.levels.includes(level)))));
  return hit;
}

/** Renders k distinct eligible entries of a pool. */
export function draw(pool: readonly Compiled[], k: number, rng: Rng, vars: Vars, year: number, level: string): string[] {
  return rng.sample(eligible(pool, year, level), k).map((c) => render(c.tpl, rng, vars));
}
