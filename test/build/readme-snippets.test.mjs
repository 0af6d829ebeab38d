// The README's first snippet runs as printed: pasted into a page with the CDN file at /vendor/, it loads without an
// error, and each of its listeners runs without one (no name that exists nowhere) and says what happened.
/* global document */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumArgs, skipWithoutChromium } from '../support/chromium.mjs';

const readme = readFileSync('README.md', 'utf8');
const [, snippet] = /<!-- a page as it is pasted[^>]*-->\s*```html\n([\s\S]*?)\n```/.exec(readme) ?? [];

describe("the README's first snippet", { skip: skipWithoutChromium }, () => {
  let server;
  let browser;
  let origin;

  before(async () => {
    assert.ok(snippet, 'the README marks its first snippet');
    server = createServer((req, res) => {
      const file = { '/vendor/adobe-auth-elements.js': 'dist/cdn/adobe-auth-elements.js' }[req.url];
      if (file) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en">${snippet}</html>`);
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://localhost:${server.address().port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('loads, and every listener runs and reports, with no error', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(origin);
    await page.locator('adobe-sign-in').getByRole('button', { name: 'Sign in with Adobe' }).waitFor();
    const status = () => page.getByRole('status').textContent();
    assert.equal(await status(), 'Signed out');
    // The element's events, as a sign-in and a sign-out would fire them.
    const fire = (type, detail) =>
      page.evaluate(
        ([t, d]) => {
          document.querySelector('adobe-sign-in').dispatchEvent(new CustomEvent(t, { bubbles: true, detail: d }));
        },
        [type, detail],
      );
    await fire('token', { accessToken: 'at', expiresIn: 60, expiresAt: Date.now() + 60000, clientId: 'x' });
    assert.match(await status(), /^Signed in until /);
    await fire('profile', { sub: 'A1@AdobeID', name: 'Test User' });
    assert.equal(await status(), 'Signed in as Test User');
    await fire('auth-error', { code: 'access_denied', message: 'The user cancelled.' });
    assert.equal(await status(), 'Error: access_denied: The user cancelled.');
    await fire('sign-out', { clientId: 'x', reason: 'user' });
    assert.equal(await status(), 'Signed out (user)');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('is followed by commands that exist: npm run ims, and examples/html to serve', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
    assert.ok(scripts.ims, 'npm run ims');
    assert.match(
      readme,
      /npm run ims -- --client-id adobe-auth-example --redirect-uri http:\/\/localhost:8080\/redirect\.html/,
    );
    assert.match(
      readFileSync('examples/html/index.html', 'utf8'),
      /redirect-uri="http:\/\/localhost:8080\/redirect\.html"/,
    );
  });
});
