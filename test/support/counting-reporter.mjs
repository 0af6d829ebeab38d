// Counts passed and failed tests over every browser and writes them to a JSON file, for .ci/run's closing line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const count = (suite, into) => {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) into.skipped++;
    else if (t.passed) into.passed++;
    else into.failed++;
  }
  for (const s of suite?.suites ?? []) count(s, into);
};

export function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const byBrowser = {};
      for (const s of sessions) {
        const c = (byBrowser[s.browser.name] ??= { passed: 0, failed: 0, skipped: 0 });
        const before = c.failed;
        count(s.testResults, c);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!s.passed && c.failed === before) c.failed++;
      }
      const total = { passed: 0, failed: 0, skipped: 0 };
      for (const c of Object.values(byBrowser)) for (const k in total) total[k] += c[k];
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ ...total, byBrowser }, null, 2));
    },
  };
}
