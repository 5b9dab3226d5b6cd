// What the parser did not take literally, said to the user: a machine code (stable, for API
// clients and tests) beside a Chinese sentence (for the reader). One place for all of them.
// Pure: the web app imports the lexer, which imports this.

export interface Warning {
  code: WarningCode;
  message: string;
}

const MESSAGES = {
  lone_minus: () => '单独的「-」已忽略：排除某词请紧贴着写，如 -微博',
  unbalanced_quote: () => '引号未配对，已在末尾补上',
  unbalanced_paren: () => '括号未配对，已按补齐理解',
  empty_parens: () => '空括号已忽略',
  dangling_operator: (op: string) => `「${op}」两侧须各有一个检索词，已忽略`,
  not_in_or: (text: string) => `不支持在「或」（OR）里排除：「${text}」已忽略；排除请单独写 NOT 词 或 -词`,
  exclude_only_group: () => '不支持排除「几个词同时出现」（如 NOT (甲 乙)），已忽略这部分：要排除含任一词的段落，请写 NOT (甲 OR 乙)',
  too_complex: (max: number) => `检索式展开后超过 ${max} 个检索词，只用了前 ${max} 个`,
  no_characters: (text: string) => `「${text}」没有可检索的文字，已忽略`,
  negated_filter: (field: string, value: string) => `不支持排除重复率条件：${field}:${value} 已按筛选（包含）理解`,
  filter_in_operator: (field: string, value: string) => `筛选条件 ${field}:${value} 不参与 AND/OR/NOT 运算，已作为整体筛选条件`,
  bad_year: (value: string) => `无法理解 year:${value}，已忽略：请写 year:2019 或 year:2019..2021`,
  bad_section: (value: string, known: string) => `没有名为「${value}」的报告部分，已忽略：可用 ${known}`,
  bad_level: (value: string, known: string) => `没有名为「${value}」的行政层级，已忽略：可用 ${known}`,
  bad_theme: (value: string) => `没有名为「${value}」的主题，已忽略`,
  bad_copy: (value: string) => `无法理解 copy:${value}，已忽略：请写 copy:>0.5 或 copy:<30%（与上一年报告的重复率）`,
  no_region: (value: string) => `没有找到名为「${value}」的地区，已忽略`,
} as const;

export type WarningCode = keyof typeof MESSAGES;

export function warn<C extends WarningCode>(code: C, ...args: Parameters<(typeof MESSAGES)[C]>): Warning {
  return { code, message: (MESSAGES[code] as (...a: unknown[]) => string)(...args) };
}
