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

/** The result files of one engine's browser runs, and the name each is reported under. */
const browserFiles = (e) =>
  Object.fromEntries(
    kits.map((k) => [
      `browsers-${e}${k == 'cdn' ? '-cdn' : ''}.json`,
      (engines[e]?.name ?? e) + (k == 'cdn' ? ', the CDN file' : ''),
    ]),
  );

/** A suite: its title, its command, and the result files its run writes (`npm run test:node` alone writes the same). */
const node = {
  title: 'Node tests',
  command: ['npm', 'run', '--silent', 'test:node'],
  files: { 'node.json': 'Node tests' },
};
const browser = (e) => ({
  title: `browser tests: ${engines[e]?.name ?? e}`,
  command: ['node', 'scripts/test-browsers.mjs'],
  env: { BROWSERS: e },
  files: browserFiles(e),
  // It prints a header for each of its runs itself.
  headed: true,
});

// Two lanes side by side, as a 2-core machine bears them: the Node tests (builds of the example apps among them) in
// one, kept and printed whole when they end; the browser engines in the other, one after another, printed as they
// run. Most of a browser run is waiting on pages and servers; two engines at once proved too much for some flows.
// TEST_JOBS=1 runs every suite one after another.
const lanes =
  process.env.TEST_JOBS == '1'
    ? [[node, ...requested.map(browser)]]
    : [[node], requested.map(browser)].filter((lane) => lane.length);

/** Runs a command with this terminal; resolves with its exit code. */
const run = ([command, ...args], env = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 1));
  });

/**
 * Runs a suite beside others: its output is kept and printed whole when it ends, so the log reads one suite at a
 * time. Resolves with its exit code.
 */
const runKept = ({ title, command: [command, ...args], env = {} }) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => out.push(c));
    const done = (code) => {
      console.log(`\n=== ${title}: its output ===`);
      process.stdout.write(Buffer.concat(out));
      resolve(code);
    };
    child.on('error', () => done(127));
    child.on('close', (code) => done(code ?? 1));
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

/** Runs a suite (kept: its output printed whole when it ends); adds what kept it from reporting to `problems`. */
const runSuite = async (suite, kept) => {
  if (!kept && !suite.headed) console.log(`\n=== ${suite.title} ===`);
  const code = await (kept ? runKept(suite) : run(suite.command, suite.env));
  const missing = Object.entries(suite.files).filter(([f]) => !existsSync(`${RESULTS}/${f}`));
  for (const [, name] of missing) problems.push(`${name}: no results (its test runner stopped before reporting)`);
  const failed = Object.keys(suite.files)
    .filter((f) => existsSync(`${RESULTS}/${f}`))
    .reduce((n, f) => n + JSON.parse(readFileSync(`${RESULTS}/${f}`, 'utf8')).failed, 0);
  // A run that failed with every test it reported passing (a crash as it stopped, say) still failed.
  if (code !== 0 && !missing.length && !failed) problems.push(`${suite.title}: exited with ${code}, no test failed`);
};

if (!problems.length) {
  if (lanes.length > 1) console.log(`\n=== ${lanes.map((l) => l.map((s) => s.title).join(', then ')).join(' | ')} ===`);
  // The last lane prints as it runs; the others keep their output until each suite ends.
  await Promise.all(
    lanes.map(async (lane, i) => {
      for (const suite of lane) await runSuite(suite, i < lanes.length - 1);
    }),
  );
}

const { lines, passed, failed } = summary(readResults(RESULTS), problems);
console.log('');
for (const line of lines) console.log(line);
process.exit(failed || !passed ? 1 : 0);
