// STUB — to be replaced by the theme tagger backed by an editable taxonomy file.
export function themesOf(text: string): string[] {
  const out: string[] = [];
  if (/微信|公众号/.test(text)) out.push('wechat');
  if (/微博/.test(text)) out.push('weibo');
  return out;
}
