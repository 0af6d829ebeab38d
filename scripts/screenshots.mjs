// `npm run screenshots`: drives the demo (`npm start`, local IMS) in Chromium and writes the README's pictures to
// docs/: signed out, the IMS sign-in screen, signed in with the flow inspector, an error, and the button in a few
// languages. On the ports a user sees (DEMO_PORT and IMS_PORT move them), so stop `npm start` first.
/* global document, scrollTo */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { waitForPort } from '../test/support/processes.mjs';
import { CHROMIUM, chromiumArgs } from '../test/support/chromium.mjs';

const DEMO_PORT = Number(process.env.DEMO_PORT ?? 8000);
const IMS_PORT = Number(process.env.IMS_PORT ?? 8001);
const OUT = 'docs';

const server = spawn(process.execPath, ['scripts/start.mjs'], {
  env: { ...process.env, DEMO_PORT: String(DEMO_PORT), IMS_PORT: String(IMS_PORT) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
try {
  await waitForPort(DEMO_PORT, 60000);
  await waitForPort(IMS_PORT, 10000);
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  await page.goto(`http://localhost:${DEMO_PORT}/`);
  await page.locator('adobe-sign-in').getByRole('button').waitFor();
  await page.screenshot({ path: `${OUT}/demo-signed-out.png` });
  console.log(`${OUT}/demo-signed-out.png`);

  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.locator('adobe-sign-in').getByRole('button').click(),
  ]);
  await popup.getByLabel('Email address').waitFor();
  await popup.getByLabel('Email address').fill('test.user@example.com');
  await popup.screenshot({ path: `${OUT}/ims-sign-in.png` });
  console.log(`${OUT}/ims-sign-in.png`);
  await popup.getByLabel('Password').fill('adobe-test');
  await popup.getByRole('button', { name: 'Continue' }).click();
  await popup.getByRole('button', { name: 'Allow' }).click();
  await page.locator('#who').waitFor({ state: 'visible' });
  await page.locator('#timeline .check').waitFor();
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: `${OUT}/demo-signed-in.png`, fullPage: true });
  console.log(`${OUT}/demo-signed-in.png`);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('[name=scenario][value="500"]').check();
  await page.waitForTimeout(300);
  await page.evaluate(() => document.getElementById('timeline').replaceChildren());
  await page.getByRole('button', { name: 'Sign in with Adobe' }).click();
  await page.locator('#timeline li strong', { hasText: 'auth-error event' }).waitFor();
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: `${OUT}/demo-error.png`, fullPage: true });
  console.log(`${OUT}/demo-error.png`);

  await page.goto(`http://localhost:${DEMO_PORT}/languages.html`);
  await page
    .locator('tr[lang=ar] adobe-sign-in')
    .last()
    .evaluate((el) => el.updateComplete);
  await page.locator('table').screenshot({ path: `${OUT}/languages.png` });
  console.log(`${OUT}/languages.png`);
} finally {
  await browser.close();
  server.kill('SIGINT');
}
