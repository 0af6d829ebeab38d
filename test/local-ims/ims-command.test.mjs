// The adobe-local-ims command (`npm run ims` in this repository runs it) as a developer runs it beside their own app:
// the command a README gives, the settings it refuses (each in one line), the tags it prints pasted into a plain page
// served from another port, and a sign-in there through the IMS's screens in Chromium.
/* global document, window */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumArgs, skipWithoutChromium } from '../support/chromium.mjs';
import { Browser, authorizeUrl, pkcePair } from '../support/ims-client.mjs';

const CDN = 'dist/cdn/adobe-auth-elements.js';

/** A port nothing listens on now. */
const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/**
 * `npm run ims -- …args`, in a process group of its own (npm runs node as its child); resolves once it has printed
 * all it prints at start, with that output. `stop()` presses Ctrl-C.
 */
const npmRunIms = (args, env = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'ims', '--', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    let errors = '';
    const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
    const stop = async () => {
      process.kill(-child.pid, 'SIGINT');
      return exited;
    };
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ctrl-C stops it.')) resolve({ output, stop });
    });
    child.stderr.on('data', (chunk) => (errors += chunk));
    exited.then(({ code }) =>
      reject(new Error(`npm run ims ended (${code}) before it was ready:\n${output}${errors}`)),
    );
  });

/** `npm run ims -- …args` that ends by itself: its exit code and what it printed. */
const npmRunImsOnce = (args) =>
  new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'ims', '--', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });

/** Follows a sign-in from the authorize request (IMS_AUTO=1: no screens) to where IMS sends the code. */
const signInWithoutScreens = async (imsOrigin, clientId, redirectUri) => {
  const { challenge } = pkcePair();
  const { url } = await new Browser().navigate(
    authorizeUrl(imsOrigin, { client_id: clientId, redirect_uri: redirectUri, code_challenge: challenge }),
    new URL(redirectUri).origin,
  );
  return new URL(url);
};

describe('npm run ims (the adobe-local-ims command)', () => {
  it('says how to use it with --help', async () => {
    const { code, stdout } = await npmRunImsOnce(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /--client-id ID/);
    assert.match(stdout, /--redirect-uri URL/);
    assert.match(stdout, /--redirect-uri-pattern REGEX/);
    assert.match(stdout, /--default-redirect-uri URL/);
    assert.match(stdout, /--port N/);
    assert.match(stdout, /--auto/);
    assert.match(stdout, /--user-name NAME/);
    assert.match(stdout, /--user-email EMAIL/);
    assert.match(stdout, /Without --client-id it registers client "my-app"/);
    assert.match(stdout, /IMS_AUTO=1/);
  });

  for (const [args, message] of [
    [['--redirect-uri', 'http://localhost:5173/redirect.html'], /put a --client-id before it/],
    [['--client-id', 'app'], /client app needs a redirect URI/],
    [['--client-id', 'app', '--redirect-uri', 'redirect.html'], /redirect\.html: not an absolute http\(s\) URL/],
    [['--client-id', 'app', '--redirect-uri', 'javascript:alert(1)'], /javascript:alert\(1\): not an absolute http/],
    [['--client-id', 'app', '--redirect-uri-pattern', '^http://localhost:\\d+/'], /give its default redirect URI/],
    [['--client-id', 'app', '--redirect-uri-pattern', '(', '--default-redirect-uri', 'https://x/'], /pattern \(/],
    [
      ['--client-id', 'app', '--redirect-uri-pattern', '^(a+)+$', '--default-redirect-uri', 'https://x/'],
      /\^\(a\+\)\+\$: can backtrack catastrophically/,
    ],
    [
      [
        '--client-id',
        'app',
        '--redirect-uri',
        'http://localhost/a',
        '--client-id',
        'app',
        '--redirect-uri',
        'http://localhost/b',
      ],
      /client app is registered twice/,
    ],
    [['--client-id', 'app', '--redirect-uri', 'http://localhost/r', '--port', 'eighty'], /--port eighty: not a port/],
    [['--client-id', 'app', '--redirect-uri', 'http://localhost/r', '--port', '0x50'], /--port 0x50: not a port/],
    [['--client-id', 'app', '--redirect-uri', 'http://localhost/r', '--port', '70000'], /port 70000: not a port/],
    [['--user-email', 'nobody'], /--user-email nobody: not an email address/],
  ]) {
    it(`refuses ${args.join(' ')}, saying why in one line`, async () => {
      const { code, stdout, stderr } = await npmRunImsOnce(args);
      assert.equal(code, 2);
      const [line, hint, ...more] = stderr.trim().split('\n');
      assert.match(line, /^adobe-local-ims: /);
      assert.match(line, message);
      assert.equal(hint, '(adobe-local-ims --help says how)');
      assert.deepEqual([more, stdout], [[], ''], 'nothing else: no stack trace, nothing listening');
    });
  }

  it('registers several clients, each with several redirect URIs, exact URLs and patterns', async () => {
    const port = await freePort();
    const ims = await npmRunIms(
      [
        ...['--client-id', 'shop', '--redirect-uri', 'http://localhost:5173/redirect.html'],
        ...['--redirect-uri', 'http://localhost:5173/auth/done.html'],
        ...['--client-id', 'admin', '--redirect-uri-pattern', '^http://localhost:\\d+/admin/cb\\.html$'],
        ...['--default-redirect-uri', 'https://localhost:8443/admin/cb.html'],
        ...['--port', String(port)],
      ],
      { IMS_AUTO: '1' },
    );
    const origin = `http://localhost:${port}`;
    try {
      for (const uri of ['http://localhost:5173/redirect.html', 'http://localhost:5173/auth/done.html']) {
        const back = await signInWithoutScreens(origin, 'shop', uri);
        assert.equal(back.origin + back.pathname, uri);
      }
      const patterned = await signInWithoutScreens(origin, 'admin', 'http://localhost:4321/admin/cb.html');
      assert.equal(patterned.origin + patterned.pathname, 'http://localhost:4321/admin/cb.html');
      const fallback = await signInWithoutScreens(origin, 'shop', 'http://localhost:5173/elsewhere.html');
      assert.equal(fallback.origin + fallback.pathname, 'http://localhost:5173/redirect.html', 'the default');
      assert.match(
        ims.output,
        /<adobe-sign-in client-id="shop" redirect-uri="http:\/\/localhost:5173\/redirect\.html"/,
      );
      assert.match(
        ims.output,
        /<adobe-sign-in client-id="admin" redirect-uri="https:\/\/localhost:8443\/admin\/cb\.html"/,
      );
    } finally {
      await ims.stop();
    }
  });

  it('without --client-id, registers my-app for any local page, and honours the environment switches', async () => {
    const port = await freePort();
    const ims = await npmRunIms(['--port', String(port)], { IMS_AUTO: '1' });
    try {
      assert.match(ims.output, /<adobe-sign-in client-id="my-app"/);
      assert.match(ims.output, /Switches: +auto/);
      for (const uri of ['http://localhost:3000/callback', 'http://127.0.0.1:5173/redirect.html']) {
        const back = await signInWithoutScreens(`http://localhost:${port}`, 'my-app', uri);
        assert.ok(back.searchParams.get('code'), `a code at ${uri}, with no screen (IMS_AUTO=1)`);
      }
    } finally {
      await ims.stop();
    }
  });
});

describe('npm run ims, beside a page of your own, in Chromium', { skip: skipWithoutChromium }, () => {
  let ims;
  let app;
  let browser;
  let printed;
  const CLIENT = 'my-own-app';

  before(async () => {
    if (!existsSync(CDN)) execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'ignore' });
    // The app's own server, on a port of its own: its pages are filled in with what npm run ims prints.
    const pages = {};
    app = createServer((req, res) => {
      const path = new URL(req.url, 'http://localhost').pathname;
      if (path === printed?.scriptSrc) {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        return res.end(readFileSync(CDN));
      }
      if (!pages[path]) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(pages[path]);
    });
    await new Promise((r) => app.listen(0, '127.0.0.1', r));
    const appOrigin = `http://localhost:${app.address().port}`;
    const imsPort = await freePort();
    ims = await npmRunIms([
      '--client-id',
      CLIENT,
      '--redirect-uri',
      `${appOrigin}/redirect.html`,
      '--port',
      `${imsPort}`,
    ]);

    const out = ims.output;
    printed = {
      scriptSrc: /<script type="module" src="([^"]+)"><\/script>/.exec(out)[1],
      page: /<script type="module"[^\n]*\n<adobe-sign-in [^\n]*<\/adobe-sign-in>/.exec(out)[0],
      redirectPage: /<meta name="referrer"[^]*?<adobe-auth-redirect><\/adobe-auth-redirect>/.exec(out)[0],
      user: /User: +[^,\n]+, (\S+) \/ (\S+)/.exec(out).slice(1),
    };
    assert.match(printed.page, new RegExp(`ims-origin="http://localhost:${imsPort}"`));
    assert.match(printed.page, new RegExp(`client-id="${CLIENT}"`));
    pages['/'] = `<!doctype html><title>My app</title>
${printed.page}
<script type="module">
  document.addEventListener('token', (e) => (window.tokenEvent = e.detail));
</script>`;
    pages['/redirect.html'] = `<!doctype html><title>Signing in</title>\n${printed.redirectPage}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
    printed.appOrigin = appOrigin;
  });
  after(async () => {
    await browser?.close();
    await ims?.stop();
    app?.close();
  });

  it('signs in through the login and consent screens in a popup, and the page hears token', async () => {
    const page = await browser.newPage();
    await page.goto(`${printed.appOrigin}/`);
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Sign in with Adobe' }).click(),
    ]);
    const [email, password] = printed.user;
    await popup.getByLabel('Email address').fill(email);
    await popup.getByLabel('Password').fill(password);
    await popup.getByRole('button', { name: 'Continue' }).click();
    await popup.getByRole('button', { name: 'Allow' }).click();
    await popup.waitForEvent('close', { timeout: 15000 });
    const detail = await (await page.waitForFunction(() => window.tokenEvent, null, { timeout: 15000 })).jsonValue();
    assert.equal(detail.clientId, CLIENT);
    assert.equal(typeof detail.accessToken, 'string');
    assert.equal(await page.evaluate(() => document.querySelector('adobe-sign-in').hasAttribute('signed-in')), true);
    await page.close();
  });
});
