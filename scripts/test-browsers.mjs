// Runs the browser tests one engine at a time (BROWSERS=chromium,firefox narrows the list), each engine's counts going
// to .test-results/browsers-<engine>.json. One engine at a time keeps a 2-core machine from timing the flows out, and
// a runner that dies (a browser crash, an automation error in Node) loses that engine's run only.
//
// When the runner stops before it has reported (no results file), the end of its output is printed again, so the
// cause is the last thing in a CI log, and that engine is run once more. Failed tests are never run again.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { engines as known, missing } from './browsers.mjs';

const engines = (process.env.BROWSERS || 'chromium,firefox,webkit').split(',').filter(Boolean);
// A browser that is not there is said in one line, with what to do, instead of failing inside the runner.
const absent = missing(engines);
if (absent.length) {
  for (const line of absent) console.error(line);
  process.exit(1);
}
const resultsDir = '.test-results';
mkdirSync(resultsDir, { recursive: true });

/** Runs wtr for one engine; resolves with its exit code, whether it reported, and the last lines it printed. */
const run = (engine) =>
  new Promise((resolve) => {
    const results = `${resultsDir}/browsers-${engine}.json`;
    rmSync(results, { force: true });
    const child = spawn('npx', ['wtr'], {
      env: { ...process.env, BROWSERS: engine, WTR_RESULTS: results },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail = [];
    const pass = (out) => (chunk) => {
      // The runner moves the cursor to redraw its progress even into a pipe; in a log that is only noise.
      // eslint-disable-next-line no-control-regex
      const text = chunk.toString().replace(/\x1b\[(?:2K|1A|G)/g, '');
      out.write(text);
      tail.push(...text.split('\n'));
      tail.splice(0, Math.max(0, tail.length - 40));
    };
    child.stdout.on('data', pass(process.stdout));
    child.stderr.on('data', pass(process.stderr));
    child.on('close', (code) => resolve({ code, reported: existsSync(results), tail: tail.join('\n') }));
  });

let failed = false;
for (const engine of engines) {
  const name = known[engine].name;
  console.log(`\n=== browser tests: ${name} ===`);
  let r = await run(engine);
  if (!r.reported) {
    console.log(
      `\n=== ${name}: the test runner stopped (exit ${r.code}) before reporting; its last output:\n${r.tail}`,
    );
    console.log(`=== ${name}: running its tests once more ===`);
    r = await run(engine);
    if (!r.reported) console.log(`\n=== ${name}: stopped again (exit ${r.code}); its last output:\n${r.tail}`);
  }
  if (r.code !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
