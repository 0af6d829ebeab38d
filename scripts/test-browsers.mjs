// Runs the browser tests one engine at a time (BROWSERS=chromium,firefox narrows the list), each engine's counts going
// to .test-results/browsers-<engine>.json; then, in that engine, the part of them that covers what a page loads
// (CDN_SUITES in web-test-runner.config.mjs) against the built CDN file, to .test-results/browsers-<engine>-cdn.json.
// KITS=src or KITS=cdn runs only the one.
//
// Chromium runs every suite against the sources (Lit's development build, whose warnings fail a test) and CDN_SUITES
// against the CDN file too. Firefox and WebKit run CDN_SUITES against the CDN file only, not twice: the same code,
// and the CDN file is what their users load. KITS=src runs every suite against the sources in any engine. One engine at a time keeps a 2-core machine from timing the flows out, and
// a runner that dies (a browser crash, an automation error in Node) loses that engine's run only.
//
// When the runner stops before it has reported (no results file), the end of its output is printed again, so the
// cause is the last thing in a CI log, and that engine is run once more. Failed tests are never run again.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { engines as known, kits, missing } from './browsers.mjs';

const engines = (process.env.BROWSERS || 'chromium,firefox,webkit').split(',').filter(Boolean);
// A browser that is not there is said in one line, with what to do, instead of failing inside the runner.
const absent = missing(engines);
if (absent.length) {
  for (const line of absent) console.error(line);
  process.exit(1);
}
const resultsDir = '.test-results';
mkdirSync(resultsDir, { recursive: true });

/**
 * Runs wtr for one engine, against the sources or the CDN file; resolves with its exit code, whether it reported,
 * and the last lines it printed.
 */
const run = (engine, kit) =>
  new Promise((resolve) => {
    const results = `${resultsDir}/browsers-${engine}${kit == 'cdn' ? '-cdn' : ''}.json`;
    rmSync(results, { force: true });
    const child = spawn('npx', ['wtr'], {
      env: {
        ...process.env,
        BROWSERS: engine,
        KIT: kit,
        ONLY_SOURCE_SUITES: kit == 'src' && engine != 'chromium' && kits.includes('cdn') ? '1' : '',
        WTR_RESULTS: results,
      },
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
  for (const kit of kits) {
    const name =
      known[engine].name +
      (kit == 'cdn' ? ', the CDN file' : engine != 'chromium' && kits.includes('cdn') ? ', the sources' : '');
    console.log(`\n=== browser tests: ${name} ===`);
    let r = await run(engine, kit);
    if (!r.reported) {
      console.log(
        `\n=== ${name}: the test runner stopped (exit ${r.code}) before reporting; its last output:\n${r.tail}`,
      );
      console.log(`=== ${name}: running its tests once more ===`);
      r = await run(engine, kit);
      if (!r.reported) console.log(`\n=== ${name}: stopped again (exit ${r.code}); its last output:\n${r.tail}`);
    }
    if (r.code !== 0) failed = true;
  }
}
process.exit(failed ? 1 : 0);
