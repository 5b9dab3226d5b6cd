// The year a report covers, which is not the year it was published (January 2020 for 2019)
// nor every year its body names (documents cited, next year's plans). In order of trust:
// the title, the statistics period (统计期限为2018年1月1日至…), the report naming itself
// (现将《胜利乡2019年…年度报告》), and last the year the opening paragraphs name most.

const CHINESE_DIGITS = '〇一二三四五六七八九';
// The period a report's figures cover, not any date: 自2018年1月1日起施行 is a law's.
const PERIOD_START = /(?:统计|期限|期间|时限|数据|时间)[^。\n]{0,20}?((?:19|20)\d{2})年0?1月0?1日/;
const SELF_CITATION = /《[^》\n]{0,40}?((?:19|20)\d{2})年度?[^》\n]{0,20}?报告》/;
const OPENING_CHARS = 4000;

function toNumber(year: string): number {
  const digits = year.replace(/[〇零一二三四五六七八九]/g, (d) => String(d === '零' ? 0 : CHINESE_DIGITS.indexOf(d)));
  return Number(digits);
}

const plausible = (y: number) => y >= 2000 && y <= new Date().getFullYear() + 1;

/** The year a title names: 2019年, 二〇一九年度, （2019）. */
export function titleYear(title: string): number | null {
  const m = title.match(/((?:19|20)\d{2})\s*年/) ?? title.match(/([〇零一二][〇零一二三四五六七八九]{3})\s*年/)
    ?? title.match(/[（(【[]\s*((?:19|20)\d{2})\s*[)）】\]]/) ?? title.match(/(?<!\d)((?:19|20)\d{2})(?!\d)/);
  const year = m ? toNumber(m[1]!) : null;
  return year !== null && plausible(year) ? year : null;
}

export function yearOf(title: string | null, text: string): { year: number | null; warnings: string[] } {
  const opening = text.slice(0, OPENING_CHARS);
  const fromTitle = title ? titleYear(title) : null;
  const period = opening.match(PERIOD_START);
  const fromPeriod = period ? Number(period[1]) : null;
  if (fromTitle !== null) {
    const warnings = fromPeriod !== null && fromPeriod !== fromTitle
      ? [`title year ${fromTitle} differs from the statistics period's ${fromPeriod}`] : [];
    return { year: fromTitle, warnings };
  }
  if (fromPeriod !== null && plausible(fromPeriod)) return { year: fromPeriod, warnings: [] };
  const cited = opening.match(SELF_CITATION);
  if (cited) return { year: Number(cited[1]), warnings: [] };
  const mode = mostNamedYear(opening.replace(/《[^》\n]*》/g, ''));
  return mode !== null
    ? { year: mode, warnings: [`year ${mode} guessed from the years the text names`] }
    : { year: null, warnings: ['no year found'] };
}

/** The year named most often; on a tie the earlier one, as plans name the year after. */
function mostNamedYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/((?:19|20)\d{2})年/g)) {
    const y = Number(m[1]);
    if (plausible(y)) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) {
    const bestN = best === null ? 0 : counts.get(best)!;
    if (n > bestN || (n === bestN && best !== null && y < best)) best = y;
  }
  return best;
}
