// Every message the API refuses a request with, in Chinese, in one place: readers of the
// web app see these words as they are (web/src/state/api.ts shows the server's message).
// The style: what is wrong, then (after ：) what to do or what is expected. Machine-readable
// parts stay as they are: parameter names, header and variable names, numbers.
import { z } from 'zod';

/** The `field` of an issue about the request as a whole (a body that is not an object, an unknown key). */
export const WHOLE_REQUEST = '(request)';

/**
 * Zod's words for an issue no schema gave its own message for (zod's Simplified Chinese
 * locale). Passed to every parse of a request, and used again on a ZodError a method throws.
 */
export const zodErrorMap: z.core.$ZodErrorMap = z.locales.zhCN().localeError;

/** Has the text Chinese words in it (a message of ours or zod's locale), or is it zod's English default? */
const isChinese = (s: string) => /\p{Script=Han}/u.test(s);

/** An issue's problem in Chinese: its own message when a schema wrote one, else the locale's. */
export function problemOf(issue: z.core.$ZodIssue): string {
  if (isChinese(issue.message)) return issue.message;
  // A method's schema parsed with zod's default (English) words: word it again. A finished
  // issue no longer holds the input, so "实际接收" then reads undefined (this path should not
  // be taken: the routes check with the methods' schemas first).
  const again = zodErrorMap(issue as unknown as z.core.$ZodRawIssue);
  return (typeof again === 'string' ? again : again?.message) ?? '无效输入';
}

/** Problems, as the route schemas word them (after `参数 <name> 无效：`). */
export const problem = {
  intBetween: (min: number, max: number) => `应为 ${min}–${max} 之间的整数`,
  year: (min: number, max: number) => `应为 ${min}–${max} 之间的年份`,
  maxChars: (max: number) => `不能超过 ${max} 个字符`,
  chars: (min: number, max: number) => `应为 ${min}–${max} 个字符`,
  maxValues: (max: number) => `最多 ${max} 个值`,
  regionCode: '应为 GB/T 2260 行政区划代码（2、4、6 或 9 位数字）',
  themeId: '应为主题编号（1–40 个小写字母、数字或下划线，如 wechat）',
  seriesCount: '应给出 1–8 个系列（如 series=微信 或 series=theme:wechat）',
  reportId: '应为 16 位十六进制的报告编号',
  percentEncoding: '百分号编码不是有效的 UTF-8',
  relativePath: '应为相对于导入根目录（GONGKAI_INGEST_ROOT）的路径',
  noNul: '不能包含 NUL 字符',
  noDotDot: '不能包含 ".."',
} as const;

export const message = {
  /** A parameter (query, path or body field) refused: `参数 year 无效：应为 1900–2100 之间的年份`. */
  invalid: (field: string, why: string) => (field === WHOLE_REQUEST ? `请求无效：${why}` : `参数 ${field} 无效：${why}`),
  noSuchEndpoint: (method: string, path: string) => `接口不存在：${method} ${path}`,
  noSuchReport: (id: string) => `没有编号为 ${id} 的报告`,
  noSuchPassage: (id: string, ordinal: number) => `报告 ${id} 中没有第 ${ordinal} 段`,
  badPathEncoding: 'URL 路径中的百分号编码不是有效的 UTF-8',
  badQueryNameEncoding: '查询参数名中的百分号编码不是有效的 UTF-8',
  urlTooLong: (bytes: number, limit: number) => `URL 过长（${bytes} 字节，上限 ${limit} 字节）：请缩短检索词 q 或减少筛选条件`,
  headersTooLarge: (kb: number) => `请求头过大（合计上限 ${kb} KB）：请减少请求头的数量或长度`,
  chunkExtensionsTooLarge: '请求体的分块扩展（chunk extensions）过大',
  requestTimeout: '请求到达超时',
  malformedHttp: 'HTTP 请求格式有误',
  tooManyRequests: (perMinute: number, retrySeconds: number) => `请求过于频繁：每分钟最多 ${perMinute} 次，请 ${retrySeconds} 秒后重试`,
  writesDisabled: '写入功能未开启：请设置 GONGKAI_WRITE_TOKEN',
  tokenMissing: '此接口需要写入令牌：请发送请求头 Authorization: Bearer <令牌>',
  tokenWrong: '写入令牌不正确',
  ingestDisabled: '未开放通过 HTTP 导入：请设置 GONGKAI_INGEST_ROOT（或在服务器上运行 gongkai ingest）',
  ingestRunning: '已有导入正在进行：请等它结束后再试',
  /** The backend's own words (English, shared with the CLI) name the cluster and what to do. */
  backendUnavailable: (detail: string) => `检索后端不可用：${detail}`,
  internal: '服务器内部错误',
  badRequest: '请求有误',
} as const;

/** Plain words for the errors express and body-parser raise themselves (by their `type`). */
export const FRAMEWORK_MESSAGES: Record<string, string> = {
  'entity.parse.failed': '请求体不是有效的 JSON',
  'entity.too.large': '请求体过大（上限 100 kB）',
  'entity.verify.failed': '请求体被拒绝',
  'encoding.unsupported': '不支持该请求体编码（Content-Encoding）',
  'charset.unsupported': '不支持该请求体字符集（charset）',
  'request.aborted': '请求已中止',
  'request.size.invalid': '请求体长度与 Content-Length 不符',
};
