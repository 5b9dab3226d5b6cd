// Shared by the browser tests and scripts/screenshots.ts: the Chromium to drive, and a
// web/dist that is never older than web/src (the server under test serves web/dist).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from '../../services/paths.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const LAUNCH_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Why the browser tests cannot run here, or null. Under CI they must run: no reason is accepted. */
export function skipReason(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const reason = `no Chromium at ${CHROMIUM} (install the chromium package or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') throw new Error(`CI=true and the browser tests cannot run: ${reason}`);
  return reason;
}

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((e) => newest(join(path, e))));
}

/** Builds web/dist when it is missing or older than the web sources, saying so. */
export function ensureWebBuilt(): void {
  const web = join(ROOT, 'web');
  const dist = join(web, 'dist', 'index.html');
  const sources = Math.max(newest(join(web, 'src')), newest(join(web, 'index.html')), newest(join(web, 'vite.config.ts')));
  if (existsSync(dist) && statSync(dist).mtimeMs >= sources) return;
  console.log(existsSync(dist)
    ? '[web tests] web/dist is older than web/src: rebuilding with `vite build --config web/vite.config.ts`…'
    : '[web tests] web/dist is missing: building it with `vite build --config web/vite.config.ts`…');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts'],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}
