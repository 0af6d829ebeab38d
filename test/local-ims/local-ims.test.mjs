import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startLocalIms, TEST_USER } from 'adobe-local-ims';
import { Browser, authorizeUrl, exchange, pkcePair } from '../support/ims-client.mjs';

const APP = 'http://app.localhost:9000';
const REDIRECT = `${APP}/redirect.html`;
let ims;

/**
 * Signs the test user in without screens (unless `auto` is false: the switches are the client's own then) and returns
 * the code, its verifier and the redirect URL.
 */
const signIn = async (clientId, extra = {}, auto = true, until = REDIRECT, browser = new Browser()) => {
  if (auto) ims.setSwitches(clientId, { auto: true });
  const { verifier, challenge } = pkcePair();
  const params = { client_id: clientId, redirect_uri: REDIRECT, code_challenge: challenge, ...extra };
  for (const k of Object.keys(params)) if (params[k] === undefined) delete params[k];
  const start = authorizeUrl(ims.origin, params);
  const { url, seen } = await browser.navigate(start, until);
  const back = new URL(url);
  return {
    code: back.searchParams.get('code'),
    back,
    verifier,
    browser,
    seen,
    state: new URL(start).searchParams.get('state'),
  };
};

let n = 0;
const client = () => `test-${process.pid}-${++n}`;

const post = (browser, url, body = {}) => browser.fetch(url, { method: 'POST', body: new URLSearchParams(body) });

/** Presses Allow on a consent screen; resolves with the code IMS sends back. */
const allow = async (browser, html) => {
  const action = new URL(/action="([^"]+\/consent)"/.exec(html)[1], ims.origin).href;
  const res = await post(browser, action);
  const { url } = await browser.navigate(new URL(res.headers.get('location'), ims.origin).href, REDIRECT);
  return { code: new URL(url).searchParams.get('code') };
};

/** Signs the test user in on a login screen and allows access; resolves with the code. */
const loginAndAllow = async (browser, html) => {
  const action = new URL(/action="([^"]+\/login)"/.exec(html)[1], ims.origin).href;
  const ok = await post(browser, action, { email: TEST_USER.email, password: TEST_USER.password });
  const next = await browser.navigate(new URL(ok.headers.get('location'), ims.origin).href, REDIRECT);
  return next.html ? allow(browser, next.html) : { code: new URL(next.url).searchParams.get('code') };
};

/** Starts a sign-in of the registered client (screens on) in `browser`; resolves with where it lands and the verifier. */
const startRegistered = async (browser, extra = {}) => {
  ims.setSwitches('registered', {});
  const { challenge, verifier } = pkcePair();
  const start = authorizeUrl(ims.origin, {
    client_id: 'registered',
    redirect_uri: REDIRECT,
    code_challenge: challenge,
    ...extra,
  });
  return { ...(await browser.navigate(start, REDIRECT)), verifier };
};

describe('local IMS', () => {
  before(async () => {
    ims = await startLocalIms({
      port: 0,
      clients: [
        { clientId: 'registered', redirectUris: [REDIRECT] },
        {
          clientId: 'patterned',
          redirectUriPatterns: ['^http://app\\.localhost:9000/(a|b)\\.html$'],
          defaultRedirectUri: `${APP}/default.html`,
        },
        {
          clientId: 'any-port',
          redirectUriPatterns: ['^http://localhost:\\d+/cb\\.html$'],
          defaultRedirectUri: 'https://default.localhost/cb.html',
        },
      ],
      dynamicClients: { prefix: 'test-', redirectUris: [REDIRECT] },
    });
  });
  after(() => ims.close());

  it('serves discovery with IMS paths', async () => {
    const res = await fetch(`${ims.origin}/ims/.well-known/openid-configuration`);
    assert.equal(res.status, 200);
    const d = await res.json();
    // As IMS's own discovery says: the issuer is the origin, the endpoints are under /ims.
    assert.equal(d.issuer, ims.origin);
    assert.equal(d.authorization_response_iss_parameter_supported, true);
    assert.equal(d.authorization_endpoint, `${ims.origin}/ims/authorize/v2`);
    assert.equal(d.token_endpoint, `${ims.origin}/ims/token/v3`);
    assert.equal(d.userinfo_endpoint, `${ims.origin}/ims/userinfo/v2`);
    assert.equal(d.revocation_endpoint, `${ims.origin}/ims/revoke`);
    assert.equal(d.jwks_uri, `${ims.origin}/ims/keys`);
    assert.deepEqual(d.code_challenge_methods_supported, ['S256']);
    assert.equal((await fetch(d.jwks_uri)).status, 200);
  });

  it('issues a token for the right verifier, with expires_in in seconds, and userinfo for it', async () => {
    const id = client();
    const { code, back, verifier, state } = await signIn(id);
    assert.ok(code, `no code in ${back}`);
    assert.equal(back.searchParams.get('state'), state);
    assert.equal(back.searchParams.get('iss'), ims.origin);
    const res = await exchange(ims.origin, { clientId: id, code, verifier, redirectUri: REDIRECT, origin: APP });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), APP);
    const t = await res.json();
    assert.equal(typeof t.access_token, 'string');
    assert.equal(t.token_type.toLowerCase(), 'bearer');
    assert.equal(t.expires_in, 86400);
    assert.ok(t.id_token);
    assert.equal(t.refresh_token, undefined);
    const info = await fetch(`${ims.origin}/ims/userinfo/v2?client_id=${id}`, {
      headers: { authorization: `Bearer ${t.access_token}` },
    });
    assert.equal(info.status, 200);
    // AdobeID,openid: the subject only, as IMS gives it; names need `profile`, email needs `email`.
    assert.deepEqual(await info.json(), { sub: TEST_USER.sub });
  });

  for (const [scope, claims] of [
    [
      'AdobeID,openid,profile',
      { name: TEST_USER.name, given_name: 'Test', family_name: 'User', account_type: 'type1' },
    ],
    ['AdobeID,openid,email', { email: TEST_USER.email, email_verified: true }],
  ]) {
    it(`gives userinfo claims by scope, as IMS does (${scope})`, async () => {
      const id = client();
      const { code, verifier } = await signIn(id, { scope });
      const t = await (await exchange(ims.origin, { clientId: id, code, verifier, redirectUri: REDIRECT })).json();
      const info = await fetch(`${ims.origin}/ims/userinfo/v2?client_id=${id}`, {
        headers: { authorization: `Bearer ${t.access_token}` },
      });
      assert.deepEqual(await info.json(), { sub: TEST_USER.sub, ...claims });
    });
  }

  it('leaves iss out of its answers, or sends another, when the iss switch says so', async () => {
    const dropped = client();
    ims.setSwitches(dropped, { auto: true, iss: '' });
    assert.equal((await signIn(dropped, {}, false)).back.searchParams.has('iss'), false);
    const forged = client();
    ims.setSwitches(forged, { auto: true, iss: 'https://attacker.example' });
    assert.equal((await signIn(forged, {}, false)).back.searchParams.get('iss'), 'https://attacker.example');
  });

  it('issues tokens with the lifetime the tokenTtl switch gives', async () => {
    const id = client();
    const { code, verifier } = await signIn(id);
    ims.setSwitches(id, { tokenTtl: 5 });
    const t = await (await exchange(ims.origin, { clientId: id, code, verifier, redirectUri: REDIRECT })).json();
    assert.equal(t.expires_in, 5);
  });

  for (const [name, verifier] of [
    ['wrong', pkcePair().verifier],
    ['missing', null],
  ]) {
    it(`refuses a ${name} code_verifier with invalid_grant`, async () => {
      const id = client();
      const { code } = await signIn(id);
      const res = await exchange(ims.origin, { clientId: id, code, verifier, redirectUri: REDIRECT });
      assert.equal(res.status, 400);
      assert.match((await res.json()).error, /^invalid_(grant|request)$/);
    });
  }

  it('refuses the plain challenge method at the authorize endpoint', async () => {
    const id = client();
    ims.setSwitches(id, { auto: true });
    const { verifier } = pkcePair();
    const { url } = await new Browser().navigate(
      authorizeUrl(ims.origin, {
        client_id: id,
        redirect_uri: REDIRECT,
        code_challenge: verifier,
        code_challenge_method: 'plain',
      }),
      REDIRECT,
    );
    const back = new URL(url);
    assert.equal(back.searchParams.get('code'), null);
    assert.equal(back.searchParams.get('error'), 'invalid_request');
  });

  it('refuses an authorization request without a code_challenge', async () => {
    const id = client();
    const { back } = await signIn(id, { code_challenge: '', code_challenge_method: '' });
    assert.equal(back.searchParams.get('code'), null);
    assert.equal(back.searchParams.get('error'), 'invalid_request');
  });

  it('refuses a code used twice', async () => {
    const id = client();
    const { code, verifier } = await signIn(id);
    const first = await exchange(ims.origin, { clientId: id, code, verifier, redirectUri: REDIRECT });
    assert.equal(first.status, 200);
    const again = await exchange(ims.origin, { clientId: id, code, verifier, redirectUri: REDIRECT });
    assert.equal(again.status, 400);
    assert.equal((await again.json()).error, 'invalid_grant');
  });

  it('allows CORS only for the origins of the registered redirect URIs', async () => {
    const id = client();
    const { code, verifier } = await signIn(id);
    const res = await exchange(ims.origin, {
      clientId: id,
      code,
      verifier,
      redirectUri: REDIRECT,
      origin: 'http://evil.localhost:9000',
    });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  it('accepts comma-separated IMS scopes', async () => {
    const id = client();
    const { code, verifier } = await signIn(id, { scope: 'AdobeID,openid,creative_sdk' });
    const t = await (await exchange(ims.origin, { clientId: id, code, verifier, redirectUri: REDIRECT })).json();
    assert.deepEqual(t.scope.split(' ').sort(), ['AdobeID', 'creative_sdk', 'openid']);
  });

  it('sends Cross-Origin-Opener-Policy on its pages only when the coop switch is on', async () => {
    const plain = await signIn(client());
    assert.ok(plain.seen.every(({ res }) => !res.headers.get('cross-origin-opener-policy')));
    const id = client();
    ims.setSwitches(id, { auto: true, coop: true });
    const { verifier, challenge } = pkcePair();
    const { seen } = await new Browser().navigate(
      authorizeUrl(ims.origin, { client_id: id, redirect_uri: REDIRECT, code_challenge: challenge }),
      REDIRECT,
    );
    const pages = seen.filter(({ res }) => res.status === 200);
    assert.ok(pages.length >= 1);
    for (const { res } of pages) assert.equal(res.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.ok(verifier);
  });

  it('shows a login screen that checks the password, then consent, then returns a code', async () => {
    const { verifier, challenge } = pkcePair();
    const browser = new Browser();
    const start = authorizeUrl(ims.origin, {
      client_id: 'registered',
      redirect_uri: REDIRECT,
      code_challenge: challenge,
    });
    const login = await browser.navigate(start, REDIRECT);
    assert.match(login.html, /Sign in/);
    const action = new URL(/action="([^"]+\/login)"/.exec(login.html)[1], ims.origin).href;
    const post = (url, body) => browser.fetch(url, { method: 'POST', body: new URLSearchParams(body) });
    const wrong = await post(action, { email: TEST_USER.email, password: 'nope' });
    assert.match(await wrong.text(), /do not match/);
    const ok = await post(action, { email: TEST_USER.email, password: TEST_USER.password });
    const consent = await browser.navigate(new URL(ok.headers.get('location'), ims.origin).href, REDIRECT);
    assert.match(consent.html, /Allow access/);
    const allow = new URL(/action="([^"]+\/consent)"/.exec(consent.html)[1], ims.origin).href;
    const allowed = await post(allow, {});
    const { url } = await browser.navigate(new URL(allowed.headers.get('location'), ims.origin).href, REDIRECT);
    const code = new URL(url).searchParams.get('code');
    const res = await exchange(ims.origin, { clientId: 'registered', code, verifier, redirectUri: REDIRECT });
    assert.equal(res.status, 200);
  });

  it('returns access_denied when the user cancels', async () => {
    const { challenge } = pkcePair();
    const browser = new Browser();
    const login = await browser.navigate(
      authorizeUrl(ims.origin, { client_id: 'registered', redirect_uri: REDIRECT, code_challenge: challenge }),
      REDIRECT,
    );
    const cancel = new URL(/action="([^"]+\/cancel)"/.exec(login.html)[1], ims.origin).href;
    const res = await browser.fetch(cancel, { method: 'POST' });
    const { url } = await browser.navigate(new URL(res.headers.get('location'), ims.origin).href, REDIRECT);
    assert.equal(new URL(url).searchParams.get('error'), 'access_denied');
  });

  it("matches redirect URIs with the credential's Redirect URI Patterns (regular expressions)", async () => {
    for (const page of ['a.html', 'b.html']) {
      const { back } = await signIn('patterned', { redirect_uri: `${APP}/${page}` }, true, `${APP}/`);
      assert.equal(back.origin + back.pathname, `${APP}/${page}`);
      assert.ok(back.searchParams.get('code'));
    }
  });

  it('answers a redirect_uri that matches no pattern at the Default Redirect URI, as IMS does', async () => {
    for (const redirect_uri of ['http://evil.localhost/cb', `${APP}/c.html`, undefined]) {
      const { back } = await signIn('patterned', { redirect_uri }, true, `${APP}/`);
      assert.equal(back.origin + back.pathname, `${APP}/default.html`, String(redirect_uri));
      assert.ok(back.searchParams.get('code'));
    }
  });

  it('lets the page of a redirect URI a pattern let through exchange its code (CORS), and no other', async () => {
    const page = 'http://localhost:7777';
    const { code, verifier } = await signIn('any-port', { redirect_uri: `${page}/cb.html` }, true, `${page}/`);
    const res = await exchange(ims.origin, {
      clientId: 'any-port',
      code,
      verifier,
      redirectUri: `${page}/cb.html`,
      origin: page,
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), page);
    const elsewhere = await signIn('any-port', { redirect_uri: `${page}/cb.html` }, true, `${page}/`);
    const other = await exchange(ims.origin, {
      clientId: 'any-port',
      code: elsewhere.code,
      verifier: elsewhere.verifier,
      redirectUri: `${page}/cb.html`,
      origin: 'http://localhost:7778',
    });
    assert.equal(other.headers.get('access-control-allow-origin'), null, 'an origin no redirect_uri was on');
  });

  for (const [failure, status] of [
    ['500', 500],
    ['429', 429],
    ['html', 502],
  ]) {
    it(`fails the token endpoint on request (${failure})`, async () => {
      const id = client();
      const { code, verifier } = await signIn(id);
      ims.setSwitches(id, { tokenFailure: failure });
      const res = await exchange(ims.origin, { clientId: id, code, verifier, redirectUri: REDIRECT, origin: APP });
      assert.equal(res.status, status);
      assert.equal(res.headers.get('access-control-allow-origin'), APP);
      if (failure === '429') assert.equal(res.headers.get('retry-after'), '5');
      if (failure === 'html') assert.match(res.headers.get('content-type'), /text\/html/);
    });
  }

  it('delays the token endpoint on request', async () => {
    const id = client();
    const { code, verifier } = await signIn(id);
    ims.setSwitches(id, { tokenDelayMs: 400 });
    const t0 = Date.now();
    const res = await exchange(ims.origin, { clientId: id, code, verifier, redirectUri: REDIRECT });
    assert.equal(res.status, 200);
    assert.ok(Date.now() - t0 >= 400);
  });

  it('answers no one when the page hangs up while the delay holds its token request, and prints nothing', async () => {
    const id = client();
    const { code, verifier } = await signIn(id);
    ims.setSwitches(id, { tokenDelayMs: 400 });
    const warnings = [];
    const warn = console.warn;
    console.warn = (...args) => warnings.push(args.join(' '));
    try {
      const hangUp = AbortSignal.timeout(150);
      await assert.rejects(
        exchange(ims.origin, { clientId: id, code, verifier, redirectUri: REDIRECT, signal: hangUp }),
        /TimeoutError|aborted/,
      );
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(warnings, []);
    ims.setSwitches(id, {});
    const res = await exchange(ims.origin, { clientId: id, code, verifier, redirectUri: REDIRECT });
    assert.equal(res.status, 200, 'the code was never redeemed');
  });

  it('signs in again without a screen while the IMS session lives', async () => {
    const browser = new Browser();
    const first = await startRegistered(browser);
    assert.match(first.html, /Sign in/);
    await loginAndAllow(browser, first.html);
    const again = await startRegistered(browser);
    assert.equal(again.html, undefined);
    assert.ok(new URL(again.url).searchParams.get('code'), 'straight back with a code');
  });

  it('lets two tabs of a signed-in browser both finish a sign-in they started at once, as IMS does', async () => {
    const browser = new Browser();
    await loginAndAllow(browser, (await startRegistered(browser)).html);
    // A new client: each tab gets its own consent screen, both shown before either is allowed.
    const id = client();
    ims.setSwitches(id, {});
    const tab = async () => {
      const { challenge } = pkcePair();
      const start = authorizeUrl(ims.origin, { client_id: id, redirect_uri: REDIRECT, code_challenge: challenge });
      const { html } = await browser.navigate(start, REDIRECT);
      assert.match(html, /Allow/);
      return html;
    };
    const [first, second] = [await tab(), await tab()];
    // The second tab's requests left before the first tab's answer came back: they carry the cookies as they were,
    // the session's id among them, which finishing the first sign-in has just replaced.
    const cookiesBefore = new Map(browser.cookies);
    assert.ok((await allow(browser, first)).code, 'the first tab has its code');
    browser.cookies = cookiesBefore;
    assert.ok((await allow(browser, second)).code, 'the second tab has its code');
  });

  it('ends the IMS session with a token-authenticated POST to /ims/logout/v1: the next sign-in asks again', async () => {
    const browser = new Browser();
    const first = await startRegistered(browser);
    const { code } = await loginAndAllow(browser, first.html);
    const res = await exchange(ims.origin, {
      clientId: 'registered',
      code,
      verifier: first.verifier,
      redirectUri: REDIRECT,
    });
    const t = await res.json();
    const before = ims.stats('registered').logouts;
    // As a page does it: a form post with the token, no cookies, a CORS simple request.
    const out = await fetch(`${ims.origin}/ims/logout/v1?client_id=registered`, {
      method: 'POST',
      headers: { origin: APP },
      body: new URLSearchParams({ client_id: 'registered', access_token: t.access_token }),
    });
    assert.equal(out.status, 200);
    assert.equal(out.headers.get('access-control-allow-origin'), APP);
    assert.equal(ims.stats('registered').logouts, before + 1);
    assert.match((await startRegistered(browser)).html, /Sign in/);
    const bad = await fetch(`${ims.origin}/ims/logout/v1`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'registered', access_token: 'forged' }),
    });
    assert.equal(bad.status, 400);
  });

  it('with logoutDelayMs, ends the session at once and answers the logout POST late', async () => {
    const { code, verifier } = await signIn('test-logout-late');
    const t = await (
      await exchange(ims.origin, { clientId: 'test-logout-late', code, verifier, redirectUri: REDIRECT })
    ).json();
    ims.setSwitches('test-logout-late', { logoutDelayMs: 800 });
    const t0 = Date.now();
    const answered = fetch(`${ims.origin}/ims/logout/v1?client_id=test-logout-late`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'test-logout-late', access_token: t.access_token }),
    });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(ims.stats('test-logout-late').logouts, 1, 'the session ended before the answer');
    assert.equal((await answered).status, 200);
    assert.ok(Date.now() - t0 >= 800);
  });

  it('shows a stand-in for the social provider for idp_flow=social.deep_link.web', async () => {
    const browser = new Browser();
    const social = await startRegistered(browser, { idp_flow: 'social.deep_link.web', provider_id: 'google' });
    assert.match(social.html, /Continue with Google/);
    assert.doesNotMatch(social.html, /Password/);
    const action = new URL(/action="([^"]+\/social)"/.exec(social.html)[1], ims.origin).href;
    const res = await post(browser, action);
    const consent = await browser.navigate(new URL(res.headers.get('location'), ims.origin).href, REDIRECT);
    const { code } = await allow(browser, consent.html);
    const t = await exchange(ims.origin, {
      clientId: 'registered',
      code,
      verifier: social.verifier,
      redirectUri: REDIRECT,
    });
    assert.equal(t.status, 200);
    assert.deepEqual(ims.stats('registered').screens.slice(-2), ['social:google', 'consent']);
  });

  it('signs out IMS-style and returns to a registered origin', async () => {
    const id = client();
    const { browser } = await signIn(id);
    assert.ok(browser.hasCookie('_session'));
    const res = await browser.fetch(
      `${ims.origin}/ims/logout/v1?client_id=${id}&redirect_uri=${encodeURIComponent(APP + '/')}`,
    );
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), APP + '/');
    assert.ok(!browser.hasCookie('_session'));
    const evil = await fetch(`${ims.origin}/ims/logout/v1?client_id=${id}&redirect_uri=http://evil.localhost/`, {
      redirect: 'manual',
    });
    assert.equal(evil.status, 400);
  });
});
