// The project's synthetic corpus (services/corpus-gen) plants problem and improvement statements
// in every format with every extraction mess: each must land in a passage of the right section.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fold } from '../../services/pipeline/segment/fold.js';
import { parse } from './support.js';

type Generator = typeof import('../../services/corpus-gen/index.js');
const generator: Generator | null = await import('../../services/corpus-gen/index.js').catch(() => null);

const squash = (s: string) => fold(s).replace(/\s+|\*\*|\[bookmark:[^\]]*\]/g, '');

test('planted problems and improvements land in their sections', { skip: !generator && 'corpus generator not available' }, () => {
  let right = 0;
  const wrong: string[] = [];
  for (let i = 0; i < 150; i++) {
    const g = generator!.generateReport(20240, i, { mess: 0.6 });
    const r = parse(g.text);
    const passages = r.passages.map((p) => ({ section: p.section, text: squash(p.text) }));
    const check = (statements: readonly string[], want: string) => {
      for (const s of statements) {
        // A statement may be cut by a hard wrap after a full stop: its opening is enough.
        const key = squash(s).slice(0, 12);
        const hits = passages.filter((p) => p.text.includes(key));
        if (hits.some((p) => p.section === want)) right++;
        else wrong.push(`#${i} ${g.truth.format} ${want}: ${s} → ${hits.map((p) => p.section).join(',') || 'no passage'}`);
      }
    };
    check(g.truth.planted.problems, 'problems');
    check(g.truth.planted.improvements, 'improvements');
  }
  const share = right / (right + wrong.length);
  assert.ok(share >= 0.98, `${(share * 100).toFixed(1)}% right; e.g.\n${wrong.slice(0, 10).join('\n')}`);
});
