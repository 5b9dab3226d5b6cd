#!/usr/bin/env node
// The gongkai command. The services run from their TypeScript sources through tsx, so a
// clone needs no compile step and there is one copy of the code to trust. `npm run build`
// also bundles them into dist/server/ (scripts/build-server.ts), which starts several times
// faster: that bundle runs only while every source file it was made from is unchanged
// (same size and modification time as its manifest records), else the sources do.
// GONGKAI_FROM_SOURCE=1 always runs the sources.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The bundle's URL when it was built from the sources as they are now. */
function freshBundle() {
  if (process.env.GONGKAI_FROM_SOURCE && process.env.GONGKAI_FROM_SOURCE !== '0') return undefined;
  const dir = join(root, 'dist', 'server');
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return undefined; // never built
  }
  try {
    for (const [file, size, mtimeMs] of manifest.inputs) {
      const s = statSync(join(root, file));
      if (s.size !== size || s.mtimeMs !== mtimeMs) return undefined;
    }
    statSync(join(dir, manifest.entry));
  } catch {
    return undefined; // a source or the bundle is gone
  }
  return pathToFileURL(join(dir, manifest.entry)).href;
}

let entry = freshBundle();
if (!entry) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = new URL('../services/cli/main.ts', import.meta.url).href;
}
const cli = await import(entry);
await cli.run(process.argv.slice(2));
