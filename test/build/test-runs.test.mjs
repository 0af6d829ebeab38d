// The test runs themselves: what a run prints reads as it should, and `npm test`'s closing lines count every suite,
// and every problem that kept one from reporting.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { progressOnce } from '../support/progress-once.mjs';
import { readResults, summary } from '../../scripts/test-summary.mjs';

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
