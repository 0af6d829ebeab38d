// RFC 9700 4.4/4.5, as an attacker who can inject HTML but not script would try it: an <adobe-sign-in> with the
// victim's client id and ims-origin pointing at the attacker's server, on a non-loopback name (Chromium resolves
// attacker.test to this machine). The server counts every connection it gets: none, whatever the user clicks.
// As a check that the count can move, a page whose own script trusted that origin does reach it.
/* global window, document */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumArgs, skipWithoutChromium } from '../support/chromium.mjs';
import { freePorts } from '../support/ports.mjs';

const [SITE_PORT, ATTACKER_PORT] = await freePorts(2);
const SITE = `http://localhost:${SITE_PORT}`;
const VICTIM_TOKEN = 'victims-access-token';

const page = (imsOrigin, trust) => `<!doctype html>
<html lang="en"><head><title>Victim</title>
<script type="module" src="/adobe-auth-elements.js"></script>
<script type="module">
  window.events = [];
  for (const t of ['token', 'auth-error', 'sign-out']) document.addEventListener(t, (e) => events.push(t + ':' + (e.detail.code ?? '')));
  ${trust ? `(await import('/adobe-auth-elements.js')).trustImsOrigin(${JSON.stringify(imsOrigin)});` : ''}
  const el = document.createElement('adobe-sign-in');
  el.setAttribute('client-id', 'victim-client');
  el.setAttribute('redirect-uri', '${SITE}/redirect.html');
  el.setAttribute('ims-origin', ${JSON.stringify(imsOrigin)});
  document.body.append(el);
</script></head><body></body></html>`;

let site;
let attacker;
let connections = 0;
let browser;

describe('an injected ims-origin on a non-loopback name (Chromium)', { skip: skipWithoutChromium }, () => {
  before(async () => {
    const bundle = await readFile('dist/cdn/adobe-auth-elements.js');
    site = createServer((req, res) => {
      const url = new URL(req.url, SITE);
      if (url.pathname === '/adobe-auth-elements.js') {
        return res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      }
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(page(url.searchParams.get('ims'), url.searchParams.has('trust')));
    });
    attacker = createServer((_req, res) => res.writeHead(200).end('attacker'));
    attacker.on('connection', () => connections++);
    await new Promise((r) => site.listen(SITE_PORT, '127.0.0.1', r));
    await new Promise((r) => attacker.listen(ATTACKER_PORT, '127.0.0.1', r));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...chromiumArgs, '--host-resolver-rules=MAP attacker.test 127.0.0.1'],
    });
  });
  after(async () => {
    await browser?.close();
    site?.close();
    attacker?.close();
  });

  for (const scheme of ['http', 'https']) {
    const ims = `${scheme}://attacker.test:${ATTACKER_PORT}`;
    it(`sends nothing to ${scheme}://attacker.test: config_error, no popup, the victim's token untouched`, async () => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      let popups = 0;
      tab.on('popup', () => popups++);
      await tab.goto(`${SITE}/?ims=${encodeURIComponent(ims)}`);
      // The victim signed in with Adobe's IMS earlier in this tab.
      await tab.evaluate((token) => {
        const t = {
          accessToken: token,
          tokenType: 'bearer',
          expiresIn: 3600,
          expiresAt: Date.now() + 3600e3,
          clientId: 'victim-client',
        };
        sessionStorage.setItem('adobe-auth:token:https://ims-na1.adobelogin.com|victim-client', JSON.stringify(t));
      }, VICTIM_TOKEN);
      await tab.reload();
      const before = connections;
      const button = tab.locator('adobe-sign-in').getByRole('button');
      await button.click();
      await tab.waitForFunction(() => window.events.length > 0);
      assert.deepEqual(await tab.evaluate(() => window.events), ['auth-error:config_error']);
      await tab.evaluate(() => document.querySelector('adobe-sign-in').signOut());
      await tab.waitForTimeout(1000);
      assert.equal(connections - before, 0, 'connections at the attacker');
      assert.equal(popups, 0);
      assert.equal(await tab.evaluate(() => document.querySelector('adobe-sign-in').signedIn), false);
      assert.match(await tab.evaluate(() => JSON.stringify(sessionStorage)), new RegExp(VICTIM_TOKEN));
      await context.close();
    });
  }

  it("reaches the origin once the page's own script trusts it (so the count above can move)", async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const ims = `https://attacker.test:${ATTACKER_PORT}`;
    await tab.goto(`${SITE}/?trust&ims=${encodeURIComponent(ims)}`);
    const before = connections;
    await Promise.all([tab.waitForEvent('popup'), tab.locator('adobe-sign-in').getByRole('button').click()]);
    for (let i = 0; i < 50 && connections === before; i++) await tab.waitForTimeout(100);
    assert.ok(connections > before, 'the popup went to the trusted origin');
    await context.close();
  });
});
