// A node:test reporter for scripts/test.mjs: it prints nothing while the tests run (the spec
// reporter does that) and writes, once they are over, one JSON object with the outcome of every
// test, read by scripts/test.mjs for its closing line. Counting from the events rather than from
// the runner's own `ℹ pass N` lines is what makes that line honest:
//   - node's summary counts a cancelled test (its file or parent timed out, a `before` hook
//     failed, it was never awaited) under `cancelled`, not `fail`;
//   - it does not count a failing suite hook (`after` throwing while every test passed) at all;
//   - it does not count a skipped suite (`describe(name, { skip })`) at all.
// Rules, per `test:pass` / `test:fail` event:
//   - a suite that passes adds nothing (its tests are counted one by one);
//   - a skipped suite is one entry of `skippedSuites` (node never runs its body, so the tests
//     inside it are never declared and cannot be counted: see scripts/test.mjs);
//   - a suite failing only because tests inside it failed adds nothing (those are counted); a
//     test with subtests that failed is one failed test more, as node counts it;
//   - a failing `todo` test is a todo, as node has it (an expected failure);
//   - anything else that fails is `failed`, `cancelled` or `timedOut` by its failure type —
//     including a whole test file that could not load or ran past --test-timeout.
export default async function* gongkaiSummary(source) {
  const out = {
    passed: 0, failed: [], cancelled: [], timedOut: [], skipped: [], skippedSuites: [], todo: 0,
    node: {}, // node's own summary (`tests`, `pass`, `fail`, `cancelled`, …), for a cross-check
  };
  for await (const event of source) {
    const data = event.data ?? {};
    const suite = data.details?.type === 'suite';
    const where = { name: String(data.name ?? ''), file: data.file ?? null };
    if (event.type === 'test:pass') {
      if (data.skip !== undefined && data.skip !== false) {
        const reason = typeof data.skip === 'string' ? data.skip : '';
        (suite ? out.skippedSuites : out.skipped).push({ ...where, reason });
      } else if (data.todo !== undefined && data.todo !== false) {
        out.todo++;
      } else if (!suite) {
        out.passed++;
      }
    } else if (event.type === 'test:fail') {
      const error = data.details?.error;
      const kind = error?.failureType ?? error?.cause?.failureType;
      if (data.todo !== undefined && data.todo !== false) { out.todo++; continue; }
      if (kind === 'subtestsFailed' && (suite || data.nesting === 0 && where.name === where.file)) continue;
      const entry = { ...where, kind: kind ?? 'unknown', message: oneLine(error?.cause?.message ?? error?.message ?? '') };
      if (kind === 'cancelledByParent') out.cancelled.push(entry);
      else if (kind === 'testTimeoutFailure') out.timedOut.push(entry);
      else out.failed.push(entry);
    } else if (event.type === 'test:diagnostic' && data.nesting === 0) {
      const m = /^(tests|suites|pass|fail|cancelled|skipped|todo) (\d+)$/.exec(String(data.message ?? ''));
      if (m) out.node[m[1]] = Number(m[2]);
    }
  }
  yield JSON.stringify(out) + '\n';
}

const oneLine = (s) => String(s).replace(/\s+/g, ' ').trim().slice(0, 200);
