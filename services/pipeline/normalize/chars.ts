// Character classes shared by the normalizers.

/** Han ideographs, CJK punctuation and full-width forms: text where spaces carry no meaning. */
export const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026\u00b7]/;

/** Sentence-final punctuation: a line ending in one of these ends its sentence. */
export const SENTENCE_END = /[。！？；：!?;:…”」』）)]$/;

/** Clause punctuation: a line ending in one of these never ends its paragraph. */
export const CLAUSE_END = /[，,、]$/;

/** Heading or list markers that start a new paragraph: 一、 （一） (一) 1. 1、 (1) 1) ① 一是 第一条 */
export const PARAGRAPH_START =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d{1,2}\s*(?:[、)）]|[.．](?!\d+(?:\.\d+)?\s*(?:[%％万亿元倍]|个百分点)))|[①-⑳]|[一二三四五六七八九十]+是|第[一二三四五六七八九十\d]+[条章节部分]|附件|附表)/;

/** A line that is a table row or a cell of a table flattened one cell per line. */
export const TABLE_CELL = /\t|^\s*(?:[\d.,%％\s]+|条|件|次|人|个|篇|项|元|万元|人次|——|—|-)\s*$/;
