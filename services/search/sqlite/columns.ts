// What counting, filtering and ordering need of every passage and report, held in memory as
// typed arrays indexed by row id. FTS5 answers "which passages match" fast, in rowid order;
// joining each match back to its tables for facets, filters and sort keys is what made
// queries with a million matches take seconds. With these columns a match costs a few
// array reads instead of two B-tree look-ups.
//
// The columns follow the index: rows added since the last look are appended; after a
// removal (recorded in meta as `removals`) they are rebuilt.
import type Database from 'better-sqlite3';
import { LEVELS, SECTION_TYPES } from '../../core/schema.js';

/** One place a report can be: the region facet's bucket. */
export interface RegionKey {
  code: string | null; province: string | null; city: string | null; county: string | null; township: string | null;
}

const PAGE = 100_000;

class Grow<T extends Int32Array | Uint32Array | Uint8Array | Int16Array> {
  constructor(public a: T, private readonly make: (n: number) => T) {}
  ensure(n: number): T {
    if (n <= this.a.length) return this.a;
    const b = this.make(Math.max(n, this.a.length * 2));
    b.set(this.a);
    this.a = b;
    return b;
  }
}

export class Columns {
  /** Per passage id: its report's row id (0: no such passage), ordinal, section index, theme bits. */
  private readonly pReport = new Grow(new Int32Array(1024), (n) => new Int32Array(n));
  private readonly pOrdinal = new Grow(new Uint32Array(1024), (n) => new Uint32Array(n));
  private readonly pSection = new Grow(new Uint8Array(1024), (n) => new Uint8Array(n));
  private readonly pThemes = new Grow(new Uint32Array(1024), (n) => new Uint32Array(n));
  /** Per report row id: year (0 when unknown), level index, region key index. */
  private readonly rYear = new Grow(new Int16Array(1024), (n) => new Int16Array(n));
  private readonly rLevel = new Grow(new Uint8Array(1024), (n) => new Uint8Array(n));
  private readonly rRegion = new Grow(new Int32Array(1024), (n) => new Int32Array(n));
  /** Per report row id: the public id (ties are broken on it), and the prefix codes of its places. */
  readonly docId: Array<string | undefined> = [];
  readonly codes: Array<[string | null, string | null, string | null, string | null] | undefined> = [];

  readonly regions: RegionKey[] = [];
  private readonly regionIndex = new Map<string, number>();
  /** Theme names in bit order; more than 32 themes would need a wider mask. */
  readonly themes: string[] = [];
  private readonly themeBit = new Map<string, number>();

  maxPassage = 0;
  maxReport = 0;
  private removals = '';

  get report(): Int32Array { return this.pReport.a; }
  get ordinal(): Uint32Array { return this.pOrdinal.a; }
  get section(): Uint8Array { return this.pSection.a; }
  get themeBits(): Uint32Array { return this.pThemes.a; }
  get year(): Int16Array { return this.rYear.a; }
  get level(): Uint8Array { return this.rLevel.a; }
  get region(): Int32Array { return this.rRegion.a; }

  static readonly SECTIONS = SECTION_TYPES;
  static readonly LEVELS = LEVELS;

  /** The bit of a theme, or 0 for a theme no passage has (a filter on it matches nothing). */
  bitOf(theme: string): number {
    const i = this.themeBit.get(theme);
    return i === undefined ? 0 : 1 << i;
  }

  private themeIndex(theme: string): number {
    let i = this.themeBit.get(theme);
    if (i === undefined) {
      i = this.themes.length;
      if (i >= 32) throw new Error('more than 32 themes: widen the theme mask in sqlite/columns.ts');
      this.themes.push(theme);
      this.themeBit.set(theme, i);
    }
    return i;
  }

  private regionOf(k: RegionKey): number {
    const key = `${k.code}|${k.province}|${k.city}|${k.county}|${k.township}`;
    let i = this.regionIndex.get(key);
    if (i === undefined) {
      i = this.regions.length;
      this.regions.push(k);
      this.regionIndex.set(key, i);
    }
    return i;
  }

  /** True when the columns had to be rebuilt from scratch (rows were removed since the last look). */
  static removalsOf(db: Database.Database): string {
    return (db.prepare("SELECT value FROM meta WHERE key = 'removals'").pluck().get() as string | undefined) ?? '0';
  }

  /** Appends the rows added since the last call; the caller rebuilds when removals changed. */
  catchUp(db: Database.Database): void {
    const reports = db.prepare(`SELECT id, doc_id, year, level, region_code, province, city, county, township,
      province_code, city_code, county_code, township_code FROM reports WHERE id > ? ORDER BY id`).raw().all(this.maxReport) as unknown[][];
    for (const r of reports) {
      const id = r[0] as number;
      this.rYear.ensure(id + 1)[id] = (r[2] as number | null) ?? 0;
      this.rLevel.ensure(id + 1)[id] = LEVELS.indexOf(r[3] as (typeof LEVELS)[number]);
      this.rRegion.ensure(id + 1)[id] = this.regionOf({
        code: r[4] as string | null, province: r[5] as string | null, city: r[6] as string | null,
        county: r[7] as string | null, township: r[8] as string | null,
      });
      this.docId[id] = r[1] as string;
      this.codes[id] = [r[9], r[10], r[11], r[12]] as [string | null, string | null, string | null, string | null];
      this.maxReport = id;
    }
    const passages = db.prepare('SELECT id, report_id, ordinal, section FROM passages WHERE id > ? ORDER BY id LIMIT ?').raw();
    const from = this.maxPassage;
    for (;;) {
      const rows = passages.all(this.maxPassage, PAGE) as Array<[number, number, number, string]>;
      if (!rows.length) break;
      const last = rows[rows.length - 1]![0];
      const rep = this.pReport.ensure(last + 1);
      const ord = this.pOrdinal.ensure(last + 1);
      const sec = this.pSection.ensure(last + 1);
      this.pThemes.ensure(last + 1);
      for (const [id, report, ordinal, section] of rows) {
        rep[id] = report;
        ord[id] = ordinal;
        sec[id] = SECTION_TYPES.indexOf(section as (typeof SECTION_TYPES)[number]);
      }
      this.maxPassage = last;
    }
    if (this.maxPassage > from) {
      const themes = db.prepare('SELECT passage_id, theme FROM passage_themes WHERE passage_id > ?').raw().all(from) as Array<[number, string]>;
      const bits = this.pThemes.a;
      for (const [id, theme] of themes) bits[id]! |= 1 << this.themeIndex(theme);
    }
  }

  /** Brings the columns level with the index, rebuilding them when rows were removed. Returns the columns to use. */
  static sync(db: Database.Database, current: Columns | undefined): Columns {
    const removals = Columns.removalsOf(db);
    const cols = current && current.removals === removals ? current : new Columns();
    cols.removals = removals;
    cols.catchUp(db);
    return cols;
  }
}
