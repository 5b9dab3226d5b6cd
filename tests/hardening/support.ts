// A real server over a fresh index of the real reports, with the given API options
// (write token, CORS, rate limit, ingest root): what the access tests talk to.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../services/paths.js';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from '../../services/api/app.js';
import { ingest } from '../../services/ingest/ingest.js';
import { REAL_DIR } from '../helpers/corpus.js';
import { tempEngine } from '../helpers/engine.js';

export async function serverWith(opts: AppOptions, paths: string[] = [REAL_DIR]) {
  const t = await tempEngine();
  const summary = await ingest(t.engine, paths);
  if (summary.failed.length) throw new Error(`test corpus failed to ingest: ${JSON.stringify(summary.failed)}`);
  const server: Server = await new Promise((resolve) => {
    const s = createApp(t.engine, opts).listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, engine: t.engine,
    close: async () => { await new Promise((r) => server.close(r)); await t.dispose(); },
  };
}

/**
 * `gongkai serve` as a user starts it, in a child process on a fresh data directory: its URL once
 * it says it is serving, everything it printed so far, and a stop that waits for it and removes
 * the directory.
 */
export async function serveProcess(env: NodeJS.ProcessEnv = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-serve-'));
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'gongkai.js'), 'serve', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => { out += c; });
  child.stderr.on('data', (c) => { out += c; });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no server: ${out}`)), 60_000);
      child.stdout.on('data', () => {
        const m = /serving (http:\/\/\S+?)\/?$/m.exec(out);
        if (m) { clearTimeout(timer); resolve(m[1]!); }
      });
    });
    return { url, output: () => out, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Everything written to the console and to stdout/stderr while `fn` runs. */
export async function captureOutput(fn: () => Promise<void>): Promise<string> {
  let out = '';
  const methods = ['log', 'error', 'warn', 'info', 'debug'] as const;
  const saved = methods.map((m) => console[m]);
  const writes = [process.stdout.write, process.stderr.write];
  for (const m of methods) console[m] = (...args: unknown[]) => { out += args.map(String).join(' ') + '\n'; };
  // The streams are tapped, not silenced: the test runner reports through them too.
  const tap = (write: typeof process.stdout.write, stream: NodeJS.WriteStream) =>
    ((chunk: unknown, ...rest: unknown[]) => { out += String(chunk); return (write as (...a: unknown[]) => boolean).call(stream, chunk, ...rest); }) as typeof write;
  process.stdout.write = tap(writes[0]!, process.stdout);
  process.stderr.write = tap(writes[1]!, process.stderr);
  try {
    await fn();
  } finally {
    methods.forEach((m, i) => { console[m] = saved[i]!; });
    [process.stdout.write, process.stderr.write] = writes as [typeof process.stdout.write, typeof process.stderr.write];
  }
  return out;
}

/** A short made-up report that mentions `marker` once. */
export const reportText = (marker: string, year = 2020) => `某某乡人民政府${year}年政府信息公开工作年度报告
一、总体情况
${year}年，我乡认真贯彻落实《中华人民共和国政府信息公开条例》，在${marker}开展政务公开宣传活动，共主动公开政府信息一百二十三条。
二、存在的主要问题及改进情况
公开内容不够全面，更新不够及时。下一步将加强培训，提高公开质量。
`;
