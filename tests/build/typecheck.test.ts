// Strict TypeScript everywhere: tsx runs the server, the scripts and these tests without
// checking types, so a type error would otherwise reach main unnoticed. The web app has its
// own configuration (web/tsconfig.json, bundler resolution); tests/tsconfig.json covers the
// services, the scripts and the tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT } from '../../services/paths.js';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

for (const project of ['tests', 'web']) {
  test(`the ${project === 'web' ? 'web app' : 'services, scripts and tests'} type-check (tsc -p ${project})`, { timeout: 240_000 }, () => {
    const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, `tsc -p ${project} found errors:\n${run.stdout}${run.stderr}`);
  });
}
