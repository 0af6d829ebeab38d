import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startLocalIms, TEST_USER } from '../../local-ims/server.mjs';
import { Browser, authorizeUrl, exchange, pkcePair } from '../support/ims-client.mjs';

const APP = 'http://app.localhost:9000';
const REDIRECT = `${APP}/redirect.html`;
let ims;

/** Signs the test user in without screens and returns the code, its verifier and the redirect URL. */
const signIn = async (clientId, extra = {}) => {
  ims.setSwitches(clientId, { auto: true });
  const { verifier, challenge } = pkcePair();
  const browser = new Browser();
  const start = authorizeUrl(ims.origin, {
    client_id: clientId,
    redirect_uri: REDIRECT,
    code_challenge: challenge,
    ...extra,
  });
  const { url, seen } = await browser.navigate(start, REDIRECT);
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

describe('local IMS', () => {
  before(async () => {
    ims = await startLocalIms({
      port: 0,
      clients: [{ client_id: 'registered', redirect_uris: [REDIRECT] }],
      dynamicClients: { prefix: 'test-', redirect_uris: [REDIRECT] },
    });
  });
  after(() => ims.close());

  it('serves discovery with IMS paths', async () => {
    const res = await fetch(`${ims.origin}/ims/.well-known/openid-configuration`);
    assert.equal(res.status, 200);
    const d = await res.json();
    assert.equal(d.issuer, `${ims.origin}/ims`);
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
    const who = await info.json();
    assert.equal(who.sub, TEST_USER.sub);
    assert.equal(who.email, TEST_USER.email);
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

  it('refuses an unregistered redirect URI without redirecting to it', async () => {
    const { challenge } = pkcePair();
    const res = await fetch(
      authorizeUrl(ims.origin, {
        client_id: 'registered',
        redirect_uri: 'http://evil.localhost/cb',
        code_challenge: challenge,
      }),
      { redirect: 'manual' },
    );
    assert.equal(res.headers.get('location'), null);
    assert.equal(res.status, 400);
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

  it('signs out IMS-style and returns to a registered origin', async () => {
    const id = client();
    const { browser } = await signIn(id);
    assert.ok(browser.cookies.has('_session'));
    const res = await browser.fetch(
      `${ims.origin}/ims/logout/v1?client_id=${id}&redirect_uri=${encodeURIComponent(APP + '/')}`,
    );
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), APP + '/');
    assert.ok(!browser.cookies.has('_session'));
    const evil = await fetch(`${ims.origin}/ims/logout/v1?client_id=${id}&redirect_uri=http://evil.localhost/`, {
      redirect: 'manual',
    });
    assert.equal(evil.status, 400);
  });
});
