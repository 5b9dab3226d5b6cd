import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeness, fold } from '../../services/pipeline/metadata/variants.js';

test('variant characters fold together', () => {
  assert.equal(fold('桑垌乡'), fold('桑堌乡'));
  assert.equal(fold('黄坵乡'), fold('黄丘乡'));
  assert.notEqual(fold('桑垌乡'), fold('桑园乡'));
});

test('closeness: exact, variant, one edit, or nothing', () => {
  assert.equal(closeness('桑堌乡', '桑堌乡'), 'exact');
  assert.equal(closeness('桑垌乡', '桑堌乡'), 'variant');
  assert.equal(closeness('桑园乡', '桑堌乡'), 'typo');
  assert.equal(closeness('桑乡', '桑堌乡'), 'typo');
  assert.equal(closeness('大桑堌乡', '桑堌乡'), 'typo');
  assert.equal(closeness('白马镇', '白马乡'), 'typo');
  assert.equal(closeness('交岔乡', '小过乡'), null);
});
