// Prints one line, "N passed, N failed", summed over the result files the test runs wrote to .test-results/.
// Exits non-zero when a test failed or no test ran.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const dir = '.test-results';
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
let passed = 0;
let failed = 0;
for (const f of files) {
  const r = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
  passed += r.passed;
  failed += r.failed;
  const engines = r.byBrowser
    ? ` (${Object.entries(r.byBrowser)
        .map(([b, c]) => `${b}: ${c.passed}/${c.passed + c.failed}`)
        .join(', ')})`
    : '';
  console.log(`${f.replace(/\.json$/, '')}: ${r.passed} passed, ${r.failed} failed${engines}`);
}
// A run that stopped before its tests (type-check, lint, build) counts as one failure.
if (process.argv.includes('--expect') && files.length < Number(process.argv[process.argv.indexOf('--expect') + 1]))
  failed++;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
