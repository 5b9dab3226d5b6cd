// Where the project's files are, whether running from sources (tsx) or from dist/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the Gongkai package root');
    dir = up;
  }
  return dir;
}

export const ROOT = findRoot();
export const WEB_DIST = join(ROOT, 'web', 'dist');
