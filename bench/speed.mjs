// Click → token: how long a user waits between clicking "Sign in" and the page holding a token, for this kit and
// oidc-client-ts against the same local OpenID Provider (the local IMS, signing in without screens), in a popup and
// with the whole page, directly and through a proxy that adds 100 ms to every request to the provider. Popup: the
// token in the page that opened it. Full page: the token on the redirect page, where it first exists. A first
// sign-in goes through the provider's login and consent steps; a returning user's IMS session skips them. The kit's
// page asks for profile and email too: it also measures click → profile (the userinfo request the kit makes after the
// token event), and both clients' requests to the provider in each sign-in, CORS preflights among them.
/* global window */
import { readFileSync } from 'node:fs';
import { startLocalIms } from 'adobe-local-ims';
import { KIT, bundle, delayProxy, median, quartiles, serveSite } from './support.mjs';
import { freePorts } from '../test/support/ports.mjs';

const CLIENT = 'bench';

export async function measureSpeed(browser, runs) {
  const [SITE_PORT, behindPort, proxyPort] = await freePorts(3);
  const SITE = `http://localhost:${SITE_PORT}`;
  const redirects = [`${SITE}/kit-redirect.html`, `${SITE}/oidc-callback.html`];
  const client = { clientId: CLIENT, redirectUris: redirects };
  const direct = await startLocalIms({ port: 0, clients: [client], switches: { auto: true } });
  const behind = await startLocalIms({
    port: behindPort,
    publicOrigin: `http://localhost:${proxyPort}`,
    clients: [client],
    switches: { auto: true },
  });
  const proxy = await delayProxy(proxyPort, behindPort, 100);
  const files = {
    '/kit.js': readFileSync(KIT),
    '/oidc-client-ts.js': await bundle(`export { UserManager } from 'oidc-client-ts';`),
  };
  let ims = direct.origin;
  // Every request the provider gets, as the server sees it: the browser's CORS preflights too.
  let requests = [];
  for (const op of [direct, behind]) op.server.on('request', (req) => requests.push(req.method));
  let mode = 'popup';
  const site = await serveSite(SITE_PORT, () => ({ ims, mode, site: SITE, client: CLIENT }), files);

  /**
   * One sign-in in a fresh browser context; resolves with its milliseconds, the kit's click → profile (popup) and the
   * requests the sign-in made to the provider. `returning`: an earlier sign-in in that context left an IMS session, so
   * the provider shows no steps.
   */
  const once = async (lib, returning) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      if (returning) {
        await page.goto(`${SITE}/${lib}.html`);
        await page.waitForFunction(() => window.ready);
        await page.evaluate((m) => sessionStorage.setItem('bench:mode', m), 'popup');
        await (lib === 'kit' ? page.locator('adobe-sign-in').getByRole('button') : page.getByRole('button')).click();
        await page.waitForFunction(() => window.result, null, { timeout: 30000, polling: 10 });
        await page.evaluate(() => sessionStorage.clear());
      }
      await page.goto(`${SITE}/${lib}.html`);
      await page.waitForFunction(() => window.ready);
      await page.evaluate((m) => sessionStorage.setItem('bench:mode', m), mode);
      requests = [];
      const button = lib === 'kit' ? page.locator('adobe-sign-in').getByRole('button') : page.getByRole('button');
      await button.click();
      // Popup: the result is in this page. Full page: on the redirect page this page became.
      const handle = await page.waitForFunction(() => window.result, null, { timeout: 30000, polling: 10 });
      const token = await handle.jsonValue();
      let profile;
      if (lib === 'kit' && mode === 'popup' && !process.env.BENCH_KIT) {
        profile = await (
          await page.waitForFunction(() => window.profile, null, { timeout: 30000, polling: 10 })
        ).jsonValue();
      } else await page.waitForTimeout(200);
      return { token, profile, requests: requests.length, preflights: requests.filter((m) => m === 'OPTIONS').length };
    } finally {
      await context.close();
    }
  };

  const results = [];
  try {
    for (const [latency, origin] of [
      [0, direct.origin],
      [100, behind.origin],
    ]) {
      for (const [m, returning] of [
        ['popup', false],
        ['popup', true],
        ['redirect', false],
      ]) {
        ims = origin;
        mode = m;
        const times = { kit: [], oidc: [] };
        await once('kit', returning); // warm-up, not counted
        await once('oidc', returning);
        // Interleaved: the two clients take turns, so a slow moment of the machine hits both.
        for (let i = 0; i < runs; i++) {
          for (const lib of i % 2 ? ['oidc', 'kit'] : ['kit', 'oidc']) times[lib].push(await once(lib, returning));
        }
        results.push({ latency, mode: m, returning, kit: times.kit, oidc: times.oidc });
      }
    }
  } finally {
    site.close();
    proxy.close();
    await direct.close();
    await behind.close();
  }
  const spread = (xs) => {
    const [p25, p75] = quartiles(xs);
    return `${median(xs)} (${p25}–${p75})`;
  };
  const of = (xs, key) => xs.map((x) => x[key]);
  const caseOf = (r) => ({
    'added latency per OP request': `${r.latency} ms`,
    'sign-in':
      (r.mode === 'popup' ? 'popup, token in the opener' : 'full page, token on the redirect page') +
      (r.returning ? ', IMS session alive' : ', first'),
  });
  const token = results.map((r) => ({
    ...caseOf(r),
    'kit median (p25–p75) ms': spread(of(r.kit, 'token')),
    'oidc-client-ts median (p25–p75) ms': spread(of(r.oidc, 'token')),
    'kit / oidc-client-ts': (median(of(r.kit, 'token')) / median(of(r.oidc, 'token'))).toFixed(2),
  }));
  const profile = results.map((r) => ({
    ...caseOf(r),
    'kit click → profile, median (p25–p75) ms': r.kit[0].profile == null ? '—' : spread(of(r.kit, 'profile')),
    'kit requests to the OP (preflights)': `${median(of(r.kit, 'requests'))} (${median(of(r.kit, 'preflights'))})`,
    'oidc-client-ts requests to the OP (preflights)': `${median(of(r.oidc, 'requests'))} (${median(of(r.oidc, 'preflights'))})`,
  }));
  return { token, profile };
}
