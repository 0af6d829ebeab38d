// `npm test`: the checks (browsers present, type-check, lint, build, package lint), then the Node tests and the
// browser tests, and at the end one line, "N passed, N failed", over every suite and engine. A check that fails stops
// the run there (tests of a broken build say nothing) and counts as one failure; the summary is printed all the same.
// Exits non-zero on any failure, or when no test passed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { engines, kits, requested } from './browsers.mjs';
import { readResults, summary } from './test-summary.mjs';

const RESULTS = '.test-results';

const checks = [
  ['browser check', 'node', 'scripts/browsers.mjs', '--check'],
  ['type-check', 'npm', 'run', '--silent', 'typecheck'],
  ['eslint and prettier', 'npm', 'run', '--silent', 'lint'],
  ['build', 'npm', 'run', '--silent', 'build'],
  ['publint and arethetypeswrong', 'npm', 'run', '--silent', 'lint:package'],
];

// Each suite, and the result file each of its runs writes (`npm run test:node` and `npm run test:browsers` alone
// write the same).
const suites = [
  { title: 'Node tests', command: ['npm', 'run', '--silent', 'test:node'], files: { 'node.json': 'Node tests' } },
  {
    title: 'browser tests',
    command: ['node', 'scripts/test-browsers.mjs'],
    files: Object.fromEntries(
      requested.flatMap((e) =>
        kits.map((k) => [
          `browsers-${e}${k == 'cdn' ? '-cdn' : ''}.json`,
          (engines[e]?.name ?? e) + (k == 'cdn' ? ', the CDN file' : ''),
        ]),
      ),
    ),
    // It prints a header for each engine itself.
    headed: true,
  },
];

/** Runs a command with this terminal; resolves with its exit code. */
const run = ([command, ...args]) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 1));
  });

// A result left from an earlier run must never count.
rmSync(RESULTS, { recursive: true, force: true });

const problems = [];
for (const [title, ...command] of checks) {
  console.log(`\n=== ${title} ===`);
  const code = await run(command);
  if (code !== 0) {
    problems.push(`${title} failed (exit ${code}): no test ran`);
    break;
  }
}

if (!problems.length) {
  for (const { title, command, files, headed } of suites) {
    if (!headed) console.log(`\n=== ${title} ===`);
    const code = await run(command);
    const missing = Object.entries(files).filter(([f]) => !existsSync(`${RESULTS}/${f}`));
    for (const [, name] of missing) problems.push(`${name}: no results (its test runner stopped before reporting)`);
    const failed = Object.keys(files)
      .filter((f) => existsSync(`${RESULTS}/${f}`))
      .reduce((n, f) => n + JSON.parse(readFileSync(`${RESULTS}/${f}`, 'utf8')).failed, 0);
    // A run that failed with every test it reported passing (a crash as it stopped, say) still failed.
    if (code !== 0 && !missing.length && !failed) problems.push(`${title}: exited with ${code}, no test failed`);
  }
}

const { lines, passed, failed } = summary(readResults(RESULTS), problems);
console.log('');
for (const line of lines) console.log(line);
process.exit(failed || !passed ? 1 : 0);
