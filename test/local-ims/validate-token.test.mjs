// The local IMS's access tokens are shaped like IMS's (a JWT: RS256, a header naming its certificate, IMS's claims in
// IMS's units), and it answers POST /ims/validate_token/v1 as IMS does, so that an app's server is developed against
// it as it will run against Adobe: valid for a live token of the client asked about; not valid for a revoked, an
// expired or another client's token, or anything that is not one of its tokens.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startLocalIms, TEST_USER } from 'adobe-local-ims';
import { revoke, tokenFor, userinfo } from '../support/ims-client.mjs';

const REDIRECT = 'http://app.localhost:9000/redirect.html';
let ims;
let n = 0;
const newClient = () => `test-validate-${++n}`;
const signIn = async (clientId, switches) =>
  (await tokenFor(ims, clientId, { redirectUri: REDIRECT, switches })).accessToken;

const part = (jwt, i) => JSON.parse(Buffer.from(jwt.split('.')[i], 'base64url'));

/** What aio-lib-ims and Adobe's Go client send. */
const validate = (token, clientId, { type = 'access_token', method = 'POST' } = {}) =>
  fetch(`${ims.origin}/ims/validate_token/v1?${new URLSearchParams({ client_id: clientId, type })}`, {
    method,
    headers: { 'X-IMS-ClientId': clientId },
    ...(method === 'POST' ? { body: new URLSearchParams({ token, type, client_id: clientId }) } : {}),
  });

const answer = async (res) => {
  assert.equal(res.status, 200);
  return res.json();
};

describe('local IMS: IMS-shaped access tokens and validate_token', () => {
  before(async () => {
    ims = await startLocalIms({ port: 0, dynamicClients: { prefix: 'test-', redirectUris: [REDIRECT] } });
  });
  after(() => ims.close());

  it("issues JWTs shaped like IMS's: header x5u and kid, claims in IMS's names and units", async () => {
    const clientId = newClient();
    const before = Date.now();
    const token = await signIn(clientId);
    assert.equal(token.split('.').length, 3);
    assert.deepEqual(part(token, 0), {
      alg: 'RS256',
      x5u: 'local-ims-key-at-1.cer',
      kid: 'local-ims-key-at-1',
      itt: 'at',
    });
    const claims = part(token, 1);
    assert.equal(claims.type, 'access_token');
    assert.equal(claims.client_id, clientId);
    assert.equal(claims.user_id, TEST_USER.sub);
    assert.equal(claims.as, 'ims-na1');
    assert.equal(claims.scope, 'AdobeID,openid');
    assert.equal(typeof claims.id, 'string');
    // Milliseconds, in strings.
    assert.match(claims.created_at, /^\d{13}$/);
    assert.ok(Number(claims.created_at) >= Math.floor(before / 1000) * 1000);
    assert.equal(claims.expires_in, '86400000');
  });

  it('takes its JWTs wherever a token goes: userinfo and revoke', async () => {
    const clientId = newClient();
    const token = await signIn(clientId);
    assert.deepEqual(await (await userinfo(ims.origin, clientId, token)).json(), { sub: TEST_USER.sub });
    assert.equal((await revoke(ims.origin, clientId, token)).status, 200);
    assert.equal((await userinfo(ims.origin, clientId, token)).status, 401);
  });

  it("answers valid, with the token's claims, for a live token of the client asked about", async () => {
    const clientId = newClient();
    const token = await signIn(clientId);
    assert.deepEqual(await answer(await validate(token, clientId)), { valid: true, token: part(token, 1) });
  });

  it('answers not valid for a revoked token', async () => {
    const clientId = newClient();
    const token = await signIn(clientId);
    await revoke(ims.origin, clientId, token);
    assert.deepEqual(await answer(await validate(token, clientId)), { valid: false, reason: 'token_revoked' });
  });

  it('answers not valid for an expired token', async () => {
    const clientId = newClient();
    const token = await signIn(clientId, { tokenTtl: 1 });
    await new Promise((r) => setTimeout(r, 1100));
    assert.deepEqual(await answer(await validate(token, clientId)), { valid: false, reason: 'token_expired' });
  });

  it("answers not valid for another client's token", async () => {
    const token = await signIn(newClient());
    assert.deepEqual(await answer(await validate(token, newClient())), { valid: false, reason: 'client_id_mismatch' });
  });

  it('answers not valid for what is not one of its tokens: garbage, a forged signature, another key', async () => {
    const clientId = newClient();
    const token = await signIn(clientId);
    const [header, , signature] = token.split('.');
    const claims = Buffer.from(JSON.stringify({ ...part(token, 1), user_id: 'someone-else@AdobeID' })).toString(
      'base64url',
    );
    const other = await startLocalIms({ port: 0, dynamicClients: { prefix: 'test-', redirectUris: [REDIRECT] } });
    const foreign = (await tokenFor(other, clientId, { redirectUri: REDIRECT })).accessToken;
    await other.close();
    for (const bad of ['garbage', '', `${header}.${claims}.${signature}`, foreign]) {
      assert.deepEqual(await answer(await validate(bad, clientId)), { valid: false, reason: 'bad_token' }, bad);
    }
  });

  it('refuses a question it does not take: no client id, another type, not a POST', async () => {
    const clientId = newClient();
    const token = await signIn(clientId);
    const noClient = await fetch(`${ims.origin}/ims/validate_token/v1`, {
      method: 'POST',
      body: new URLSearchParams({ token, type: 'access_token' }),
    });
    assert.equal(noClient.status, 400);
    assert.equal((await noClient.json()).error, 'invalid_request');
    assert.equal((await validate(token, clientId, { type: 'refresh_token' })).status, 400);
    assert.equal((await validate(token, clientId, { method: 'GET' })).status, 405);
  });
});
