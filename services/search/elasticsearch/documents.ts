// IndexedReport → Elasticsearch documents, and documents → the backend interface's rows.
//
// Token streams are indexed exactly as the segmenter gave them, followed by padding
// tokens so that each of the three scored fields is as long as the passage's words and
// grams together: SQLite's FTS5 bm25() normalises by that total length, Lucene by the
// field's own length. With equal lengths the two BM25s agree up to Lucene's one-byte
// length norm (see query.ts); the streams are also kept as given, unindexed, for the
// exact score computed in Node.
import type { IndexedReport } from '../../core/schema.js';
import type { PassageRow, StoredReport } from '../backend.js';
import { tokenStream } from '../tokens/stream.js';

/**
 * The padding token. It can never be queried: grams are exactly two code points, heads
 * one, and word tokens never consist of symbols alone (the segmenter drops those).
 */
export const PAD = '~~~';

const tokenCount = (stream: string) => (stream ? stream.split(' ').length : 0);

function padded(stream: string, pads: number): string {
  if (pads <= 0) return stream;
  const tail = `${PAD} `.repeat(pads).trimEnd();
  return stream ? `${stream} ${tail}` : tail;
}

/** The first code point of every bigram: what FTS5's prefix query `grams : "x" *` counts. */
export const headsOf = (grams: string) => (grams ? grams.split(' ').map((g) => String.fromCodePoint(g.codePointAt(0)!)).join(' ') : '');

/** Codes of each level from a region code (GB/T 2260: 2, 4, 6 and 9 digits). */
export function codePath(code: string | null): Record<'province_code' | 'city_code' | 'county_code' | 'township_code', string | null> {
  return {
    province_code: code ? code.slice(0, 2) : null,
    city_code: code && code.length >= 4 ? code.slice(0, 4) : null,
    county_code: code && code.length >= 6 ? code.slice(0, 6) : null,
    township_code: code && code.length >= 9 ? code.slice(0, 9) : null,
  };
}

const SEP = '\u001f';

/** One keyword for the region facet: code and names, as SQLite groups them. */
export const regionKey = (r: IndexedReport['region']) =>
  [r.code ?? '', r.province ?? '', r.city ?? '', r.county ?? '', r.township ?? ''].join(SEP);

export function parseRegionKey(key: string): { value: string; province: string | null; city: string | null; county: string | null; township: string | null } {
  const [code = '', province = '', city = '', county = '', township = ''] = key.split(SEP);
  const orNull = (s: string) => (s === '' ? null : s);
  return { value: code, province: orNull(province), city: orNull(city), county: orNull(county), township: orNull(township) };
}

const provinceCity = (r: IndexedReport['region']) => (r.province !== null && r.city !== null ? `${r.province}/${r.city}` : null);

export const passageId = (reportId: string, ordinal: number) => `${reportId}:p${ordinal}`;

/** Report-level fields copied onto every passage (filters, facets, sorting, the hit's summary). */
function reportFields(doc: IndexedReport) {
  return {
    report_id: doc.id, title: doc.title, issuer: doc.issuer, year: doc.year, level: doc.level,
    region_code: doc.region.code, ...codePath(doc.region.code),
    province: doc.region.province, city: doc.region.city, county: doc.region.county, township: doc.region.township,
    province_city: provinceCity(doc.region), demo: doc.demo,
  };
}

export interface EsDoc { id: string; body: Record<string, unknown> }

export function passageDocs(doc: IndexedReport): EsDoc[] {
  const shared = { ...reportFields(doc), region_key: regionKey(doc.region) };
  return doc.passages.map((p) => {
    const lw = tokenCount(p.words);
    const lg = tokenCount(p.grams);
    return {
      id: passageId(doc.id, p.ordinal),
      body: {
        ...shared, ordinal: p.ordinal, section: p.section, themes: p.themes, text: p.text, start: p.start, end: p.end,
        words: padded(p.words, lg), grams: padded(p.grams, lw), heads: padded(headsOf(p.grams), lw),
        // As given, unpadded: what exact scoring counts in (query.ts), and the length D.
        // `tokens`: the corpus-analysis stream (tokens/stream.ts), the one SQLite stores as ids.
        streams: { words: p.words, grams: p.grams, tokens: tokenStream(p.text, p.words) }, length: lw + lg,
      },
    };
  });
}

export function reportDoc(doc: IndexedReport): EsDoc {
  return {
    id: doc.id,
    body: {
      ...reportFields(doc),
      path: doc.source.path, sha256: doc.source.sha256, kind: doc.source.kind, bytes: doc.source.bytes, encoding: doc.source.encoding,
      url: doc.source.url ?? null, published: doc.source.published ?? null,
      format: doc.format, warnings: doc.warnings, sections: doc.sections,
      passages: doc.passages.map((p) => ({ id: p.id, section: p.section, ordinal: p.ordinal, text: p.text, start: p.start, end: p.end, themes: p.themes })),
      passage_ids: doc.passages.map((p) => passageId(doc.id, p.ordinal)),
      passage_count: doc.passages.length,
      text: doc.text, ingested_at: new Date().toISOString(),
    },
  };
}

/** Fields of a passage document a hit needs (plus `streams` when it is scored). */
export const PASSAGE_SOURCE = ['report_id', 'ordinal', 'section', 'text', 'themes', 'title', 'issuer', 'year', 'level',
  'province', 'city', 'county', 'township', 'region_code', 'demo'];

type Src = Record<string, unknown>;

function summary(s: Src): PassageRow['report'] {
  const str = (v: unknown) => (v === undefined || v === null ? null : String(v));
  return {
    id: String(s.report_id), title: str(s.title), issuer: str(s.issuer),
    year: typeof s.year === 'number' ? s.year : null,
    level: s.level as PassageRow['report']['level'],
    region: { province: str(s.province), city: str(s.city), county: str(s.county), township: str(s.township), code: str(s.region_code) },
    demo: s.demo === true,
  };
}

export function passageRow(s: Src, score: number, phrase: boolean, more?: number): PassageRow {
  return {
    reportId: String(s.report_id), ordinal: s.ordinal as number, section: s.section as PassageRow['section'],
    text: s.text as string, themes: (s.themes as string[] | undefined) ?? [], score, phrase, report: summary(s),
    ...(more !== undefined ? { moreInReport: more } : {}),
  };
}

export function storedReport(s: Src): StoredReport {
  return {
    ...summary(s),
    format: s.format as StoredReport['format'],
    warnings: s.warnings as string[],
    sections: s.sections as StoredReport['sections'],
    passages: s.passages as StoredReport['passages'],
    text: s.text as string,
    source: { path: s.path as string, kind: s.kind as StoredReport['source']['kind'], bytes: s.bytes as number,
      sha256: s.sha256 as string, encoding: s.encoding as string,
      ...(typeof s.url === 'string' ? { url: s.url } : {}), ...(typeof s.published === 'string' ? { published: s.published } : {}) },
  };
}
