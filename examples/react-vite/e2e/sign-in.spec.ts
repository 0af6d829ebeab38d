// The app as a user meets it, against the local IMS from the adobe-local-ims package: it starts on a free port with
// its screens passing by themselves (autoSignIn) for a user of the test's choosing, the app's dev server points at it
// (VITE_IMS_ORIGIN), and Chromium signs in through the popup, sees who signed in, and signs out. The app's own server
// route (/api/me, server/who-am-i.ts) answers who signed in for the app's token only.
import { createHash, randomBytes } from 'node:crypto';
import { createServer as listen } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { startLocalIms, type LocalIms } from 'adobe-local-ims';
import { createServer, type ViteDevServer } from 'vite';

const CLIENT_ID = 'adobe-auth-example';
/** Another app's client id at the same IMS: its users' tokens are valid at IMS, and not this app's. */
const OTHER_APP = 'another-adobe-app';
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
      { clientId: OTHER_APP, redirectUris: ['http://localhost:5999/redirect.html'] },
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

/** Signs in through the app's button; resolves with the access token the page got (its element's `token`). */
const signIn = async (page: Page) => {
  const popup = page.waitForEvent('popup');
  await page.locator('adobe-sign-in').getByRole('button', { name: 'Sign in with Adobe' }).click();
  await (await popup).waitForEvent('close');
  await expect(page.getByRole('status')).toHaveText(/^Signed in until /);
  return page
    .locator('adobe-sign-in')
    .evaluate((el) => (el as unknown as { token: { accessToken: string } }).token.accessToken);
};

/**
 * A token of another app at the same IMS, from a sign-in of that app in a tab of its own (PKCE, by hand: its redirect
 * page is not here), which closes once its redirect page has loaded: the app's tab goes on undisturbed.
 */
const otherAppsToken = async (page: Page) => {
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = 'http://localhost:5999/redirect.html';
  const tab = await page.context().newPage();
  await tab.route(`${redirectUri}?*`, (route) => route.fulfill({ body: 'signed in' }));
  await tab.goto(
    `${ims.origin}/ims/authorize/v2?${new URLSearchParams({
      client_id: OTHER_APP,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'AdobeID,openid',
      state: 'other',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    })}`,
  );
  await tab.waitForURL(`${redirectUri}?**`);
  const code = new URL(tab.url()).searchParams.get('code');
  await tab.close();
  expect(code).not.toBeNull();
  const res = await fetch(`${ims.origin}/ims/token/v3?client_id=${OTHER_APP}`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: code!,
      code_verifier: verifier,
      client_id: OTHER_APP,
      redirect_uri: redirectUri,
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
};

test("the app's server answers who signed in, for the app's own token only", async ({ page }) => {
  await page.goto(appOrigin);
  const token = await signIn(page);
  await page.getByRole('button', { name: 'Ask the server who I am' }).click();
  await expect(page.getByRole('note')).toHaveText(/^The server says you are \S+@AdobeID$/);

  const me = (authorization?: string) =>
    fetch(`${appOrigin}/api/me`, { headers: authorization ? { authorization } : {} });
  const refused = async (authorization: string | undefined, error: string) => {
    const res = await me(authorization);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error });
  };
  const ok = await me(`Bearer ${token}`);
  expect(ok.status).toBe(200);
  expect(await ok.json()).toMatchObject({ clientId: CLIENT_ID, scope: expect.arrayContaining(['AdobeID']) });
  await refused(undefined, 'no_token');
  await refused('Bearer garbage', 'invalid_token');
  await refused(`Bearer ${await otherAppsToken(page)}`, 'wrong_client');

  // Signed out, the token is revoked: a token the server never saw before its sign-out is refused at once (one it
  // checked stays passed for up to a minute: verifyAdobeToken's cache).
  await page.goto(appOrigin);
  await page.locator('adobe-sign-in').getByRole('button', { name: 'Sign out' }).click();
  const fresh = await signIn(page);
  const revoked = ims.stats(CLIENT_ID).revocations + 1;
  await page.locator('adobe-sign-in').getByRole('button', { name: 'Sign out' }).click();
  await expect.poll(() => ims.stats(CLIENT_ID).revocations).toBe(revoked);
  await refused(`Bearer ${fresh}`, 'invalid_token');
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
