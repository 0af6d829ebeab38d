// The example apps as a user gets them: the kit and adobe-local-ims packed with `npm pack` and installed from their
// tarballs into examples/, then each app's own type-check and production build, then its build served and driven in
// Chromium against the local IMS of the installed package: sign in through the popup to a `token` event on the page,
// then sign out. The React app also runs its own tests, as its developer would: its unit tests (Vitest, in jsdom and
// happy-dom, with adobe-auth-elements/testing) and its end-to-end test (Playwright, against startLocalIms()). And the
// installed adobe-local-ims command signs in a page of its printed tags, on another port.
//
// The apps are built for fixed origins (apps.mjs, and `npm start`'s local IMS at http://localhost:8001); here every
// server listens on a port picked free for this run and the browser reaches it under its usual origin, so a
// developer's own dev server or `npm start` can keep running meanwhile.
/* global document */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumArgs, skipWithoutChromium } from '../support/chromium.mjs';
import { waitForPort } from '../support/processes.mjs';
import { freePort, freePorts, hostRules } from '../support/ports.mjs';
import { apps, CLIENT_ID, redirectUris } from '../../examples/apps.mjs';

const EXAMPLES = resolve('examples');
const IMS_ORIGIN = 'http://localhost:8001';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NG_CLI_ANALYTICS: 'false', CI: '1' };

/** Runs an npm command in `cwd` (with more environment when the last argument is an object), printing its output only when it fails. */
const npm = (cwd, ...args) => {
  const more = typeof args.at(-1) == 'object' ? args.pop() : {};
  try {
    return execFileSync('npm', args, {
      cwd,
      env: { ...env, ...more },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    throw new Error(`npm ${args.join(' ')} in ${cwd} failed:\n${e.stdout}\n${e.stderr}`, { cause: e });
  }
};

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Serves a build folder as a static host would: a path with no file behind it gets index.html (client routes). */
const serveStatic = (root, port, extra = {}) => {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    let file = extra[path] ?? normalize(join(root, path));
    if (!file.startsWith(root) && !extra[path]) return res.writeHead(403).end();
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok({ close: () => server.close() })));
};

/** `next start`, in a process group of its own: next-server runs as a child that must stop with it. */
const startNext = async (dir, port) => {
  const next = join(EXAMPLES, 'node_modules/next/dist/bin/next');
  const proc = spawn(process.execPath, [next, 'start', '--port', String(port)], {
    cwd: dir,
    env,
    stdio: 'ignore',
    detached: true,
  });
  await waitForPort(port, 30000);
  return { close: () => process.kill(-proc.pid) };
};

describe(
  'example apps, installed from the packed package',
  { timeout: 15 * 60 * 1000, skip: skipWithoutChromium },
  () => {
    let ims;
    let imsPort;

    before(async () => {
      const packDir = mkdtempSync(join(tmpdir(), 'adobe-auth-pack-'));
      const pack = (...args) =>
        join(
          packDir,
          npm('.', 'pack', ...args, '--silent', '--pack-destination', packDir)
            .trim()
            .split('\n')
            .pop(),
        );
      const tarballs = [pack(), pack('-w', 'local-ims')];
      // Reuse examples/node_modules while it is as new as the lockfile; CI starts without it.
      const installed = join(EXAMPLES, 'node_modules/.package-lock.json');
      const lock = join(EXAMPLES, 'package-lock.json');
      if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
        npm(EXAMPLES, 'ci', '--no-audit', '--no-fund');
      }
      npm(EXAMPLES, 'install', '--no-save', '--no-audit', '--no-fund', ...tarballs);
      for (const [pkg, dir] of [
        ['adobe-auth-elements', '.'],
        ['adobe-local-ims', 'local-ims'],
      ]) {
        const { version } = JSON.parse(readFileSync(join(EXAMPLES, `node_modules/${pkg}/package.json`)));
        assert.equal(version, JSON.parse(readFileSync(join(dir, 'package.json'))).version, pkg);
      }

      // The installed package's local IMS, reached at the origin the apps are built for.
      const { startLocalIms } = await import(join(EXAMPLES, 'node_modules/adobe-local-ims/index.mjs'));
      imsPort = await freePort();
      ims = await startLocalIms({
        port: imsPort,
        publicOrigin: IMS_ORIGIN,
        clients: [{ clientId: CLIENT_ID, redirectUris }],
        autoSignIn: true,
      });
    });

    after(async () => {
      await ims?.close();
    });

    for (const app of apps) {
      it(`${app.name}: type-checks, builds, signs in and out in Chromium`, async () => {
        const dir = join(EXAMPLES, app.name);
        const scripts = JSON.parse(readFileSync(join(dir, 'package.json'))).scripts ?? {};
        if (scripts.typecheck) npm(dir, 'run', 'typecheck');
        // Built for the local IMS at its usual origin (a production build signs in at Adobe's by default).
        if (scripts.build) npm(dir, 'run', 'build', { VITE_IMS_ORIGIN: IMS_ORIGIN });
        // Its own tests, as its developer runs them.
        if (scripts.test) npm(dir, 'run', 'test');
        if (scripts.e2e) npm(dir, 'run', 'e2e', { CHROMIUM_PATH: CHROMIUM });

        // Picked now, not before the builds: meanwhile any outgoing connection may have taken a port picked then.
        const port = await freePort();
        const server = app.next
          ? await startNext(dir, port)
          : await serveStatic(resolve(dir, app.static), port, {
              '/adobe-auth-elements.js': join(
                EXAMPLES,
                'node_modules/adobe-auth-elements/dist/cdn/adobe-auth-elements.js',
              ),
            });
        const browser = await chromium.launch({
          executablePath: CHROMIUM,
          args: [...chromiumArgs, hostRules({ [new URL(IMS_ORIGIN).host]: imsPort, [`localhost:${app.port}`]: port })],
        });
        try {
          const page = await browser.newPage();
          const errors = [];
          page.on('pageerror', (e) => errors.push(e.message));
          const before = ims.stats(CLIENT_ID).tokenRequests;
          await page.goto(`http://localhost:${app.port}/`);
          const status = page.getByRole('status');
          await status.filter({ hasText: 'Signed out' }).waitFor();
          const button = page.locator('adobe-sign-in').getByRole('button');

          const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
          await status.filter({ hasText: /^Signed in until/ }).waitFor({ timeout: 20000 });
          if (app.profile) await page.getByText('Signed in as Test User').waitFor({ timeout: 10000 });
          if (!popup.isClosed()) await popup.waitForEvent('close');
          assert.equal(ims.stats(CLIENT_ID).tokenRequests, before + 1, 'one token request for one sign-in');
          assert.equal(await page.locator('adobe-sign-in').getAttribute('signed-in'), '');

          await button.click();
          await status.filter({ hasText: 'Signed out' }).waitFor();
          assert.equal(await page.locator('adobe-sign-in').getAttribute('signed-in'), null);
          assert.deepEqual(errors, []);
        } finally {
          await browser.close();
          server.close();
        }
      });
    }

    it('the installed adobe-local-ims command: a page of the tags it prints, on another port, signs in', async () => {
      const [imsPort, appPort] = await freePorts(2);
      const app = `http://localhost:${appPort}`;
      const command = spawn(
        join(EXAMPLES, 'node_modules/.bin/adobe-local-ims'),
        ['--client-id', 'cli-app', '--redirect-uri', `${app}/redirect.html`, '--port', `${imsPort}`, '--auto'],
        { cwd: EXAMPLES, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let printed = '';
      const exited = new Promise((resolve) => command.once('exit', resolve));
      try {
        await new Promise((resolve, reject) => {
          command.stdout.on('data', (c) => (printed += c) && printed.includes('Ctrl-C stops it.') && resolve());
          exited.then(() => reject(new Error(`adobe-local-ims ended:\n${printed}`)));
        });
        assert.match(printed, /node_modules\/adobe-auth-elements\/dist\/cdn\//);
        const page = /<script type="module"[^\n]*\n<adobe-sign-in [^\n]*<\/adobe-sign-in>/.exec(printed)[0];
        const redirectPage = /<meta name="referrer"[^]*?<adobe-auth-redirect><\/adobe-auth-redirect>/.exec(printed)[0];
        // The app: the two pages pasted as printed, and the kit from the installed package where the tags load it.
        const site = mkdtempSync(join(tmpdir(), 'adobe-auth-app-'));
        writeFileSync(join(site, 'index.html'), `<!doctype html><title>App</title>\n${page}`);
        writeFileSync(join(site, 'redirect.html'), `<!doctype html><title>Signing in</title>\n${redirectPage}`);
        const server = await serveStatic(site, appPort, {
          '/vendor/adobe-auth-elements.js': join(
            EXAMPLES,
            'node_modules/adobe-auth-elements/dist/cdn/adobe-auth-elements.js',
          ),
        });
        const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
        try {
          const tab = await browser.newPage();
          await tab.goto(`${app}/`);
          const token = tab.evaluate(
            () => new Promise((resolve) => document.addEventListener('token', (e) => resolve(e.detail))),
          );
          await tab.locator('adobe-sign-in').getByRole('button', { name: 'Sign in with Adobe' }).click();
          assert.equal((await token).clientId, 'cli-app');
        } finally {
          await browser.close();
          server.close();
        }
      } finally {
        command.kill('SIGINT');
        await exited;
      }
    });
  },
);
