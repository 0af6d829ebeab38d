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

// Two at a time, as a 2-core machine bears them: most of a browser run is waiting on pages and servers. The Node tests
// (builds of the example apps among them) beside the first engine, then the other engines together. TEST_JOBS=1 runs
// one suite after another.
const [first, ...rest] = requested;
const waves =
  process.env.TEST_JOBS == '1'
    ? [node, ...requested.map(browser)].map((s) => [s])
    : [[node, ...(first ? [browser(first)] : [])], rest.map(browser)].filter((w) => w.length);

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

if (!problems.length) {
  for (const wave of waves) {
    if (wave.length > 1) console.log(`\n=== ${wave.map((w) => w.title).join(' and ')}, side by side ===`);
    const codes = await Promise.all(
      wave.map((suite) => {
        if (wave.length > 1) return runKept(suite);
        if (!suite.headed) console.log(`\n=== ${suite.title} ===`);
        return run(suite.command, suite.env);
      }),
    );
    wave.forEach(({ title, files }, i) => {
      const missing = Object.entries(files).filter(([f]) => !existsSync(`${RESULTS}/${f}`));
      for (const [, name] of missing) problems.push(`${name}: no results (its test runner stopped before reporting)`);
      const failed = Object.keys(files)
        .filter((f) => existsSync(`${RESULTS}/${f}`))
        .reduce((n, f) => n + JSON.parse(readFileSync(`${RESULTS}/${f}`, 'utf8')).failed, 0);
      // A run that failed with every test it reported passing (a crash as it stopped, say) still failed.
      if (codes[i] !== 0 && !missing.length && !failed)
        problems.push(`${title}: exited with ${codes[i]}, no test failed`);
    });
  }
}

const { lines, passed, failed } = summary(readResults(RESULTS), problems);
console.log('');
for (const line of lines) console.log(line);
process.exit(failed || !passed ? 1 : 0);
