// `npm run bench`: size, click → token and load cost of the kit beside other browser OAuth clients, on this machine,
// in Debian's Chromium. Prints the tables and writes them to bench/RESULTS.md.
//   npm run bench                 all three, 15 runs each
//   npm run bench -- size speed   some of them
//   BENCH_RUNS=31 npm run bench   more runs
//   BENCH_KIT=old.js npm run bench -- speed   another build of the CDN file (the results file is not written)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from '../test/support/chromium.mjs';
import { measureSize } from './size.mjs';
import { measureSpeed } from './speed.mjs';
import { measureLoad } from './load.mjs';
import { machine, table } from './support.mjs';

const asked = process.argv.slice(2);
const wants = (what) => !asked.length || asked.includes(what);
const runs = Number(process.env.BENCH_RUNS ?? 15);

execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });

const sections = [];
const report = (title, text, rows, left, after = '') => {
  const md = `## ${title}\n\n${text}\n\n${table(rows, left)}\n${after && `\n${after}\n`}`;
  console.log(`\n${md}`);
  sections.push(md);
};

if (wants('size')) {
  report('Size', 'The whole file a page loads, minified, and `gzip -9n`.', await measureSize(), 2);
}

let browser;
if (wants('speed') || wants('load')) {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
}
try {
  if (wants('speed')) {
    const speed = await measureSpeed(browser, runs);
    report(
      'Click → token',
      `Milliseconds from the click to the token, against the same local OpenID Provider (the local IMS, no screens), ` +
        `a fresh browser context each time; ${runs} runs each, the two clients interleaved; medians and the middle half.`,
      speed.token,
      2,
      `Both clients wait on the same provider: a first sign-in passes its login and consent steps, eight requests ` +
        `to it, then the token request; oidc-client-ts also fetches the discovery document first, and the kit does ` +
        `not. So the kit saves one request in about ten on a first sign-in, and one in three when an IMS session is ` +
        `alive and the provider answers at once: the added latency shows that difference plainly. The kit's page asks ` +
        `for profile and email, so its sign-in also fetches who signed in, after the token event.`,
    );
    report(
      'Click → profile, and the requests of a sign-in',
      `The same sign-ins: milliseconds from the click to the kit's \`profile\` event (popup; after a full-page ` +
        `sign-in it fires back on the start page), and the requests each client made to the provider, medians, CORS ` +
        `preflights in brackets.`,
      speed.profile,
      2,
      `Who signed in costs the kit two requests after the token: the userinfo request sends \`Authorization\`, which ` +
        `is not a CORS-safelisted header, so the browser sends a preflight (\`OPTIONS\`) first. Neither delays the ` +
        `token event. The token request itself is a form post without custom headers, a CORS simple request: no ` +
        `preflight. oidc-client-ts, configured as it is by default, fetches no userinfo.`,
    );
  }
  if (wants('load')) {
    report(
      'Load cost',
      `Main-thread milliseconds from the start of the page to its first frame with every element rendered (Chrome ` +
        `trace, CPU not throttled); ${runs} runs each, interleaved; medians and the middle half. The peers render ` +
        `nothing of their own: their pages hold plain buttons.`,
      await measureLoad(browser, runs),
      1,
      `\`lit-floor\` is the least an element on Lit's ReactiveElement costs: the kit's shadow DOM and three ` +
        `attributes, nothing else. \`lit-floor / plain\` is what the fixed stack costs over a hand-written element; ` +
        `\`kit / lit-floor\` is what the kit adds on top of it (its session, settings and events).`,
    );
  }
} finally {
  await browser?.close();
}

const version = browser?.version() ?? 'not used';
const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();
// The commit measured, and whether the working tree differed from it.
const commit = `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src') ? ' with changes in src/' : ''}`;
const md =
  `# Benchmarks\n\nMade by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, at commit ${commit}: ` +
  `${machine(version)}.\n\n${sections.join('\n')}`;
if (!asked.length && !process.env.BENCH_KIT) {
  const options = JSON.parse(readFileSync('.prettierrc.json', 'utf8'));
  writeFileSync('bench/RESULTS.md', await format(md, { filepath: 'bench/RESULTS.md', ...options }));
  console.log('Written to bench/RESULTS.md.');
}
