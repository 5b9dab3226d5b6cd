// Site furniture on a saved government page: breadcrumbs, nav and accessibility words, and
// the 索引号/发布机构/发文日期 table that many portals put above the title. The lines are
// skipped when looking for the title; the issuer the table names is kept as a clue.

// Words of a page's chrome, not of a report: a short line made of them is furniture.
const CHROME = /无障碍|长辈版|长者模式|适老|关怀版|简体|繁体|热搜|搜索|全文检索|字体|字号|打印|关闭|分享|收藏|设为首页|手机版|浏览次数|访问量|站群导航|配色|辅助线|重置|智能问答|IPv6|保护视力|当前位置|您的位置|所在位置|现在的位置|首页/;
const BREADCRUMB = /(?:>|＞|›|»)/;
// Labels of the page's metadata table.
const META_LABEL = '(?:索\\s*引\\s*号|发布机构|发文机关|发文单位|发布单位|所属机构|信息来源|来\\s*源|发文日期|发布日期|发布时间|成文日期|生成日期|公开日期|生效日期|废止日期|公文生成日期|文\\s*号|备注/文号|主题分类|信息分类|所属主题|公开方式|公开范围|有效性|关\\s*键\\s*字|关键词|时间)';
const META_LINE = new RegExp(`^[•·\\s|]*${META_LABEL}\\s*[:：|]`);
// The issuer a metadata table or byline names: 发布机构: 某某镇 | …, 来源: 某县人民政府.
const ISSUER_FIELD = /(?:发布机构|发文机关|发文单位|发布单位|信息来源|来\s*源)\s*[:：|]\s*\|?\s*([\u4e00-\u9fff（）()]{2,30}?)(?=\s|\||$|发布|生成|公开|时间|日期|浏览|所属|文\s*号|[0-9])/gm;

export function isFurniture(line: string): boolean {
  if (META_LINE.test(line)) return true;
  if (line.length > 160) return false;
  const compact = line.replace(/\s+/g, '');
  if (!compact) return true;
  if (BREADCRUMB.test(compact) && /首页|位置|公开|目录|年报|>/.test(compact)) return true;
  return compact.length <= 30 && CHROME.test(compact) && !/报告/.test(compact);
}

/** The issuers named in the page's metadata table or byline, in order: 某某镇人民政府. */
export function metaIssuers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.slice(0, 3000).matchAll(ISSUER_FIELD)) {
    const name = m[1]!.replace(/[（(].*$/, '');
    if (name.length >= 2 && !out.includes(name)) out.push(name);
  }
  return out;
}
