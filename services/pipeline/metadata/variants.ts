// Place names in reports are often written with a variant or look-alike character
// (桑垌乡 for the gazetteer's 桑堌乡), a traditional form, or a plain typo. Matching
// tolerates that, but only ever against a small pool (one county's townships), where a
// one-character difference is still strong evidence.

/** Characters that stand for one another in place names: each group is one class. */
const VARIANT_GROUPS = [
  '垌堌峒洞', '坵丘', '嘴咀', '岗冈崗', '垭埡', '坝垻壩', '洼窪漥', '圩墟', '寨砦', '垄垅陇壟',
  '岔汊叉', '坂阪', '塘溏', '濠壕', '磡坎', '埠埔', '峪裕', '圪疙', '庄莊', '沟溝', '湾灣',
  '岭嶺', '乡鄉', '镇鎮', '县縣', '区區', '营營', '楼樓', '龙龍', '阳陽', '宁寧', '台臺',
  '里裏', '于於', '干乾', '洲州', '家傢', '碱鹼', '铺舖', '场場', '关關', '滩灘', '马馬',
];

const CANONICAL = new Map<string, string>();
for (const group of VARIANT_GROUPS) for (const ch of group.slice(1)) CANONICAL.set(ch, group[0]!);
// Regular expressions rather than a loop over characters: 41k names are checked at once.
const NON_CANONICAL = new RegExp(`[${[...CANONICAL.keys()].join('')}]`, 'g');

/** Whether folding changes the name: only such names need indexing by their folded form. */
export const hasVariant = (name: string): boolean => name.search(NON_CANONICAL) >= 0;

/** The name with every variant character replaced by its class's first member. */
export const fold = (name: string): string => name.replace(NON_CANONICAL, (ch) => CANONICAL.get(ch)!);

export type Closeness = 'exact' | 'variant' | 'typo';

/**
 * How close a written name is to a gazetteer name: equal, equal up to variant
 * characters, or one edit apart (substitution, insertion or deletion). Null otherwise.
 */
export function closeness(written: string, official: string): Closeness | null {
  if (written === official) return 'exact';
  if (fold(written) === fold(official)) return 'variant';
  return withinOneEdit(written, official) ? 'typo' : null;
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}
