// The end of `npm test`: one line per suite (the Node tests, each browser engine), then one line, "N passed,
// N failed", summed over the result files the runs wrote to .test-results/. A problem that kept tests from running
// or reporting (a failed type-check, a runner that stopped) counts as one failure.
//   node scripts/test-summary.mjs   the same for whatever ran last (`npm run test:browsers` alone, say); exits non-zero
//                                   when a test failed or none ran
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The counts each suite wrote to `dir`: `{name, passed, failed, skipped}`, one per Node run and browser engine. */
export const readResults = (dir = '.test-results') =>
  (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []).sort(byRun).flatMap((f) => {
    const r = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
    if (r.byBrowser) return Object.entries(r.byBrowser).map(([name, c]) => ({ name, ...c }));
    return [{ name: f === 'node.json' ? 'Node tests' : f.replace(/\.json$/, ''), ...r }];
  });

// The order they run in: Node first, then the engines in the order of BROWSERS' default.
const order = ['node', 'chromium', 'firefox', 'webkit'];
const rank = (f) => {
  const i = order.findIndex((o) => f.includes(o));
  return i < 0 ? order.length : i;
};
const byRun = (a, b) => rank(a) - rank(b) || a.localeCompare(b);

/** The closing lines for `suites` and `problems` (each a line that counts as one failed test). */
export function summary(suites, problems = []) {
  const width = Math.max(0, ...suites.map((s) => s.name.length + 1));
  const lines = suites.map(
    ({ name, passed, failed, skipped }) =>
      `${`${name}:`.padEnd(width)} ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''),
  );
  const passed = suites.reduce((n, s) => n + s.passed, 0);
  const failed = suites.reduce((n, s) => n + s.failed, 0) + problems.length;
  return { lines: [...lines, ...problems, `${passed} passed, ${failed} failed`], passed, failed };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { lines, passed, failed } = summary(readResults());
  for (const line of lines) console.log(line);
  process.exit(failed || !passed ? 1 : 0);
}
