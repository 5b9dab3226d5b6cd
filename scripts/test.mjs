#!/usr/bin/env node
// npm test: every tests/**/*.test.ts through node's own test runner (with tsx),
// then one last line `N passed, N failed, N skipped` that CI reads. No single test may
// run past ten minutes: a hung test fails instead of stalling the suite.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);

function find(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return find(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = find(join(root, 'tests')).filter((f) => !only.length || only.some((o) => relative(root, f).includes(o)));
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-timeout=600000', ...files], {
  cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: process.env,
});
const counts = { pass: 0, fail: 0, skipped: 0, todo: 0 };
// Counts are read from the runner's summary lines as they stream by: with many failures the
// runner prints long details after the summary, so looking only at the end would miss them.
let partial = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const lines = (partial + chunk.toString()).split('\n');
  partial = lines.pop() ?? '';
  for (const line of lines) {
    const m = /^\S*\s*(pass|fail|skipped|todo) (\d+)$/.exec(line);
    if (m) counts[m[1]] = Number(m[2]);
  }
});
child.on('close', (code) => {
  console.log(`${counts.pass} passed, ${counts.fail} failed, ${counts.skipped} skipped`);
  process.exit(code ?? 1);
});
