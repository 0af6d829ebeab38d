// Browser tests in Chromium, Firefox ESR and WebKitGTK, all from Debian's packages, each with its popup blocker on.
// BROWSERS=chromium,firefox narrows the run while developing.
import { spawn } from 'node:child_process';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { defaultReporter } from '@web/test-runner';
import * as puppeteerCore from 'puppeteer-core';
import { fakeImsMiddleware } from './test/support/fake-ims.mjs';
import {
  heldAndRedirected,
  refererProbe,
  sameOriginIms,
  slowModule,
  translationsProbe,
} from './test/support/probes.mjs';
import { countingReporter } from './test/support/counting-reporter.mjs';
import { progressOnce } from './test/support/progress-once.mjs';
import { xvfb, waitForPort } from './test/support/processes.mjs';
import { freePort, freePorts } from './test/support/ports.mjs';
import { startLocalIms } from 'adobe-local-ims';
import { CHROMIUM, chromiumArgs } from './test/support/chromium.mjs';
import { engines, paths } from './scripts/browsers.mjs';
import { reactEsm } from './test/support/react-esm.mjs';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const names = (process.env.BROWSERS || 'chromium,firefox,webkit').split(',').filter(Boolean);
/**
 * KIT=cdn: the suites of CDN_SUITES run against the built CDN file, as pages load it (see cdnKit). Otherwise every
 * suite runs against the sources, but for CDN_SUITES when ONLY_SOURCE_SUITES=1: scripts/test-browsers.mjs sets it
 * where those suites run against the CDN file in that engine anyway (see there).
 */
const cdn = process.env.KIT === 'cdn';
/**
 * The part of the suites that also runs against dist/cdn/adobe-auth-elements.js: labels and the browser-language
 * rule, popup and full-page sign-in, the redirect page, getSession(), session.fetch(), and the translations file.
 */
const CDN_SUITES = [
  'test/elements/*.test.ts',
  'test/session/get-session.test.ts',
  'test/security/api-fetch.test.ts',
  'test/security/translations-file.test.ts',
];

// Every port is picked free for this run. These two are needed before any server starts: the local IMS registers
// redirect URIs on the test server's origin, and the WebKit launcher is made with its driver's port.
const [PORT, WEBDRIVER_PORT] = await freePorts(2);

/** The engine's name as users know it, in the progress lines and the results (the launchers say Chrome, MiniBrowser). */
const named = (launcher, name) => {
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = async (...args) => {
    await initialize(...args);
    launcher.name = name;
  };
  launcher.name = name;
  return launcher;
};

const launchers = {
  chromium: () =>
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM,
        headless: true,
        args: chromiumArgs,
        // Puppeteer turns the popup blocker off by default; the tests need the real one.
        ignoreDefaultArgs: ['--disable-popup-blocking'],
      },
    }),
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: paths.FIREFOX_PATH,
        headless: true,
        extraPrefsFirefox: { 'dom.disable_open_during_load': true },
      },
      createPage: async ({ context }) => {
        const page = await context.newPage();
        // The runner sets an 800×600 viewport before each test file; Puppeteer sends a screen orientation with it,
        // which some Firefox ESR releases do not know (unknown command emulation.setScreenOrientationOverride). The
        // viewport is set all the same: only that refusal is let pass.
        const setViewport = page.setViewport.bind(page);
        page.setViewport = async (viewport) => {
          try {
            await setViewport(viewport);
          } catch (e) {
            if (!/setScreenOrientationOverride/.test(String(e?.message))) throw e;
          }
        };
        return page;
      },
    }),
  webkit: () =>
    webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port: WEBDRIVER_PORT,
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': {
          binary: paths.WEBKIT_BROWSER,
          args: ['--automation'],
        },
      },
    }),
};
/** WebKitGTK has no headless mode: run its WebDriver under a private Xvfb display. */
function webkitDriverPlugin() {
  let display;
  let driver;
  return {
    name: 'webkit-webdriver',
    async serverStart() {
      display = await xvfb();
      driver = spawn(paths.WEBKIT_DRIVER, [`--port=${WEBDRIVER_PORT}`], {
        stdio: 'ignore',
        env: { ...process.env, DISPLAY: display.name },
      });
      await waitForPort(WEBDRIVER_PORT);
    },
    async serverStop() {
      driver?.kill();
      display?.stop();
    },
  };
}

/**
 * The local IMS the element tests sign in against: any client id `test-…` exists, each with its own switches; and
 * the same-origin one, where any client id `csp-…` exists and signs in without screens. The pages learn where the
 * first one is from /__test-env.js.
 */
function localImsPlugin() {
  let ims;
  let sameOrigin;
  let sameOriginPort;
  return {
    name: 'local-ims',
    get sameOriginPort() {
      return sameOriginPort;
    },
    async serverStart() {
      const fixtures = `http://localhost:${PORT}/test/fixtures`;
      ims = await startLocalIms({
        port: 0,
        controls: true,
        dynamicClients: {
          prefix: 'test-',
          redirectUris: [
            'redirect.html',
            'redirect-stay.html',
            'redirect-no-storage.html',
            'redirect-referrer.html',
            'redirect-broken-storage.html',
          ].map((f) => `${fixtures}/${f}`),
        },
      });
      // Its issuer is the test server's origin, so its own port is picked here, for the proxy to reach it.
      sameOriginPort = await freePort();
      sameOrigin = await startLocalIms({
        port: sameOriginPort,
        publicOrigin: `http://localhost:${PORT}`,
        dynamicClients: { prefix: 'csp-', redirectUris: [`${fixtures}/csp/redirect.html`] },
        switches: { auto: true },
      });
    },
    serve({ path }) {
      if (path !== '/__test-env.js') return;
      return {
        type: 'js',
        body: [
          `globalThis.__TEST_ENV__ = ${JSON.stringify({ ims: ims.origin })};`,
          // The tests run Lit's development build on purpose (its warnings fail them, see test/support/flow.ts);
          // the notice that it is on, which each page would print once, is taken as given.
          `(globalThis.litIssuedWarnings ??= new Set()).add('dev-mode');`,
        ].join('\n'),
      };
    },
    async serverStop() {
      await ims?.close();
      await sameOrigin?.close();
    },
  };
}

const ims = localImsPlugin();

/**
 * KIT=cdn: the kit's entry points (src/cdn.ts, which test/support/kit.ts re-exports, and src/define.ts, which the
 * fixture pages load) are served as the built CDN file; the sources that make the elements and sessions are refused,
 * so that a test of this run can only be testing the CDN file. Pure helpers of src/ (tokenKey(), the labels table)
 * still serve the tests' own expectations.
 */
function cdnKit() {
  const entries = /^\/src\/(cdn|define)\.[jt]s$/;
  const implementation =
    /^\/src\/(index|adobe-sign-in|adobe-auth-redirect|localized-element|session|sessions|sign-in-flow|react|oauth\/exchange|oauth\/api)\.[jt]s$/;
  return {
    name: 'cdn-kit',
    serve({ path }) {
      // Relative: a page under another path prefix (translationsProbe's) loads the CDN file from under it too.
      if (entries.test(path)) return { type: 'js', body: `export * from '../dist/cdn/adobe-auth-elements.js';` };
      if (implementation.test(path)) {
        const message = `KIT=cdn: ${path} was asked for; a test of the CDN file takes the kit from test/support/kit.ts`;
        return { type: 'js', body: `throw new Error(${JSON.stringify(message)});` };
      }
    },
  };
}

export default {
  port: PORT,
  files: cdn
    ? CDN_SUITES
    : ['test/**/*.test.ts', ...(process.env.ONLY_SOURCE_SUITES === '1' ? CDN_SUITES.map((f) => `!${f}`) : [])],
  nodeResolve: { exportConditions: ['development'] },
  browsers: names.map((n) =>
    named(
      launchers[n](),
      engines[n].name + (cdn ? ', the CDN file' : process.env.ONLY_SOURCE_SUITES === '1' ? ', the sources' : ''),
    ),
  ),
  // /__test-env.js before the test framework: the test modules (and Lit) find what it sets when they load.
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><script src="/__test-env.js"></script></head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
  // More than one file at a time puts tests in iframes, which changes opener and storage behaviour.
  concurrency: 1,
  concurrentBrowsers: 3,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browserStartTimeout: 60000,
  middleware: [
    fakeImsMiddleware,
    refererProbe,
    slowModule,
    translationsProbe(version),
    heldAndRedirected,
    sameOriginIms(() => ims.sameOriginPort),
  ],
  plugins: [
    reactEsm(),
    ...(cdn ? [cdnKit()] : []),
    esbuildPlugin({ ts: true, target: 'es2022', define: { KIT_VERSION: JSON.stringify(version) } }),
    ims,
    ...(names.includes('webkit') ? [webkitDriverPlugin()] : []),
  ],
  reporters: [
    progressOnce(defaultReporter()),
    countingReporter(process.env.WTR_RESULTS ?? '.test-results/browsers.json'),
    ...(process.env.WTR_SLOW
      ? [(await import('./.scratch/slow-reporter.mjs')).slowReporter(process.env.WTR_SLOW)]
      : []),
  ],
};
