// The page's own web address where the text carries it (a saved-from line, the footer's 网址,
// the link to the electronic copy): government hosts spell their place in pinyin
// (dingan.hainan.gov.cn) or its initials (tjhp.gov.cn: 天津和平, syyh: 沈阳于洪). Read only to
// choose among places that share a name, or to find the city hosting a zone the gazetteer
// lacks; never over what the text names. Pinyin from pinyin-pro (polyphones of place names
// such as 长沙, 重庆 read as places).
import { pinyin } from 'pinyin-pro';
import { ancestorsOf, type Place } from './gazetteer.js';

const HOST = /(?:https?:\/\/|www\.)([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov\.cn|cn|com|net|org))/gi;
// Labels of a host that name no place: the scheme's, the portal's sections, generic words.
const GENERIC = new Set(['www', 'gov', 'cn', 'com', 'net', 'org', 'xxgk', 'zwgk', 'gk', 'zfxxgk', 'zfgk', 'm', 'wap', 'web', 'portal', 'site', 'info', 'news', 'zw']);
// Where the text's own address would stand: its opening and the lines a page ends with are enough.
const ADDRESS_CHARS = 6000;
// The administrative word a name ends with: written or dropped in hosts (baiyinqu, kanglexian; lipu).
const SUFFIX = /(?:新区|示范区|开发区|高新区|经开区|特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|街道|省|市|区|县|旗|盟|州|镇|乡)$/;

/** The place-naming labels of the hosts the text writes: [dingan, hainan], [tjhp]. */
export function hostLabels(text: string): string[] {
  const labels = new Set<string>();
  const scanned = text.length > 2 * ADDRESS_CHARS ? text.slice(0, ADDRESS_CHARS) + text.slice(-ADDRESS_CHARS) : text;
  for (const m of scanned.matchAll(HOST)) {
    for (const label of m[1]!.toLowerCase().split('.')) if (label.length >= 2 && !GENERIC.has(label) && !/\d/.test(label)) labels.add(label);
  }
  return [...labels];
}

/** The spellings of a name a host may use: pinyin and initials, with and without its suffix. */
function spellings(name: string): string[] {
  const stem = name.replace(SUFFIX, '');
  const out = new Set<string>();
  for (const words of stem === name || stem.length < 2 ? [name] : [name, stem]) {
    const syllables = pinyin(words, { toneType: 'none', type: 'array', v: true }) as string[];
    out.add(syllables.join(''));
    out.add(syllables.map((s) => s[0]).join(''));
  }
  return [...out].filter((s) => s.length >= 2 && /^[a-z]+$/.test(s));
}

/** True when `label` is made of the given spellings end to end (tj + hp, ding + an). */
function madeOf(label: string, pieces: string[]): boolean {
  const reach = new Array<boolean>(label.length + 1).fill(false);
  reach[0] = true;
  for (let at = 0; at < label.length; at++) {
    if (!reach[at]) continue;
    for (const piece of pieces) if (label.startsWith(piece, at)) reach[at + piece.length] = true;
  }
  return reach[label.length]!;
}

/** How many of the host labels spell `place` or the places above it (and `extra` names, a zone's). */
export function addressScore(place: Place, labels: string[], extra: string[] = []): number {
  const pieces = [place, ...ancestorsOf(place)].filter((p) => !/^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(p.name))
    .flatMap((p) => spellings(p.name)).concat(extra.flatMap(spellings));
  return labels.filter((label) => madeOf(label, pieces)).length;
}

/** The one of `candidates` the text's web address spells best, if one scores above the rest. */
export function byAddress(candidates: Place[], labels: string[], extra: string[] = []): Place | null {
  if (!labels.length) return null;
  const scored = candidates.map((p) => ({ p, score: addressScore(p, labels, extra) })).sort((a, b) => b.score - a.score);
  return scored[0] && scored[0].score > 0 && scored[0].score > (scored[1]?.score ?? 0) ? scored[0].p : null;
}
