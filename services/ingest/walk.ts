// Finds the report files under the given paths: recursive, following links once
// (a symlink loop is visited once, not forever), in a stable order. Anything that
// cannot be visited is a problem with its reason; it never stops the walk.
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

export const SUPPORTED = new Set(['.txt', '.text', '.html', '.htm', '.docx', '.doc', '.pdf']);

export interface WalkResult { files: string[]; problems: Array<{ file: string; reason: string }> }
export interface WalkOptions {
  /** When set, every file and folder must really lie under one of these folders (after following links). */
  within?: string[];
  /** The reason anything else is reported with. */
  outside?: string;
}

const OS_REASONS: Record<string, string> = {
  ELOOP: 'symbolic link loop', ENOENT: 'file not found', EACCES: 'permission denied', EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory', ENAMETOOLONG: 'path too long', EIO: 'input/output error',
};
const osReason = (err: unknown) => OS_REASONS[(err as NodeJS.ErrnoException).code ?? ''] ?? (err instanceof Error ? err.message : String(err));

/** A name that does not survive decoding as UTF-8 cannot be opened by its decoded string. */
const badName = (name: Buffer) => !Buffer.from(name.toString('utf8'), 'utf8').equals(name);

export const isWithin = (root: string, path: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/** The real paths of the folders (or files) given; one that does not exist confines nothing (the walk reports it). */
export async function realRoots(paths: string[]): Promise<string[]> {
  const real = await Promise.all(paths.map((p) => realpath(p).catch(() => null)));
  return real.filter((p): p is string => p !== null);
}

export async function findReportFiles(paths: string[], opts: WalkOptions = {}): Promise<WalkResult> {
  const files: string[] = [];
  const problems: WalkResult['problems'] = [];
  const seen = new Set<string>();
  const roots = opts.within ? await realRoots(opts.within) : null;
  async function visit(path: string, explicit: boolean): Promise<void> {
    try {
      const real = await realpath(path);
      if (roots && !roots.some((root) => isWithin(root, real))) { problems.push({ file: path, reason: opts.outside ?? 'outside the folders given' }); return; }
      if (seen.has(real)) return;
      seen.add(real);
      const info = await stat(real);
      if (info.isDirectory()) {
        const entries = (await readdir(real, { encoding: 'buffer' })).filter((e) => e[0] !== 0x2e /* . */)
          .map((e) => ({ raw: e, name: e.toString('utf8') })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const { raw: e, name } of entries) {
          if (badName(e)) problems.push({ file: join(path, name), reason: 'file name is not valid UTF-8; rename the file' });
          else await visit(join(path, name), false);
        }
      } else if (info.isFile()) {
        // A file named on the command line is tried whatever its extension (the reader says why not).
        if (explicit || SUPPORTED.has(extname(path).toLowerCase())) files.push(path);
      } else if (explicit) {
        problems.push({ file: path, reason: 'not a regular file' });
      }
    } catch (err) {
      problems.push({ file: path, reason: osReason(err) });
    }
  }
  for (const p of paths) await visit(p, true);
  return { files, problems };
}
