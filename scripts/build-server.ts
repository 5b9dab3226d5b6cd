// npm run build: the command line and the server (services/) bundled into dist/server/ with
// esbuild, so that `gongkai serve` starts without compiling ~150 TypeScript modules through
// tsx's loader. Packages stay in node_modules (external); modules reached only through a
// dynamic import (the Elasticsearch backend, the ingest pipeline, the demo corpus) become
// chunks loaded when first needed.
//
// Every file goes in one folder, so that `new URL('./x.mjs', import.meta.url)` means the same
// from any chunk: the ingest pool starts `./worker.mjs`, which here is the bundled
// services/ingest/worker.ts (entry `worker`). The build fails if such a URL names no output.
//
// dist/server/manifest.json lists every source file the bundle was made from with its size
// and modification time: bin/gongkai.js runs the bundle only while all of them are unchanged
// and otherwise the sources through tsx, so an edit is never shadowed by a stale build.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist', 'server');
const ENTRY = 'gongkai.mjs';

export interface Manifest {
  entry: string;
  /** [path relative to the package root, size in bytes, mtimeMs] of every input. */
  inputs: Array<[string, number, number]>;
}

const started = Date.now();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: { gongkai: 'services/cli/main.ts', worker: 'services/ingest/worker.ts' },
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  tsconfig: 'tsconfig.json',
  // Function and class names as tsx leaves them (bundling renames clashing top-level names).
  keepNames: true,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});

// Files found at run time next to the code (a worker's script): they must be outputs too.
for (const out of Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.mjs'))) {
  const code = readFileSync(join(ROOT, out), 'utf8');
  for (const m of code.matchAll(/new URL\(\s*["']\.\/([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)) {
    if (!existsSync(join(OUT, m[1]!))) throw new Error(`${out} refers to ./${m[1]} next to itself, which the bundle does not have`);
  }
}

// package.json (type, imports) and tsconfig.json shape how the sources compile too.
const inputs = [...Object.keys(result.metafile.inputs), 'package.json', 'tsconfig.json'].sort().map((file): [string, number, number] => {
  const s = statSync(join(ROOT, file));
  if (s.mtimeMs >= started) {
    // Edited while the bundle was being made: which version went in is unknown.
    throw new Error(`${file} changed during the build; run it again`);
  }
  return [file, s.size, s.mtimeMs];
});
const manifest: Manifest = { entry: ENTRY, inputs };
writeFileSync(join(OUT, 'manifest.json'), `{"entry": ${JSON.stringify(manifest.entry)}, "inputs": [\n${inputs.map((i) => JSON.stringify(i)).join(',\n')}\n]}\n`);
console.log(`server bundle: dist/server/${ENTRY} from ${inputs.length} files in ${Date.now() - started} ms`);
