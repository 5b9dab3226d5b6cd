// Perturbations of a saved page that imitate how unseen pages differ from the development set:
// a title line put first (as the judged pages are saved) or taken out, site furniture added or
// stripped, the spaces a PDF puts inside words, and lines broken where a PDF wraps them. Each
// takes the page's text and the label's title and returns a new text; no report text lives here.
import { isFurniture } from '../../services/pipeline/metadata/furniture.js';

export type Perturbation = (text: string, title: string) => string;

const lines = (text: string) => text.split('\n');
const compact = (s: string) => s.replace(/\s+/g, '');

/** Furniture of another portal: breadcrumbs, nav words, a metadata table that names no place. */
const FURNITURE = [
  '无障碍 | 长辈版 | 简体 | 繁体',
  '当前位置：首页 > 政务公开 > 政府信息公开年报',
  '索引号： | 000000000/2024-00001 | 主题分类： | 其他 | 发文日期： | 2024-01-15 |',
  '热搜词： 社保 医保 公积金',
  '【字体：大 中 小】 打印本页 关闭窗口',
];

export const PERTURBATIONS: Record<string, Perturbation> = {
  /** The label's title on the first line, whatever the text holds (the judged pages' saving). */
  'title prepended': (text, title) => `${title}\n${text}`,
  /** Every line that is the title taken out, and the title put first once. */
  'title moved first': (text, title) => `${title}\n${lines(text).filter((l) => compact(l) !== compact(title)).join('\n')}`,
  /** Another portal's furniture before the page. */
  'furniture added': (text, title) => `${FURNITURE.join('\n')}\n${title}\n${text}`,
  /** The furniture lines taken out (what a cleaner crawler keeps). */
  'furniture stripped': (text, title) => `${title}\n${lines(text).filter((l) => !l.trim() || !isFurniture(l)).join('\n')}`,
  /** A space inside words every few characters, as PDF text extraction leaves them (政 府信息). */
  'PDF spaces': (text, title) => `${title}\n${lines(text).map((l) => spaced(l)).join('\n')}`,
  /** The title too spaced, as a PDF title is (兴庆区掌政镇 2018 年政府信息公开 工作年度报告). */
  'PDF spaces in the title': (text, title) => `${spaced(title)}\n${lines(text).map((l) => spaced(l)).join('\n')}`,
  /** The title split over two lines before 工作年度报告 or 年度报告. */
  'title split in two': (text, title) => `${title.replace(/(工作)?(年度)?报告$/, '\n$&')}\n${text}`,
  /** A page title: the report's, then the site's name (…年度报告_某某人民政府门户网站). */
  'site name after the title': (text, title) => `${title}_政府门户网站\n${text}`,
  /** Full-width digits in the title (２０２１年). */
  'full-width digits': (text, title) => `${title.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}\n${text}`,
  /** Long lines broken at a fixed width, as a PDF's page lines are. */
  'broken lines': (text, title) => `${title}\n${lines(text).flatMap((l) => wrapped(l)).join('\n')}`,
};

/** Several at once: furniture, a spaced title split in two, broken lines. */
PERTURBATIONS['all at once'] = (text, title) =>
  PERTURBATIONS['furniture added']!(PERTURBATIONS['broken lines']!(text, '').slice(1), spaced(title).replace(/(工作)?(年度)?报告$/, '\n$&'));

/** A space after every `every`th Han character of a line. */
export function spaced(line: string, every = 7): string {
  let han = 0;
  return [...line].map((c) => (/[\u4e00-\u9fff]/.test(c) && ++han % every === 0 ? `${c} ` : c)).join('');
}

/** A line cut into pieces of `width` characters. */
export function wrapped(line: string, width = 28): string[] {
  const out: string[] = [];
  for (let at = 0; at < line.length; at += width) out.push(line.slice(at, at + width));
  return out.length ? out : [''];
}
