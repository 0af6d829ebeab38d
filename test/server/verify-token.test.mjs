// An app's server checks the token its page sends, with adobe-auth-elements/server as built (dist/), against the local
// IMS: a token from a real sign-in passes with who it is for; another client's, a revoked, an expired one and garbage
// are refused with their own codes; an IMS that cannot be asked never lets a token pass; an IMS origin the trust rule
// refuses gets config_error before anything is sent; a passed check is reused briefly, never past the token's expiry.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startLocalIms, TEST_USER } from 'adobe-local-ims';
import { AuthError, bearerToken, trustImsOrigin, verifyAdobeToken } from 'adobe-auth-elements/server';
import { revoke, tokenFor } from '../support/ims-client.mjs';

const REDIRECT = 'http://app.localhost:9000/redirect.html';
let ims;
let n = 0;
const newClient = () => `test-server-${++n}`;
const signIn = async (clientId, switches) =>
  (await tokenFor(ims, clientId, { redirectUri: REDIRECT, switches })).accessToken;

/** The fetch of verifyAdobeToken, counting what it asks IMS. */
const counting = () => {
  const asked = [];
  const f = (url, init) => (asked.push(String(url)), fetch(url, init));
  return { asked, fetch: f };
};

const refusal = async (promise, code) => {
  const e = await promise.then(
    () => assert.fail(`expected ${code}, but the token passed`),
    (x) => x,
  );
  assert.ok(e instanceof AuthError, `an AuthError, not ${e}`);
  assert.equal(e.code, code, e.message);
  return e;
};

describe('verifyAdobeToken(): the server checks the token with IMS', () => {
  before(async () => {
    ims = await startLocalIms({ port: 0, dynamicClients: { prefix: 'test-', redirectUris: [REDIRECT] } });
  });
  after(() => ims.close());

  it('passes a token from a real sign-in, with who it is for', async () => {
    const clientId = newClient();
    const token = await signIn(clientId);
    const before = Date.now();
    const claims = await verifyAdobeToken(token, { clientId, imsOrigin: ims.origin, cacheMs: 0 });
    assert.equal(claims.userId, TEST_USER.sub);
    assert.equal(claims.clientId, clientId);
    assert.equal(claims.type, 'access_token');
    assert.deepEqual(claims.scope, ['AdobeID', 'openid']);
    assert.ok(claims.createdAt <= before && claims.createdAt > before - 60_000, 'issued just now');
    assert.equal(claims.expiresAt - claims.createdAt, 24 * 3600_000);
    assert.equal(claims.raw.as, 'ims-na1');
  });

  it('takes any of several client ids', async () => {
    const clientId = newClient();
    const token = await signIn(clientId);
    const claims = await verifyAdobeToken(token, { clientId: ['another-app', clientId], imsOrigin: ims.origin });
    assert.equal(claims.clientId, clientId);
  });

  it("refuses another client's token: wrong_client, the audience check IMS alone does not make", async () => {
    const theirs = await signIn(newClient());
    const mine = newClient();
    await refusal(verifyAdobeToken(theirs, { clientId: mine, imsOrigin: ims.origin }), 'wrong_client');
  });

  it('refuses a token IMS calls valid when its claims name another client: wrong_client', async () => {
    // IMS vouches for any Adobe app's token; an opaque token says nothing of itself: the kit's check of IMS's claims.
    const claims = { type: 'access_token', user_id: 'U@AdobeID', created_at: `${Date.now()}`, expires_in: '86400000' };
    const answering = (extra) => async () => Response.json({ valid: true, token: { ...claims, ...extra } });
    const options = { clientId: 'mine', imsOrigin: ims.origin, cacheMs: 0 };
    await refusal(
      verifyAdobeToken('opaque', { ...options, fetch: answering({ client_id: 'theirs' }) }),
      'wrong_client',
    );
    await refusal(
      verifyAdobeToken('opaque', { ...options, fetch: answering({ client_id: 'mine', type: 'id_token' }) }),
      'invalid_token',
    );
    await refusal(
      verifyAdobeToken('opaque', { ...options, fetch: answering({ client_id: 'mine', expires_in: '-1' }) }),
      'expired',
    );
    const passed = await verifyAdobeToken('opaque', { ...options, fetch: answering({ client_id: 'mine' }) });
    assert.equal(passed.userId, 'U@AdobeID');
  });

  it('refuses a revoked token: invalid_token', async () => {
    const clientId = newClient();
    const token = await signIn(clientId);
    assert.equal((await revoke(ims.origin, clientId, token)).status, 200);
    await refusal(verifyAdobeToken(token, { clientId, imsOrigin: ims.origin }), 'invalid_token');
  });

  it('refuses garbage, and no token at all: invalid_token', async () => {
    const clientId = newClient();
    for (const garbage of ['garbage', 'a.b.c', `${'x'.repeat(40)}.${'y'.repeat(40)}.z`]) {
      await refusal(verifyAdobeToken(garbage, { clientId, imsOrigin: ims.origin }), 'invalid_token');
    }
    const { asked, fetch } = counting();
    for (const none of [undefined, null, '', 'two words', 42, 'x'.repeat(20_000)]) {
      await refusal(verifyAdobeToken(none, { clientId, imsOrigin: ims.origin, fetch }), 'invalid_token');
    }
    assert.deepEqual(asked, [], 'nothing asked for what is not a token');
  });

  it('refuses an expired token: expired', async () => {
    const clientId = newClient();
    const token = await signIn(clientId, { tokenTtl: 1 });
    await new Promise((r) => setTimeout(r, 1100));
    await refusal(verifyAdobeToken(token, { clientId, imsOrigin: ims.origin }), 'expired');
  });

  it('never passes a token when IMS cannot be asked: network_error', async () => {
    const clientId = newClient();
    const token = await signIn(clientId);
    const down = await startLocalIms({ port: 0 });
    const gone = down.origin;
    await down.close();
    await refusal(verifyAdobeToken(token, { clientId, imsOrigin: gone }), 'network_error');
    for (const [status, body] of [
      [503, 'Service Unavailable'],
      [200, '<html>a proxy page</html>'],
      [200, '{"valid": "yes"}'],
      [429, '{"error": "too_many_requests"}'],
    ]) {
      const answer = async () => new Response(body, { status });
      const e = await refusal(
        verifyAdobeToken(token, { clientId, imsOrigin: ims.origin, cacheMs: 0, fetch: answer }),
        'network_error',
      );
      assert.equal(e.status, status);
    }
  });

  it('sends nothing to an IMS origin the trust rule refuses: config_error', async () => {
    const clientId = newClient();
    const { asked, fetch } = counting();
    for (const imsOrigin of ['https://ims.attacker.example', 'http://ims.example', 'not a url']) {
      await refusal(verifyAdobeToken('a.b.c', { clientId, imsOrigin, fetch }), 'config_error');
    }
    await refusal(verifyAdobeToken('a.b.c', { clientId, environment: 'dev', fetch }), 'config_error');
    for (const bad of [undefined, '', [], [''], 42]) {
      await refusal(verifyAdobeToken('a.b.c', { clientId: bad, imsOrigin: ims.origin, fetch }), 'config_error');
    }
    assert.deepEqual(asked, []);
    trustImsOrigin('https://ims.partner.example');
    await refusal(
      verifyAdobeToken('a.b.c', {
        clientId,
        imsOrigin: 'https://ims.partner.example',
        fetch: async () => new Response('{}'),
      }),
      'network_error',
    );
  });

  it("asks Adobe's IMS by default, as IMS takes the question", async () => {
    let seen;
    const fetch = async (url, init) => ((seen = { url: String(url), init }), new Response('{"valid": false}'));
    await refusal(verifyAdobeToken('t0ken', { clientId: 'app', fetch }), 'invalid_token');
    assert.equal(seen.url, 'https://ims-na1.adobelogin.com/ims/validate_token/v1?client_id=app&type=access_token');
    assert.equal(seen.init.method, 'POST');
    assert.equal(seen.init.headers['X-IMS-ClientId'], 'app');
    assert.deepEqual(Object.fromEntries(seen.init.body), { type: 'access_token', client_id: 'app', token: 't0ken' });
    await refusal(verifyAdobeToken('t0ken', { clientId: 'app', environment: 'stage', fetch }), 'invalid_token');
    assert.match(seen.url, /^https:\/\/ims-na1-stg1\.adobelogin\.com\/ims\/validate_token\/v1\?/);
  });

  it('reuses a passed check briefly without asking IMS again, never past the token’s expiry', async () => {
    const clientId = newClient();
    const token = await signIn(clientId);
    const { asked, fetch } = counting();
    const options = { clientId, imsOrigin: ims.origin, fetch };
    const first = await verifyAdobeToken(token, options);
    assert.deepEqual(await verifyAdobeToken(token, options), first);
    assert.equal(asked.length, 1, 'the second check is answered from the cache');
    // Revoked meanwhile: the cached pass stands (the documented cost); with cacheMs: 0 IMS is asked and says no.
    await revoke(ims.origin, clientId, token);
    await verifyAdobeToken(token, options);
    await refusal(verifyAdobeToken(token, { ...options, cacheMs: 0 }), 'invalid_token');
    // The cache still answers for the audience it was asked about: another client id is refused.
    await refusal(verifyAdobeToken(token, { ...options, clientId: 'another-app' }), 'wrong_client');

    const short = newClient();
    const brief = await signIn(short, { tokenTtl: 1 });
    const counted = counting();
    await verifyAdobeToken(brief, { clientId: short, imsOrigin: ims.origin, fetch: counted.fetch });
    await new Promise((r) => setTimeout(r, 1100));
    await refusal(verifyAdobeToken(brief, { clientId: short, imsOrigin: ims.origin, fetch: counted.fetch }), 'expired');
  });
});

describe('bearerToken(): the token of a request', () => {
  it('reads Authorization: Bearer from a Fetch Request and a Node request', () => {
    assert.equal(bearerToken(new Request('http://x/', { headers: { authorization: 'Bearer abc.def' } })), 'abc.def');
    assert.equal(bearerToken({ headers: { authorization: 'bearer abc' } }), 'abc');
    for (const none of ['', 'Basic abc', 'Bearer', 'Bearer a b', 'Bearer a,b']) {
      assert.equal(bearerToken({ headers: { authorization: none } }), null, none);
    }
    assert.equal(bearerToken(new Request('http://x/')), null);
    assert.equal(bearerToken({ headers: {} }), null);
  });
});
