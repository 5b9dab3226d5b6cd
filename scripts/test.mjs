#!/usr/bin/env node
// npm test: every tests/**/*.test.ts through node's own test runner (with tsx), then one last
// line `N passed, N failed, N skipped` that CI reads, and an exit code that agrees with it.
//
//   node scripts/test.mjs [PATH_PART…] [--NODE_TEST_FLAG…]
//
// A PATH_PART keeps the test files whose path contains it (`tests/read`, `hardening`); flags
// starting with `--` go to `node --test` as they are (`--test-timeout=2000`,
// `--test-name-pattern=PDF`). No test file may run past ten minutes by default: node applies
// --test-timeout to each file as a whole, so a hung test fails its file instead of stalling the
// suite, and the tests after it in that file are never reported.
//
// How the last line counts (from every test's own event, through scripts/test-reporter.mjs, not
// from node's `ℹ pass N` lines, which leave cancelled tests, failing suite hooks and skipped
// suites out):
//   - passed:  tests that passed;
//   - failed:  tests (or suite hooks, or whole files) that failed, were cancelled, or timed out.
//              The exit code is 0 exactly when this is 0: when node's exit code says a failure
//              the events did not show (a crash of the runner itself), that counts as 1 failed;
//   - skipped: skipped tests, plus each skipped suite once. Node never runs the body of a suite
//              declared with `describe(name, { skip })`, so the tests inside it are never declared
//              and nothing can count them without running the code the skip exists to avoid
//              (launching Chromium, starting Elasticsearch). Counting a skipped suite as one is
//              the honest floor: the lines above the last one say which entries are whole suites.
//   - todo tests are neither (as node has them) and are named on a line of their own when present.
// Each skipped suite and test is named on one line above the last, with why and how to enable it.
// Under CI=true nothing may skip: the browser and Elasticsearch suites throw there instead
// (tests/web/support.ts, scripts/es/ensure.ts), which fails their file.
//
// Leaving the machine as found: the tests get a temporary directory of their own (TMPDIR), and
// what they leave in it is named after the run and removed. Each run has an id (GONGKAI_TEST_RUN, in the tests' environment);
// scripts/es/start.sh writes it beside the pidfile of a node it launches, and once the tests are
// over (or the run is interrupted) this script stops every Elasticsearch node marked with its
// id (scripts/es/stop.sh --if-started-by). A node that was running before is never stopped.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const flags = args.filter((a) => a.startsWith('--'));

function find(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return find(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = find(join(root, 'tests')).filter((f) => !only.length || only.some((o) => relative(root, f).includes(o)));
if (files.length === 0) {
  console.error(`no test file under tests/ matches ${only.map((o) => JSON.stringify(o)).join(' or ')}`);
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

// --------------------------------------------------------------- Elasticsearch nodes we start

const RUN = `${process.pid}-${Date.now().toString(36)}`;
// The shared node and failures.test.ts's throw-away one (which stops itself, unless killed).
const ES_PORTS = [...new Set([process.env.ES_PORT ?? '9200', process.env.GONGKAI_ES_SPARE_PORT ?? '9250'])];
const usesEs = files.some((f) => relative(root, f).startsWith(join('tests', 'elasticsearch')));

function stopOurNodes() {
  if (!usesEs) return;
  for (const port of ES_PORTS) {
    const r = spawnSync('bash', [join(root, 'scripts', 'es', 'stop.sh'), '--if-started-by', RUN], {
      env: { ...process.env, ES_PORT: port }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000,
    });
    const said = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
    if (r.status !== 0 || /stopp|kill/.test(said)) console.log(`[test] Elasticsearch on port ${port}: ${said.replace(/\n/g, ' | ') || `stop.sh exit ${r.status}`}`);
  }
}

// --------------------------------------------------------------- the run

const work = mkdtempSync(join(tmpdir(), 'gongkai-test-run-'));
const summaryFile = join(work, 'summary.json');
// The tests' temporary directory: theirs alone, so that what they leave behind is seen (and
// named, below the run) and removed with it.
// Open to every user as /tmp is (the Elasticsearch node runs as a user of its own).
const testTmp = join(work, 'tmp');
mkdirSync(testTmp);
chmodSync(work, 0o755);
chmodSync(testTmp, 0o1777);
// Except tsx's compile cache (tmpdir()/tsx-UID), which lives on between runs where it always was.
const TSX_CACHE = `tsx-${process.getuid?.() ?? 'user'}`;
try {
  mkdirSync(join(tmpdir(), TSX_CACHE), { recursive: true, mode: 0o700 });
  symlinkSync(join(tmpdir(), TSX_CACHE), join(testTmp, TSX_CACHE));
} catch {
  // Without the link tsx compiles afresh: slower, no harm.
}
const child = spawn(process.execPath, [
  '--import', 'tsx', '--test',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  `--test-reporter=${join(root, 'scripts', 'test-reporter.mjs')}`, `--test-reporter-destination=${summaryFile}`,
  '--test-timeout=600000', ...flags, ...files,
], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, GONGKAI_TEST_RUN: RUN, TMPDIR: testTmp } });

let interrupted = null;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => { interrupted = signal; child.kill(signal); });
}

child.on('close', (code, signal) => {
  stopOurNodes();
  let s = null;
  try {
    s = JSON.parse(readFileSync(summaryFile, 'utf8'));
  } catch {
    // No summary: the runner died before its end (killed, out of memory); said below.
  }
  let left = [];
  try { left = readdirSync(testTmp).filter((name) => name !== TSX_CACHE); } catch { /* gone already */ }
  if (left.length) {
    console.log(`[test] the tests left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in their temporary directory, removed now: ${left.slice(0, 12).join(', ')}${left.length > 12 ? ', …' : ''}`);
  }
  rmSync(work, { recursive: true, force: true });
  process.exit(report(s, code, signal));
});

/** Prints the lines above the last and the last one; returns the exit code. */
function report(s, code, signal) {
  const lines = [];
  // No line numbers: under tsx node reports those of the transformed code (always line 1).
  const at = (e) => (e.file ? relative(root, e.file) : '?');
  const named = (e) => (e.name === e.file ? `the whole file ${at(e)}` : `${e.name} (${at(e)})`);
  let failed = 0;
  let passed = 0;
  let skipped = 0;
  if (s) {
    passed = s.passed;
    const bad = [...s.failed.map((e) => ['failed', e]), ...s.cancelled.map((e) => ['cancelled', e]), ...s.timedOut.map((e) => ['timed out', e])];
    failed = bad.length;
    // The runner's own count, as a floor: should an event ever be missed, the total still shows it.
    const nodeFailed = (s.node.fail ?? 0) + (s.node.cancelled ?? 0);
    if (nodeFailed > failed) {
      lines.push(`[test] node's runner counted ${nodeFailed} failed or cancelled where the events showed ${failed}: counting ${nodeFailed}`);
      failed = nodeFailed;
    }
    for (const [how, e] of bad.slice(0, 30)) lines.push(`${how}: ${named(e)}${e.message ? ` — ${e.message}` : ''}`);
    if (bad.length > 30) lines.push(`… and ${bad.length - 30} more failed, cancelled or timed out`);
    for (const e of s.skippedSuites) lines.push(`skipped suite: ${named(e)} — ${howToEnable(e)}`);
    for (const e of s.skipped) lines.push(`skipped test: ${named(e)} — ${howToEnable(e)}`);
    if (s.todo) lines.push(`todo: ${s.todo} test(s) marked todo (neither passed nor failed)`);
    skipped = s.skipped.length + s.skippedSuites.length;
    if (s.skippedSuites.length) {
      lines.push(`[test] ${skipped} skipped = ${s.skipped.length} test(s) + ${s.skippedSuites.length} whole suite(s) counted once each (node never declares the tests of a skipped suite)`);
    }
  } else {
    lines.push('[test] the test runner ended without its summary: counting that as a failure');
  }
  if (interrupted || signal) lines.push(`[test] interrupted by ${interrupted ?? signal}`);
  if ((code !== 0 || signal || interrupted || !s) && failed === 0) {
    if (s) lines.push(`[test] node --test exited with ${signal ?? `code ${code}`} though no test failed: counting that as 1 failed`);
    failed = 1;
  }
  if (passed + failed + skipped === 0 && !s?.todo) {
    lines.push('[test] no test ran: counting that as 1 failed');
    failed = 1;
  }
  for (const line of lines) console.log(line);
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed > 0 ? 1 : 0;
}

/** The skip reason on one line, with how to enable the test when the reason does not say it. */
function howToEnable(e) {
  const reason = (e.reason || 'skipped').replace(/\s+/g, ' ').trim();
  if (/\bto (run|enable)\b|\binstall\b|\bset [A-Z][A-Z_]+\b/.test(reason)) return reason;
  const file = e.file ? relative(root, e.file) : '';
  const hint = file.startsWith(join('tests', 'web'))
    ? 'to run it: apt-get install chromium, or set CHROMIUM_PATH'
    : file.startsWith(join('tests', 'elasticsearch'))
      ? 'to run it: npm run es:start (needs a JDK and Maven), or set ES_URL'
      : /corpus/.test(reason)
        ? 'to run it: put the shared corpus at ../shared/corpus/ beside the repository'
        : null;
  return hint ? `${reason}; ${hint}` : reason;
}
