// Property tests that a red run can replay. Every property test runs through `checkProperty`
// instead of `fc.assert`: on failure its error gives fast-check's report (the seed, the path
// and the shrunk counterexample) and the command that reruns exactly that case, e.g.
//
//   FC_SEED=1727838742 FC_PATH='229:2:0:0:4:8:10' node scripts/test.mjs tests/sections/properties.test.ts --test-name-pattern='^invariants hold on any text$'
//
// FC_SEED replaces the seed of every property that runs (a property without a seed of its own
// otherwise gets a random one, which the report prints); FC_PATH, with it, goes straight to the
// shrunk counterexample. A path belongs to one property: give it with --test-name-pattern, as
// the printed command does. FC_RUNS replaces the number of runs (to search harder locally).
import { relative } from 'node:path';
import type { TestContext } from 'node:test';
import fc from 'fast-check';
import { ROOT } from '../../services/paths.js';

function params<T>(given: fc.Parameters<T>): fc.Parameters<T> {
  const env = process.env;
  const seed = env.FC_SEED ? Number(env.FC_SEED) : given.seed ?? (Math.random() * 0x7fffffff) | 0;
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not ${env.FC_SEED}`);
  const out: fc.Parameters<T> = { ...given, seed };
  if (env.FC_SEED && env.FC_PATH) out.path = env.FC_PATH;
  if (env.FC_RUNS) out.numRuns = Number(env.FC_RUNS);
  return out;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function fail<T>(t: TestContext, details: fc.RunDetails<T>): void {
  if (!details.failed) return;
  const file = process.argv[1] ? relative(ROOT, process.argv[1]) : '<this test file>';
  const name = `^${t.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  const replay = `FC_SEED=${details.seed}${details.counterexamplePath ? ` FC_PATH=${quote(details.counterexamplePath)}` : ''}`;
  throw new Error(`${fc.defaultReportMessage(details)}\n\nReplay it: ${replay} node scripts/test.mjs ${file} --test-name-pattern=${quote(name)}`,
    { cause: details.errorInstance ?? undefined });
}

/** `fc.assert(property, parameters)`, replayable (see above); `t` is the test's context. */
export function checkProperty<Ts>(t: TestContext, property: fc.IAsyncProperty<Ts>, given?: fc.Parameters<Ts>): Promise<void>;
export function checkProperty<Ts>(t: TestContext, property: fc.IProperty<Ts>, given?: fc.Parameters<Ts>): void;
export function checkProperty<Ts>(t: TestContext, property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>, given: fc.Parameters<Ts> = {}): void | Promise<void> {
  const details = property.isAsync() ? fc.check(property as fc.IAsyncProperty<Ts>, params(given)) : fc.check(property as fc.IProperty<Ts>, params(given));
  if (details instanceof Promise) return details.then((d) => fail(t, d));
  fail(t, details);
}
