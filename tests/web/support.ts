// Shared by the browser tests and scripts/screenshots.ts: the Chromium to drive, a web/dist
// that is never older than web/src (the server under test serves web/dist), and one app and
// browser per describe block (browserApp).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { ROOT } from '../../services/paths.js';
import { startServer } from '../helpers/server.js';

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

export interface BrowserApp {
  /** The server's base address (valid once the suite's before hook has run). */
  readonly url: string;
  /** A new page in a context of its own at `path`, with the page's uncaught errors collected. */
  open(path: string, viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }>;
}

/**
 * One web app over an index of `dirs` and one Chromium for a describe block: started in its
 * before hook (web/dist built first), and every page, the browser, the server and what `dirs`
 * made closed in its after hook. `dirs` runs inside before, so a corpus it writes is made then.
 */
export function browserApp(dirs: () => { dirs: string[]; dispose?: () => void }, options: { acceptDownloads?: boolean } = {}): BrowserApp {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let browser: Browser | undefined;
  let dispose: (() => void) | undefined;
  const contexts: BrowserContext[] = [];
  before(async () => {
    ensureWebBuilt();
    const made = dirs();
    dispose = made.dispose;
    server = await startServer(made.dirs);
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
    dispose?.();
  });
  return {
    get url() { return server!.url; },
    async open(path, viewport = { width: 1280, height: 900 }) {
      const context = await browser!.newContext({ viewport, locale: 'zh-CN', acceptDownloads: options.acceptDownloads ?? false });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server!.url + path);
      return { page, errors };
    },
  };
}

/** Where the screenshot scripts (scripts/screenshots*.ts) put their pictures. */
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

/**
 * One screenshot for docs/screenshots/: `url` opened in a fresh context of `viewport` (phones at
 * twice the pixels), `ready` awaited, then the web fonts and a moment for the charts to settle
 * after the data; the whole viewport, the full page, or one `element`.
 */
export async function shoot(browser: Browser, url: string, file: string, viewport: { width: number; height: number },
  ready: (p: Page) => Promise<void>, options: { fullPage?: boolean; element?: (p: Page) => Locator } = {}): Promise<void> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: viewport.width < 500 ? 2 : 1, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  const path = join(SCREENSHOTS, file);
  if (options.element) await options.element(page).screenshot({ path });
  else await page.screenshot({ path, fullPage: options.fullPage ?? false });
  console.log(`docs/screenshots/${file}`);
  await context.close();
}
