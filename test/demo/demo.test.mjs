// The demo as a new user meets it: `npm start`, open the page, sign in through the local IMS screens in a popup,
// watch the flow inspector, try each scenario, and the same over https. Driven by Playwright in Debian's Chromium.
/* global document, window, location */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { waitForPort } from '../support/processes.mjs';
import { freePorts } from '../support/ports.mjs';
import { CHROMIUM, chromiumArgs, skipWithoutChromium } from '../support/chromium.mjs';

/** `npm start` on its own ports (`DEMO_HTTPS=1` for https); `stop()` ends it. */
const startDemo = async (demoPort, imsPort, extraEnv = {}) => {
  const server = spawn(process.execPath, ['scripts/start.mjs'], {
    // `npm test` has built dist/, and the browser tests read it meanwhile: the demo serves it as it is.
    env: { ...process.env, DEMO_PORT: demoPort, IMS_PORT: imsPort, DEMO_SKIP_BUILD: '1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  server.stdout.resume();
  await waitForPort(demoPort, 60000);
  await waitForPort(imsPort, 10000);
  return { stop: () => server.kill('SIGINT') };
};

const signInThroughScreens = async (page) => {
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Sign in with Adobe' }).click(),
  ]);
  await popup.getByLabel('Email address').fill(await page.locator('#email').textContent());
  await popup.getByLabel('Password').fill(await page.locator('#password').textContent());
  await popup.getByRole('button', { name: 'Continue' }).click();
  await popup.getByRole('button', { name: 'Allow' }).click();
  return popup;
};

/** The titles of the timeline's entries, in order. */
const timeline = (page) => page.locator('#timeline li strong').allTextContents();

const untilEntry = (page, text) =>
  page.locator('#timeline li strong').filter({ hasText: text }).last().waitFor({ timeout: 15000 });

/** `text` as a regular expression that matches it literally. */
const literally = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('npm start demo', { skip: skipWithoutChromium }, () => {
  let demo;
  let browser;
  let DEMO;
  let IMS;

  before(async () => {
    const [demoPort, imsPort] = await freePorts(2);
    DEMO = `http://localhost:${demoPort}`;
    IMS = `http://localhost:${imsPort}`;
    demo = await startDemo(demoPort, imsPort);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    demo?.stop();
  });

  it('shows the tag itself in the page source, and the same tag to copy', async () => {
    const page = await browser.newPage();
    const res = await page.goto(DEMO);
    const source = await res.text();
    // The attributes in this order, separated by `gap`.
    const tag = (gap) =>
      new RegExp(
        ['<adobe-sign-in', 'client-id="adobe-auth-demo"', `redirect-uri="${DEMO}/redirect.html"`, `ims-origin="${IMS}"`]
          .map(literally)
          .join(gap),
      );
    assert.match(source, tag('\\s+'));
    const snippet = await page.locator('#snippet').textContent();
    assert.match(snippet, tag('\\n {2}'));
    await page.locator('#full-page').check();
    assert.match(await page.locator('#snippet').textContent(), /mode="redirect"/);
    await page.close();
  });

  it('signs in through the IMS screens; the inspector shows each step and the verifier check passing', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(DEMO);
    await signInThroughScreens(page);
    await page.locator('#who').waitFor({ state: 'visible' });
    assert.match(await page.locator('#name').textContent(), /Test User <test\.user@example\.com>/);
    await untilEntry(page, 'token event');
    const check = page.locator('#timeline .check');
    assert.equal(await check.getAttribute('data-ok'), 'true');
    assert.match(await check.textContent(), /BASE64URL\(SHA256\(code_verifier\)\) = \S+ == code_challenge \S+ ✓/);
    const steps = await timeline(page);
    const order = [
      'Sign in clicked',
      'IMS received the sign-in request',
      'IMS showed its login screen',
      'IMS showed its consent screen',
      'IMS sent the browser back',
      'IMS received the token request',
      'token event',
    ].map((t) => steps.findIndex((s) => s.startsWith(t)));
    assert.ok(
      order.every((i, n) => i >= 0 && (n === 0 || i > order[n - 1])),
      `${steps.join('\n')}`,
    );
    // Secrets are shortened on screen.
    const verifier = await page.locator('#timeline dt:text("code_verifier") + dd').textContent();
    assert.match(verifier, /^.{8}….{4}$/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await untilEntry(page, 'sign-out event');
    await untilEntry(page, 'IMS revoked the token');

    // Each scenario ends as the page says, and the next sign-in works again. The IMS session of this context makes
    // the screens unneeded now.
    for (const [scenario, outcome] of [
      ['cancel', 'auth-error event: access_denied'],
      ['500', 'auth-error event: server_error'],
      ['429', 'auth-error event: too_many_requests'],
      ['html', 'auth-error event: invalid_response'],
      ['coop', 'token event'],
      ['slow', 'token event'],
    ]) {
      await page.locator(`[name=scenario][value="${scenario}"]`).check();
      await page.waitForTimeout(200);
      const before = (await timeline(page)).length;
      await page.getByRole('button', { name: 'Sign in with Adobe' }).click();
      // The outcome of this sign-in: a token or auth-error entry after the ones before it.
      await page.waitForFunction(
        (n) =>
          [...document.querySelectorAll('#timeline li strong')]
            .slice(n)
            .some((s) => /^(token|auth-error) event/.test(s.textContent)),
        before,
        { timeout: 15000 },
      );
      const entries = (await timeline(page)).slice(before);
      const last = entries.filter((t) => /^(token event|auth-error event)/.test(t)).pop();
      assert.equal(last, outcome, `${scenario}: ${entries.join(' / ')}`);
      assert.equal(await page.locator('[name=scenario][value=normal]').isChecked(), true, `${scenario} is over`);
      if (outcome === 'token event') {
        await page.getByRole('button', { name: 'Sign out' }).click();
        await untilEntry(page, 'sign-out event');
      }
    }
    await context.close();
  });

  it('calls the stand-in Adobe API with the token and the key; after a revoke at IMS, its 401 signs the page out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(DEMO);
    await signInThroughScreens(page);
    await page.locator('#who').waitFor({ state: 'visible' });
    // Who signed in comes from the kit: one userinfo request, the kit's.
    assert.equal((await timeline(page)).filter((t) => t.startsWith('IMS answered the kit’s userinfo')).length, 1);
    assert.match(await page.locator('adobe-sign-in').evaluate((el) => el.shadowRoot.textContent), /Test User/);

    await page.getByRole('button', { name: 'Call GET /api/hello' }).click();
    await page.locator('#api-answer', { hasText: 'HTTP 200' }).waitFor();
    await untilEntry(page, 'The stand-in Adobe API answered GET /api/hello');
    const entry = page.locator('#timeline li', { hasText: 'The stand-in Adobe API answered' }).last();
    assert.match(await entry.locator('dt:text("authorization") + dd').textContent(), /^Bearer .{8}….{4}$/);
    assert.equal(await entry.locator('dt:text("x-api-key") + dd').textContent(), 'adobe-auth-demo');

    await page.getByRole('button', { name: 'Revoke the token at IMS' }).click();
    await untilEntry(page, 'The local IMS revoked the token');
    await page.getByRole('button', { name: 'Call GET /api/hello' }).click();
    await page.locator('#api-answer', { hasText: 'HTTP 401' }).waitFor();
    await untilEntry(page, 'sign-out event: rejected');
    assert.equal(await page.locator('adobe-sign-in').getAttribute('signed-in'), null);
    await context.close();
  });

  it('shows the whole timeline after a full-page sign-in, and clears it on request', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(DEMO);
    await page.locator('#full-page').check();
    await page.getByRole('button', { name: 'Sign in with Adobe' }).click();
    await page.getByLabel('Email address').fill('test.user@example.com');
    await page.getByLabel('Password').fill('adobe-test');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Allow' }).click();
    await untilEntry(page, 'token event');
    const steps = await timeline(page);
    // Each once: what the page showed before it left is not shown again when it asks IMS what it missed.
    for (const step of ['Sign in clicked', 'IMS received the sign-in request', 'IMS received the token request']) {
      assert.equal(steps.filter((s) => s.startsWith(step)).length, 1, `${step} once in:\n${steps.join('\n')}`);
    }
    await page.getByRole('button', { name: 'Clear' }).click();
    assert.deepEqual(await timeline(page), []);
    await context.close();
  });

  it('fits a 390 px wide screen: nothing scrolls sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(DEMO);
    await page.locator('adobe-sign-in').getByRole('button').waitFor();
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(widths[0] <= widths[1], `the page is ${widths[0]} px wide in a ${widths[1]} px window`);
    assert.match(await page.locator('#snippet').textContent(), /src="\/vendor\/adobe-auth-elements\.js"/);
    await page.close();
  });

  it('ends in an error, not a token, when the code_verifier is altered in flight, and the check shows it', async () => {
    const context = await browser.newContext();
    await context.route('**/ims/token/v3*', (route) => {
      const body = new URLSearchParams(route.request().postData());
      body.set('code_verifier', 'A'.repeat(43));
      route.continue({ postData: body.toString() });
    });
    const page = await context.newPage();
    await page.goto(DEMO);
    await signInThroughScreens(page);
    await untilEntry(page, 'auth-error event: invalid_grant');
    assert.equal(await page.locator('#timeline .check').getAttribute('data-ok'), 'false');
    assert.equal(await page.locator('#who').isVisible(), false);
    assert.equal(await page.locator('adobe-sign-in').getAttribute('signed-in'), null);
    await context.close();
  });
});

describe('npm start -- --https', { skip: skipWithoutChromium }, () => {
  let demo;
  let browser;
  let DEMO;

  before(async () => {
    const [demoPort, imsPort] = await freePorts(2);
    DEMO = `https://localhost:${demoPort}`;
    demo = await startDemo(demoPort, imsPort, { DEMO_HTTPS: '1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    demo?.stop();
  });

  it('serves the demo over https with its own certificate, and signs in', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const res = await page.goto(`${DEMO}/`);
    assert.equal(res.status(), 200);
    assert.match(await res.text(), new RegExp(literally(`redirect-uri="${DEMO}/redirect.html"`)));
    assert.equal(await page.evaluate(() => window.isSecureContext && location.protocol), 'https:');
    await signInThroughScreens(page);
    await page.locator('#who').waitFor({ state: 'visible' });
    await context.close();
  });
});
