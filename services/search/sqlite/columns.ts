// What counting, filtering and ordering need of every passage and report, held in memory as
// typed arrays indexed by row id. FTS5 answers "which passages match" fast, in rowid order;
// joining each match back to its tables for facets, filters and sort keys is what made
// queries with a million matches take seconds. With these columns a match costs a few
// array reads instead of two B-tree look-ups.
//
// The columns follow the index: rows added since the last look are appended; after a
// removal (recorded in meta as `removals`) they are rebuilt.
import v8 from 'node:v8';
import type Database from 'better-sqlite3';
import { levelCodes } from '../../core/region-code.js';
import { LEVELS, SECTION_TYPES } from '../../core/schema.js';

/** One place a report can be: the region facet's bucket. */
export interface RegionKey {
  code: string | null; province: string | null; city: string | null; county: string | null; township: string | null;
}

/** A region key with the prefix codes of its province, city, county and township (what region filters test). */
export interface Region extends RegionKey { levels: [string | null, string | null, string | null, string | null] }

/** Bumped whenever the snapshot's shape changes: an older snapshot is then ignored. */
const SNAPSHOT_FORMAT = 3;

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
  /** Per report row id: the public id (ties are broken on it). */
  docId: Array<string | undefined> = [];

  readonly regions: Region[] = [];
  private readonly regionIndex = new Map<string, number>();
  /** Theme names in bit order; more than 32 themes would need a wider mask. */
  readonly themes: string[] = [];
  private readonly themeBit = new Map<string, number>();

  maxPassage = 0;
  maxReport = 0;
  /** Passages are loaded for reports up to this row id. */
  private loadedReport = 0;
  private removals = '';

  /** Changes whenever rows are added or removed: what was computed on other rows is stale. */
  get generation(): string { return `${this.removals}:${this.maxReport}:${this.maxPassage}`; }

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

  private static keyOf(k: RegionKey): string { return `${k.code}|${k.province}|${k.city}|${k.county}|${k.township}`; }

  private regionOf(k: RegionKey): number {
    const i = this.regionIndex.get(Columns.keyOf(k));
    if (i !== undefined) return i;
    const l = levelCodes(k.code);
    return this.addRegion({ ...k, levels: [l.province, l.city, l.county, l.township] });
  }

  private addRegion(r: Region): number {
    this.regions.push(r);
    this.regionIndex.set(Columns.keyOf(r), this.regions.length - 1);
    return this.regions.length - 1;
  }

  /** How many removals the index has seen: when it moves, the columns are rebuilt. */
  static removalsOf(db: Database.Database): string {
    return (db.prepare("SELECT value FROM meta WHERE key = 'removals'").pluck().get() as string | undefined) ?? '0';
  }

  /** Appends the rows added since the last call; the caller rebuilds when removals changed. */
  catchUp(db: Database.Database): void {
    const reports = db.prepare(`SELECT id, doc_id, year, level, region_code, province, city, county, township
      FROM reports INDEXED BY reports_columns WHERE id > ? ORDER BY id`).raw().all(this.maxReport) as unknown[][];
    for (const r of reports) {
      const id = r[0] as number;
      this.rYear.ensure(id + 1)[id] = (r[2] as number | null) ?? 0;
      this.rLevel.ensure(id + 1)[id] = LEVELS.indexOf(r[3] as (typeof LEVELS)[number]);
      this.rRegion.ensure(id + 1)[id] = this.regionOf({
        code: r[4] as string | null, province: r[5] as string | null, city: r[6] as string | null,
        county: r[7] as string | null, township: r[8] as string | null,
      });
      this.docId[id] = r[1] as string;
      this.maxReport = id;
    }
    // New rows belong to new reports: a row id is only ever reused after a removal, and a
    // removal rebuilds the columns. One row per report, aggregated by SQLite from the covering
    // index: a row through better-sqlite3 costs about a microsecond, so 1.8 million passage
    // rows would cost seconds.
    const byReport = db.prepare(`SELECT report_id, group_concat(id), group_concat(ordinal), group_concat(section)
      FROM passages INDEXED BY passages_columns WHERE report_id > ? GROUP BY report_id ORDER BY report_id`)
      .raw().all(this.loadedReport) as Array<[number, string, string, string]>;
    const from = this.maxPassage;
    const sectionNo = new Map<string, number>(SECTION_TYPES.map((t, i) => [t, i]));
    for (const [report, idList, ordinalList, sectionList] of byReport) {
      const ids = idList.split(',');
      const ordinals = ordinalList.split(',');
      const sections = sectionList.split(',');
      const top = Number(ids[ids.length - 1]);
      this.grow(top + 1);
      for (let k = 0; k < ids.length; k++) {
        const id = Number(ids[k]);
        if (id > this.maxPassage) this.maxPassage = id;
        this.pReport.a[id] = report;
        this.pOrdinal.a[id] = Number(ordinals[k]);
        this.pSection.a[id] = sectionNo.get(sections[k]!) ?? 0;
      }
    }
    this.loadedReport = this.maxReport;
    if (this.maxPassage > from) {
      const themes = db.prepare(`SELECT theme, group_concat(passage_id) FROM passage_themes WHERE passage_id > ? GROUP BY theme ORDER BY theme`)
        .raw().all(from) as Array<[string, string]>;
      const bits = this.pThemes.a;
      for (const [theme, idList] of themes) {
        const bit = 1 << this.themeIndex(theme);
        for (const id of idList.split(',')) bits[Number(id)]! |= bit;
      }
    }
  }

  private grow(n: number): void {
    this.pReport.ensure(n);
    this.pOrdinal.ensure(n);
    this.pSection.ensure(n);
    this.pThemes.ensure(n);
  }

  /** The state worth keeping between processes (see the snapshot below). */
  private serialize(): Buffer {
    const n = this.maxPassage + 1;
    const m = this.maxReport + 1;
    return v8.serialize({
      format: SNAPSHOT_FORMAT, removals: this.removals, maxPassage: this.maxPassage, maxReport: this.maxReport, loadedReport: this.loadedReport,
      report: this.pReport.a.slice(0, n), ordinal: this.pOrdinal.a.slice(0, n), section: this.pSection.a.slice(0, n), themeBits: this.pThemes.a.slice(0, n),
      year: this.rYear.a.slice(0, m), level: this.rLevel.a.slice(0, m), region: this.rRegion.a.slice(0, m),
      // Strings travel as one joined string each: a hundred thousand small values cost far more.
      docIds: this.docId.map((d) => d ?? '').join('\n'), regions: JSON.stringify(this.regions),
      themes: this.themes,
    });
  }

  private static deserialize(data: Buffer, removals: string): Columns | undefined {
    try {
      const o = v8.deserialize(data) as Record<string, unknown>;
      if (o.format !== SNAPSHOT_FORMAT || o.removals !== removals) return undefined;
      const c = new Columns();
      c.removals = removals;
      c.maxPassage = o.maxPassage as number;
      c.maxReport = o.maxReport as number;
      c.loadedReport = o.loadedReport as number;
      c.pReport.a = o.report as Int32Array<ArrayBuffer>;
      c.pOrdinal.a = o.ordinal as Uint32Array<ArrayBuffer>;
      c.pSection.a = o.section as Uint8Array<ArrayBuffer>;
      c.pThemes.a = o.themeBits as Uint32Array<ArrayBuffer>;
      c.rYear.a = o.year as Int16Array<ArrayBuffer>;
      c.rLevel.a = o.level as Uint8Array<ArrayBuffer>;
      c.rRegion.a = o.region as Int32Array<ArrayBuffer>;
      c.docId = (o.docIds as string).split('\n').map((d) => d || undefined);
      for (const r of JSON.parse(o.regions as string) as Region[]) c.addRegion(r);
      for (const t of o.themes as string[]) c.themeIndex(t);
      c.savedPassages = c.maxPassage;
      return c;
    } catch {
      return undefined; // unreadable (another Node version, say): rebuilt from the tables instead
    }
  }

  /** Passages covered by the stored snapshot; the snapshot is rewritten when the columns outgrow it. */
  private savedPassages = -1;

  /** Whether the stored snapshot lags enough behind to be worth rewriting. */
  get snapshotStale(): boolean {
    if (this.savedPassages < 0) return this.maxPassage > 0;
    return this.maxPassage - this.savedPassages > Math.max(10_000, this.savedPassages / 5);
  }

  /**
   * Stores the columns in the index file, so that the next process starts from them instead
   * of rebuilding (seconds at 100k reports). It is a cache: written by readers, checked
   * against the removals count, discarded when unreadable.
   */
  saveSnapshot(db: Database.Database): void {
    db.prepare('INSERT OR REPLACE INTO column_snapshot (id, data) VALUES (1, ?)').run(this.serialize());
    this.savedPassages = this.maxPassage;
  }

  /** Brings the columns level with the index, rebuilding them when rows were removed. Returns the columns to use. */
  static sync(db: Database.Database, current: Columns | undefined): Columns {
    const removals = Columns.removalsOf(db);
    let cols = current && current.removals === removals ? current : undefined;
    if (!cols) {
      const data = db.prepare('SELECT data FROM column_snapshot WHERE id = 1').pluck().get() as Buffer | undefined;
      cols = (data && Columns.deserialize(data, removals)) || new Columns();
    }
    cols.removals = removals;
    cols.catchUp(db);
    return cols;
  }
}
