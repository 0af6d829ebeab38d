// The demo as a new user meets it: `npm start`, open the page, sign in through the local IMS screens in a popup,
// see who signed in. Driven by Playwright in Debian's Chromium.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { waitForPort } from '../support/processes.mjs';
import { CHROMIUM, chromiumArgs } from '../support/chromium.mjs';

const DEMO_PORT = 8100;
const IMS_PORT = 8101;
const DEMO = `http://localhost:${DEMO_PORT}`;
let server;
let browser;

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

describe('npm start demo', () => {
  before(async () => {
    server = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, DEMO_PORT, IMS_PORT },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    server.stdout.resume();
    await waitForPort(DEMO_PORT, 60000);
    await waitForPort(IMS_PORT, 10000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: chromiumArgs,
    });
  });
  after(async () => {
    await browser?.close();
    server?.kill('SIGINT');
  });

  it('signs the test user in through the local IMS screens and shows who signed in', async () => {
    const page = await browser.newPage();
    await page.goto(DEMO);
    await signInThroughScreens(page);
    await page.locator('#who').waitFor({ state: 'visible' });
    assert.match(await page.locator('#name').textContent(), /Test User <test\.user@example\.com>/);
    assert.equal(await page.locator('#last-title').textContent(), 'token event');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with Adobe' }).waitFor();
    assert.equal(await page.locator('#last-title').textContent(), 'sign-out event');
    await page.close();
  });

  it('ends in an error, not a token, when the code_verifier is altered in flight', async () => {
    const context = await browser.newContext();
    await context.route('**/ims/token/v3*', (route) => {
      const body = new URLSearchParams(route.request().postData());
      body.set('code_verifier', 'A'.repeat(43));
      route.continue({ postData: body.toString() });
    });
    const page = await context.newPage();
    await page.goto(DEMO);
    await signInThroughScreens(page);
    await page.locator('#last-title').filter({ hasText: 'auth-error event' }).waitFor();
    assert.equal(JSON.parse(await page.locator('#detail').textContent()).code, 'invalid_grant');
    assert.equal(await page.locator('#who').isVisible(), false);
    assert.equal(await page.locator('adobe-sign-in').getAttribute('signed-in'), null);
    await context.close();
  });
});
