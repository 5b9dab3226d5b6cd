// Finds the report files under the given paths: recursive, following links once
// (a symlink loop is visited once, not forever), in a stable order.
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

export const SUPPORTED = new Set(['.txt', '.text', '.html', '.htm', '.docx', '.pdf']);

export interface WalkResult { files: string[]; problems: Array<{ file: string; reason: string }> }

export async function findReportFiles(paths: string[]): Promise<WalkResult> {
  const files: string[] = [];
  const problems: WalkResult['problems'] = [];
  const seen = new Set<string>();
  async function visit(path: string, explicit: boolean): Promise<void> {
    let real: string;
    try {
      real = await realpath(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({ file: path, reason: code === 'ELOOP' ? 'symbolic link loop' : code === 'ENOENT' ? 'file not found' : String(err) });
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    const info = await stat(real);
    if (info.isDirectory()) {
      const entries = (await readdir(real)).filter((e) => !e.startsWith('.')).sort();
      for (const e of entries) await visit(join(path, e), false);
    } else if (info.isFile()) {
      // A file named on the command line is tried whatever its extension (the reader says why not).
      if (explicit || SUPPORTED.has(extname(path).toLowerCase())) files.push(path);
    }
  }
  for (const p of paths) await visit(p, true);
  return { files, problems };
}
