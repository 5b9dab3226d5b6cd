#!/usr/bin/env node
// Builds the tantivy addon (crates/gongkai-index) with cargo from crates.io and places it at
// crates/gongkai-index/gongkai-index.node. Run by `npm ci`/`npm install` (postinstall); no
// prebuilt binary is fetched from anywhere. Cargo's own cache (crates/target, gitignored)
// makes a rebuild without changes take a second.
//
// While the FTS5 core is the default, a machine without cargo still installs: the build is
// skipped with a warning, and only the tantivy core (GONGKAI_EMBEDDED_CORE=tantivy) is then
// unavailable. GONGKAI_REQUIRE_NATIVE=1 makes a missing cargo or a failed build an error.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const crate = join(root, 'crates', 'gongkai-index');
const target = process.env.CARGO_TARGET_DIR || join(root, 'crates', 'target');
const out = join(crate, 'gongkai-index.node');
const required = process.env.GONGKAI_REQUIRE_NATIVE === '1';

function give_up(message) {
  if (required) { console.error(`gongkai: ${message}`); process.exit(1); }
  console.warn(`gongkai: ${message}; the tantivy core is unavailable (the default FTS5 core works without it)`);
  process.exit(0);
}

function findCargo() {
  if (process.env.CARGO && existsSync(process.env.CARGO)) return process.env.CARGO;
  const probe = spawnSync('cargo', ['--version'], { stdio: 'ignore' });
  if (probe.status === 0) return 'cargo';
  const home = join(homedir(), '.cargo', 'bin', process.platform === 'win32' ? 'cargo.exe' : 'cargo');
  return existsSync(home) ? home : null;
}

const cargo = findCargo();
if (!cargo) give_up('cargo not found (install Rust from https://rustup.rs to build the tantivy core)');

// `nice` where there is one: the build takes about two minutes of both cores on a small machine.
const args = ['build', '--release', '--locked', '--manifest-path', join(crate, 'Cargo.toml')];
const hasNice = process.platform !== 'win32' && spawnSync('nice', ['true'], { stdio: 'ignore' }).status === 0;
const [cmd, argv] = hasNice ? ['nice', ['-n', '10', cargo, ...args]] : [cargo, args];
console.log('gongkai: building the tantivy core (crates/gongkai-index) with cargo …');
const built = spawnSync(cmd, argv, { stdio: 'inherit', env: { ...process.env, CARGO_TARGET_DIR: target } });
if (built.status !== 0) give_up(`cargo build failed (exit ${built.status ?? built.signal})`);

const lib = { linux: 'libgongkai_index.so', darwin: 'libgongkai_index.dylib', win32: 'gongkai_index.dll' }[process.platform]
  ?? 'libgongkai_index.so';
const from = join(target, 'release', lib);
if (!existsSync(from)) give_up(`cargo built no ${from}`);
// Copied then renamed: a process that has the old addon loaded keeps its file intact.
copyFileSync(from, `${out}.tmp`);
renameSync(`${out}.tmp`, out);
console.log(`gongkai: tantivy core ready (${out})`);
