// The app as a user meets it, against the local IMS from the adobe-local-ims package: it starts on a free port with
// its screens passing by themselves (autoSignIn) for a user of the test's choosing, the app's dev server points at it
// (VITE_IMS_ORIGIN), and Chromium signs in through the popup, sees who signed in, and signs out.
import { createServer as listen } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { startLocalIms, type LocalIms } from 'adobe-local-ims';
import { createServer, type ViteDevServer } from 'vite';

const CLIENT_ID = 'adobe-auth-example';
let ims: LocalIms;
let app: ViteDevServer;
let appOrigin: string;

/** A port nothing listens on now. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = listen().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

test.beforeAll(async () => {
  ims = await startLocalIms({
    port: 0,
    autoSignIn: true,
    user: { name: 'Ada Lovelace', email: 'ada@example.com' },
    // The dev server's port is picked below: any local redirect page of the app will do.
    clients: [
      {
        clientId: CLIENT_ID,
        redirectUriPatterns: ['^http://localhost:\\d+/redirect\\.html$'],
        defaultRedirectUri: 'http://localhost:5173/redirect.html',
      },
    ],
  });
  process.env.VITE_IMS_ORIGIN = ims.origin;
  const port = await freePort();
  app = await createServer({
    root: fileURLToPath(new URL('..', import.meta.url)),
    server: { port, strictPort: true, host: 'localhost' },
    logLevel: 'silent',
  });
  await app.listen();
  appOrigin = `http://localhost:${port}`;
});

test.afterAll(async () => {
  await app?.close();
  await ims?.close();
});

test('signs in through the local IMS with no screen, shows who signed in, and signs out', async ({ page }) => {
  await page.goto(appOrigin);
  const status = page.getByRole('status');
  await expect(status).toHaveText('Signed out');
  const popup = page.waitForEvent('popup');
  await page.locator('adobe-sign-in').getByRole('button', { name: 'Sign in with Adobe' }).click();
  await (await popup).waitForEvent('close');
  await expect(status).toHaveText(/^Signed in until /);
  await expect(page.getByText('Signed in as Ada Lovelace')).toBeVisible();
  expect(ims.stats(CLIENT_ID).tokenRequests).toBe(1);

  await page.locator('adobe-sign-in').getByRole('button', { name: 'Sign out' }).click();
  await expect(status).toHaveText('Signed out');
  await expect.poll(() => ims.stats(CLIENT_ID).revocations).toBe(1);
});

test('close() frees the local IMS’s port', async () => {
  const port = Number(new URL(ims.origin).port);
  await ims.close();
  await new Promise<void>((resolve, reject) => {
    const s = listen()
      .once('error', reject)
      .listen(port, '127.0.0.1', () => s.close(() => resolve()));
  });
});
