// A node:test reporter that emits {passed, failed, skipped} as JSON, for .ci/run's closing line.
export default async function* countingReporter(source) {
  const c = { passed: 0, failed: 0, skipped: 0 };
  for await (const { type, data } of source) {
    // A suite skipped as a whole (BROWSERS leaving Chromium out) counts once, as skipped, not as nothing.
    if (data?.details?.type === 'suite') {
      if (type === 'test:pass' && data.skip) c.skipped++;
      continue;
    }
    if (type === 'test:pass') c[data.skip || data.todo ? 'skipped' : 'passed']++;
    if (type === 'test:fail') c.failed++;
  }
  yield JSON.stringify(c);
}
