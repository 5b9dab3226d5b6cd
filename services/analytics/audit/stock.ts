// Whether a problem statement says what went wrong, or is stock: words every report uses to
// fill part five (工作还有待进一步加强, 与群众的期望还有一定差距). A statement is stock when,
// with the stock vocabulary taken out, next to nothing is left that names a thing.
const STOCK_WORDS = [
  '政府信息公开', '政务公开', '信息公开', '政府信息', '公开', '政务', '信息', '工作', '我们的', '我们', '我局', '我镇', '我乡', '我区', '我县', '我市',
  '与', '和', '及', '的', '了', '还', '仍', '尚', '也', '都', '虽然', '但', '但是', '有待', '需要', '还需', '仍需', '尚需', '进一步', '持续', '继续',
  '加强', '提高', '提升', '增强', '完善', '改进', '不够', '不足', '欠缺', '存在', '一些', '一定', '某些', '个别', '部分', '差距', '群众', '社会', '公众',
  '期望', '期待', '要求', '需求', '问题', '方面', '环节', '薄弱', '水平', '思想', '认识', '意识', '机制', '制度', '力度', '深度', '广度', '质量', '成效',
  '及时性', '全面性', '规范性', '主动性', '有效性', '等', '有', '些', '较', '比较', '更', '亟待', '取得', '新形势', '新要求', '相比', '相较', '当前',
];
// Longest first, so that 政府信息公开 goes before 公开.
const STOCK = new RegExp(STOCK_WORDS.sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
const MARKS = /[\s，。；、：:,.;!?！？“”"'（）()《》\d一二三四五六七八九十是]/g;

/** What a statement says beyond the stock words (empty or a character or two: stock). */
export function substance(statement: string): string {
  return statement.replace(STOCK, '').replace(MARKS, '');
}

export const isStock = (statement: string) => substance(statement).length <= 2;
