// The test runs themselves: the browser tests start on ports picked free, so two runs at once on one machine, or a
// developer's own servers on the ports the runs once had, do not collide; what a run prints reads as it should; and
// `npm test`'s closing lines count every suite, and every problem that kept one from reporting.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { skipWithoutChromium } from '../support/chromium.mjs';
import { progressOnce } from '../support/progress-once.mjs';
import { readResults, summary } from '../../scripts/test-summary.mjs';

// The test server, the local IMS, the same-origin IMS and WebKitWebDriver had these.
const OLD_PORTS = [8765, 8766, 8767, 4445];

/** Listens on each of `ports` nothing listens on yet (one that is taken is taken already); `close()` frees them. */
const occupy = async (ports) => {
  const servers = await Promise.all(
    ports.map(
      (port) =>
        new Promise((resolve) => {
          const server = createServer();
          server.once('error', () => resolve(null)).listen(port, () => resolve(server));
        }),
    ),
  );
  return { close: () => servers.forEach((s) => s?.close()) };
};

/** One run of the browser tests of test/support/test-pages.test.ts in Chromium; resolves with what it printed. */
const browserRun = (results) =>
  new Promise((resolve) => {
    const child = spawn('npx', ['wtr', '--files', 'test/support/test-pages.test.ts'], {
      env: { ...process.env, BROWSERS: 'chromium', WTR_RESULTS: results },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => resolve({ code, output, results: JSON.parse(readFileSync(results, 'utf8')) }));
  });

describe('two browser test runs at once, with the ports they once had taken', { skip: skipWithoutChromium }, () => {
  let held;
  let runs;

  before(async () => {
    held = await occupy(OLD_PORTS);
    const dir = mkdtempSync(join(tmpdir(), 'adobe-auth-runs-'));
    runs = await Promise.all([browserRun(join(dir, 'a.json')), browserRun(join(dir, 'b.json'))]);
  });
  after(() => held?.close());

  it('both start and pass, each against its own local IMS', () => {
    for (const { code, output, results } of runs) {
      assert.equal(code, 0, output);
      assert.deepEqual(results.byBrowser, { Chromium: { passed: 3, failed: 0, skipped: 0 } }, output);
    }
  });

  it('print the engine as Chromium, "Finished running tests" once, no Lit dev-mode notice, no oidc-provider warning', () => {
    for (const { output } of runs) {
      assert.match(output, /^Chromium: \|/m);
      assert.doesNotMatch(output, /Chrome:|MiniBrowser/);
      assert.equal(output.match(/Finished running tests/g)?.length, 1, output);
      assert.doesNotMatch(output, /Lit is in dev mode/);
      assert.doesNotMatch(output, /oidc-provider WARNING/);
    }
  });
});

describe("the runner's closing progress", () => {
  const finished = ['Chromium: |███| 1/1 test files | 3 passed, 0 failed', '', 'Finished running tests in 12s', ''];
  const running = ['Chromium: |█  | 0/1 test files | 0 passed, 0 failed', '', 'Running tests...', ''];

  it('is printed once into a pipe: when the run finishes, not again when the runner stops', () => {
    let report = running;
    const reporter = progressOnce({ getTestProgress: () => report });
    reporter.start({ config: {} });
    assert.deepEqual(reporter.getTestProgress({}), running);
    report = finished;
    assert.deepEqual(reporter.getTestProgress({}), finished);
    assert.deepEqual(reporter.getTestProgress({}), []);
  });
});

describe("npm test's closing lines", () => {
  const results = (files) => {
    const dir = mkdtempSync(join(tmpdir(), 'adobe-auth-results-'));
    for (const [name, counts] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(counts));
    return dir;
  };

  it('give each suite and engine its line, by the names users know, and end with the sum', () => {
    const dir = results({
      'browsers-webkit.json': { passed: 5, failed: 1, skipped: 0, byBrowser: { WebKit: { passed: 5, failed: 1 } } },
      'node.json': { passed: 7, failed: 0, skipped: 2 },
      'browsers-chromium.json': { passed: 6, failed: 0, byBrowser: { Chromium: { passed: 6, failed: 0 } } },
    });
    const { lines, failed } = summary(readResults(dir));
    assert.deepEqual(lines, [
      'Node tests: 7 passed, 0 failed, 2 skipped',
      'Chromium:   6 passed, 0 failed',
      'WebKit:     5 passed, 1 failed',
      '18 passed, 1 failed',
    ]);
    assert.equal(failed, 1);
  });

  it('count a step that kept the tests from running as one failure, with nothing to read', () => {
    const { lines, failed } = summary(readResults(join(tmpdir(), 'adobe-auth-no-such-dir')), [
      'type-check failed (exit 2): no test ran',
    ]);
    assert.deepEqual(lines, ['type-check failed (exit 2): no test ran', '0 passed, 1 failed']);
    assert.equal(failed, 1);
  });
});
