// Acceptance: a page written apart from the kit (test/acceptance/site/), using only the documented tags and the CDN
// bundle, against an OpenID Provider configured unlike the local IMS (test/acceptance/op.mjs), in Debian's Chromium
// with its popup blocker on. Driven by Playwright with real clicks.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumArgs, skipWithoutChromium } from '../support/chromium.mjs';
import { freePorts, hostRules } from '../support/ports.mjs';
import { startOp } from './op.mjs';

// The origins site/ was written for; the browser reaches them on ports picked free for this run.
const SITE = 'http://localhost:8200';
const OP = 'http://127.0.0.1:8201';
const REDIRECT = `${SITE}/redirect.html`;
const [SITE_PORT, OP_PORT] = await freePorts(2);

let op;
let site;
let browser;
let context;
let page;

/** Serves the two pages and the CDN bundle, nothing else. */
const serveSite = () => {
  const files = {
    '/': ['test/acceptance/site/index.html', 'text/html'],
    '/redirect.html': ['test/acceptance/site/redirect.html', 'text/html'],
    '/adobe-auth-elements.js': ['dist/cdn/adobe-auth-elements.js', 'text/javascript'],
  };
  const server = createServer(async (req, res) => {
    const file = files[new URL(req.url, SITE).pathname];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-cache' }).end(await readFile(file[0]));
  });
  return new Promise((resolve) => server.listen(SITE_PORT, '127.0.0.1', () => resolve(server)));
};

/** The events the page has recorded, as "type" or "type:code". */
const events = (p = page) =>
  p
    .locator('#events li')
    .evaluateAll((lis) => lis.map((li) => li.dataset.type + (li.dataset.code ? `:${li.dataset.code}` : '')));

const untilEvents = async (expected, p = page) => {
  await p
    .locator('#events li')
    .nth(expected.length - 1)
    .waitFor({ state: 'attached' });
  assert.deepEqual(await events(p), expected);
};

const signInButton = () => page.locator('adobe-sign-in').getByRole('button');

/** Goes through the OP's own screens (any login, then consent) in `p`, a popup or the page itself. */
const passScreens = async (p) => {
  await p.getByPlaceholder('Enter any login').fill('ada');
  await p.getByPlaceholder('and password').fill('anything');
  await p.getByRole('button', { name: 'Sign-in' }).click();
  await p.getByRole('button', { name: 'Continue' }).click();
};

const openPopup = async () => {
  const [popup] = await Promise.all([page.waitForEvent('popup'), signInButton().click()]);
  await popup.getByPlaceholder('Enter any login').waitFor();
  return popup;
};

/** Everything the page keeps in localStorage and sessionStorage, as one JSON text. */
const storage = () =>
  page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));

const storedTokens = async () => {
  const { local, session } = JSON.parse(await storage());
  return [...Object.keys(local), ...Object.keys(session)].filter((k) => /token/i.test(k)).length;
};

describe(
  'a page written apart, against another OpenID Provider with IMS-shaped routes',
  { skip: skipWithoutChromium },
  () => {
    before(async () => {
      op = await startOp({ port: OP_PORT, origin: OP, clientId: 'acceptance-spa', redirectUris: [REDIRECT] });
      site = await serveSite();
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [...chromiumArgs, hostRules({ [new URL(SITE).host]: SITE_PORT, [new URL(OP).host]: OP_PORT })],
        // Playwright turns the popup blocker and the back-forward cache off by default; this test wants both, as users
        // have them.
        ignoreDefaultArgs: ['--disable-popup-blocking', '--disable-back-forward-cache'],
      });
    });
    after(async () => {
      await browser?.close();
      site?.close();
      await op?.close();
    });
    beforeEach(async () => {
      await context?.close();
      op.coop = false;
      op.tokenRequests = 0;
      context = await browser.newContext();
      page = await context.newPage();
    });

    it('signs in through a popup, restores the sign-in on reload, and signs out', async () => {
      await page.goto(SITE);
      const popup = await openPopup();
      await passScreens(popup);
      await untilEvents(['token']);
      if (!popup.isClosed()) await popup.waitForEvent('close');
      await page.locator('#who').filter({ hasText: 'ada@example.org' }).waitFor();
      assert.equal(await page.locator('adobe-sign-in').getAttribute('signed-in'), '');
      assert.equal(op.tokenRequests, 1);

      await page.reload();
      await page.locator('adobe-sign-in[signed-in]').waitFor();
      assert.deepEqual(await events(), [], 'a restored sign-in fires no token event');

      await signInButton().click();
      await untilEvents(['sign-out']);
      assert.equal(await page.locator('adobe-sign-in').getAttribute('signed-in'), null);
      assert.equal(await storedTokens(), 0);
      await page.reload();
      await page.locator('adobe-sign-in:defined').waitFor();
      assert.equal(await page.locator('adobe-sign-in').getAttribute('signed-in'), null);
    });

    it('signs in with the whole page (mode="redirect") and comes back signed in', async () => {
      await page.goto(`${SITE}/?mode=redirect`);
      await signInButton().click();
      await page.waitForURL(`${op.origin}/**`);
      await passScreens(page);
      await page.waitForURL(`${SITE}/?mode=redirect`);
      await untilEvents(['token']);
      await page.locator('adobe-sign-in[signed-in]').waitFor();
      assert.equal(op.tokenRequests, 1);
    });

    it('is idle again when the user comes Back from the OP without signing in', async () => {
      await page.goto(`${SITE}/?mode=redirect`);
      // A mark that survives only if Back restores this very page from the back-forward cache, as it is here.
      await page.evaluate(() => (globalThis.__probe = 'kept'));
      await signInButton().click();
      await page.waitForURL(`${op.origin}/**`);
      await page.goBack({ waitUntil: 'commit' });
      assert.equal(
        await page.evaluate(() => globalThis.__probe),
        'kept',
        'the page came back from the back-forward cache',
      );
      await page.locator('adobe-sign-in:defined:not([busy])').waitFor({ timeout: 5000 });
      assert.equal(await signInButton().isEnabled(), true);
      assert.deepEqual(await events(), []);
      // And a second attempt goes through.
      await signInButton().click();
      await passScreens(page);
      await page.waitForURL(`${SITE}/?mode=redirect`);
      await untilEvents(['token']);
    });

    it('falls back to the whole page when the popup is blocked', async () => {
      // signIn() with no click: the popup blocker refuses the popup.
      await page.goto(`${SITE}/#sign-in-now`);
      await page.waitForURL(`${op.origin}/**`);
      assert.equal(context.pages().length, 1, 'no popup opened');
      await passScreens(page);
      await page.waitForURL(`${SITE}/`);
      await untilEvents(['token']);
      await page.locator('adobe-sign-in[signed-in]').waitFor();
    });

    it('reports popup_blocked instead when popup-fallback="none"', async () => {
      await page.goto(`${SITE}/?fallback=none#sign-in-now`);
      await untilEvents(['auth-error:popup_blocked']);
      assert.equal(page.url(), `${SITE}/?fallback=none`);
      assert.equal(await page.locator('adobe-sign-in').getAttribute('busy'), null);
    });

    it('reports popup_closed within seconds when the user closes the popup, and is idle again', async () => {
      await page.goto(SITE);
      const popup = await openPopup();
      const closedAt = Date.now();
      await popup.close();
      await untilEvents(['auth-error:popup_closed']);
      assert.ok(Date.now() - closedAt < 5000, `popup_closed after ${Date.now() - closedAt} ms`);
      assert.equal(await page.locator('adobe-sign-in').getAttribute('busy'), null);
      assert.equal(await signInButton().isEnabled(), true);
      assert.equal(op.tokenRequests, 0);
    });

    it('reports access_denied when the user cancels at the OP', async () => {
      await page.goto(SITE);
      const popup = await openPopup();
      await popup.getByRole('link', { name: '[ Cancel ]' }).click();
      await untilEvents(['auth-error:access_denied']);
      assert.equal(await page.locator('adobe-sign-in').getAttribute('signed-in'), null);
      assert.equal(op.tokenRequests, 0);
      assert.equal(await storedTokens(), 0);
    });

    it('still signs in when the OP pages send Cross-Origin-Opener-Policy: same-origin', async () => {
      op.coop = true;
      await page.goto(SITE);
      const popup = await openPopup();
      await passScreens(popup);
      await untilEvents(['token']);
      await page.locator('#who').filter({ hasText: 'ada@example.org' }).waitFor();
      assert.equal(op.tokenRequests, 1);
      // COOP cut the popup off from the page, but the popup still closes itself.
      if (!popup.isClosed()) await popup.waitForEvent('close');
    });

    it('refuses a forged state: state_mismatch, nothing exchanged, nothing stored', async () => {
      await page.goto(SITE);
      await page.goto(`${REDIRECT}?code=forged-code&state=forged-state`);
      await untilEvents(['auth-error:state_mismatch']);
      assert.equal(op.tokenRequests, 0);
      assert.equal(await storedTokens(), 0);
      assert.equal(new URL(page.url()).search, '', 'code and state are gone from the address bar');
    });

    it('refuses a replayed answer: state_mismatch, no second exchange, the first token kept', async () => {
      let answer;
      page.on('request', (r) => r.url().startsWith(`${REDIRECT}?`) && (answer ??= r.url()));
      await page.goto(`${SITE}/?mode=redirect`);
      await signInButton().click();
      await passScreens(page);
      await page.waitForURL(`${SITE}/?mode=redirect`);
      await untilEvents(['token']);
      assert.equal(await storedTokens(), 1);
      const before = await storage();

      await page.goto(answer);
      await untilEvents(['auth-error:state_mismatch']);
      assert.equal(op.tokenRequests, 1);
      assert.equal(await storage(), before);
    });
  },
);
