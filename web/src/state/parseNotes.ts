// The reading's notes on a report (services/pipeline/metadata: how its title, issuer, year,
// place and format were found), in Chinese for the reader. The index stores them as the
// pipeline words them; a note this table does not know is shown as it is, marked as such.
type Rule = [RegExp, (...m: string[]) => string];

const RULES: Rule[] = [
  [/^no title found$/, () => '未找到标题'],
  [/^no issuer found$/, () => '未找到发布机关'],
  [/^no year found$/, () => '未找到报告年度'],
  [/^format not recognised$/, () => '未能识别报告格式（2019 年以前、2019 年新版或 2021 年新版）'],
  [/^format inferred from the year$/, () => '报告格式由年度推断'],
  [/^format inferred from the year and the six-part headings$/, () => '报告格式由年度和六部分标题推断'],
  [/^format inferred from the parts the report lists$/, () => '报告格式由报告所列各部分推断'],
  [/^issuer (.+) taken from the page's metadata \((.+)\)$/, (a, b) => `发布机关「${a}」取自网页元数据（${b}）`],
  [/^issuer (.+) taken from the body, which speaks as a department$/, (a) => `发布机关「${a}」取自正文（正文以部门口吻行文）`],
  [/^issuer (.+) taken from the body$/, (a) => `发布机关「${a}」取自正文`],
  [/^year (\d+) guessed from the years the text names$/, (a) => `年度 ${a} 由正文提到的年份推测`],
  [/^region not found: the issuer names no place the gazetteer knows$/, () => '未识别地区：发布机关名称中没有区划表里的地名'],
  [/^(.+) is (\d+) places and the text does not say which$/, (a, n) => `「${a}」对应 ${n} 个地方，正文未说明是哪一个`],
  [/^(.+) is (\d+) places; chose the one in (.+?) (?:by|from) (.+)$/, (a, n, w) => `「${a}」对应 ${n} 个地方，根据正文线索选了${w}的那一个`],
  [/^(.+) not found in the gazetteer(?: under (.+))?$/, (a, p) => `「${a}」不在区划表中${p ? `（${p}之下）` : ''}`],
  [/^(.+) read as a body of (.+), the place the text names most$/, (a, b) => `「${a}」按${b}（正文提到最多的地方）的机构处理`],
  [/^township (.+) matched gazetteer (.+?)(?: in (.+))? \((.+)\)$/, (a, b, c) => `乡镇「${a}」按写法相近对应区划表中${c ? `${c}的` : ''}「${b}」`],
  [/^(.+) is not under (.+) in the gazetteer; matched (.+) in (.+)$/, (a, b, c, d) => `「${a}」不在区划表的${b}之下，对应到${d}的「${c}」`],
  [/^zone (.+?)[: ]/, (a) => `开发区或园区「${a}」不是区划表中的行政区，按其所在地归档`],
];

export function parseNoteText(note: string): string {
  for (const [re, say] of RULES) {
    const m = re.exec(note);
    if (m) return say(...m.slice(1).map((x) => x ?? ''));
  }
  return `（解析程序原文）${note}`;
}
