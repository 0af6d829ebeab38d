// The stand-in Adobe API under /api/ on the local IMS's origin, as a page calls it with its token: it answers a live
// token of a registered client with that client's id as x-api-key, and refuses anything else as Adobe's API gateway
// does, with the gateway's error_code and message. Pages of the clients' origins can read every answer (CORS).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startLocalIms, TEST_USER } from 'adobe-local-ims';
import { inspectorEvents, revoke, tokenFor } from '../support/ims-client.mjs';

const APP = 'http://app.localhost:9000';
const REDIRECT = `${APP}/redirect.html`;
const OTHER_APP = 'http://other.localhost:9001';
let ims;
let n = 0;
const client = () => `test-api-${++n}`;

/** A request to the API as session.fetch() sends it, from the app's page unless `origin` says otherwise. */
const call = (path, { token, apiKey, origin = APP, method = 'GET', body, headers = {} } = {}) =>
  fetch(`${ims.origin}${path}`, {
    method,
    body,
    headers: {
      ...(origin ? { origin } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(apiKey ? { 'x-api-key': apiKey } : {}),
      ...headers,
    },
  });

const signedIn = async (switches) => {
  const id = client();
  return { id, ...(await tokenFor(ims, id, { redirectUri: REDIRECT, switches })) };
};

const refusal = async (res, status, error_code, message) => {
  assert.equal(res.status, status);
  assert.deepEqual(await res.json(), { error_code, message });
};

describe('local IMS: the stand-in Adobe API', () => {
  before(async () => {
    ims = await startLocalIms({
      port: 0,
      controls: true,
      inspector: true,
      clients: [{ clientId: 'other-app', redirectUris: [`${OTHER_APP}/redirect.html`] }],
      dynamicClients: { prefix: 'test-', redirectUris: [REDIRECT] },
    });
  });
  after(() => ims.close());

  it("answers a live token with its client's id as x-api-key: who asked, and what", async () => {
    const { id, accessToken } = await signedIn();
    const res = await call('/api/hello', { token: accessToken, apiKey: id });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), APP);
    assert.deepEqual(await res.json(), {
      ok: true,
      clientId: id,
      sub: TEST_USER.sub,
      method: 'GET',
      path: '/api/hello',
    });
  });

  it('answers any method and path under /api/ the same way', async () => {
    const { id, accessToken } = await signedIn();
    const res = await call('/api/libraries/42/elements', {
      token: accessToken,
      apiKey: id,
      method: 'POST',
      body: JSON.stringify({ name: 'x' }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(res.status, 200);
    const answer = await res.json();
    assert.equal(answer.method, 'POST');
    assert.equal(answer.path, '/api/libraries/42/elements');
  });

  it('refuses a request without a token: 403, error_code 403010', async () => {
    const { id } = await signedIn();
    const res = await call('/api/hello', { apiKey: id });
    assert.equal(res.headers.get('access-control-allow-origin'), APP, "the key's client's page reads it");
    await refusal(res, 403, '403010', 'Oauth token is missing.');
  });

  it('refuses a request without x-api-key: 403, error_code 403000 (the key is looked at first)', async () => {
    const { accessToken } = await signedIn();
    const res = await call('/api/hello', { token: accessToken });
    assert.equal(res.headers.get('access-control-allow-origin'), APP, "the token's client's page reads it");
    await refusal(res, 403, '403000', 'Api Key is required');
    await refusal(await call('/api/hello'), 403, '403000', 'Api Key is required');
  });

  it("refuses a key that is not the token's client, registered or not: 403, error_code 403003", async () => {
    const { accessToken } = await signedIn();
    await refusal(
      await call('/api/hello', { token: accessToken, apiKey: 'other-app' }),
      403,
      '403003',
      'Api Key is invalid',
    );
    await refusal(
      await call('/api/hello', { token: accessToken, apiKey: 'nobody' }),
      403,
      '403003',
      'Api Key is invalid',
    );
  });

  it('refuses a token revoked through /ims/revoke, an expired one and an unknown one: 401, error_code 401013', async () => {
    const revoked = await signedIn();
    assert.equal((await call('/api/hello', { token: revoked.accessToken, apiKey: revoked.id })).status, 200);
    assert.equal((await revoke(ims.origin, revoked.id, revoked.accessToken)).status, 200);
    const res = await call('/api/hello', { token: revoked.accessToken, apiKey: revoked.id });
    assert.equal(res.headers.get('access-control-allow-origin'), APP, 'the page reads it, and signs out');
    await refusal(res, 401, '401013', 'Oauth token is not valid');

    const expired = await signedIn({ tokenTtl: 1 });
    await new Promise((r) => setTimeout(r, 1100));
    const late = await call('/api/hello', { token: expired.accessToken, apiKey: expired.id });
    await refusal(late, 401, '401013', 'Oauth token is not valid');

    const unknown = await call('/api/hello', { token: 'made-up', apiKey: revoked.id });
    await refusal(unknown, 401, '401013', 'Oauth token is not valid');
  });

  it("lets only the client's own origins read its answers", async () => {
    const { id, accessToken } = await signedIn();
    const evil = await call('/api/hello', { token: accessToken, apiKey: id, origin: 'http://evil.localhost' });
    assert.equal(evil.status, 200);
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    const other = await call('/api/hello', { token: accessToken, apiKey: id, origin: OTHER_APP });
    assert.equal(other.headers.get('access-control-allow-origin'), null, "another client's origin");
  });

  it("answers the preflight for Authorization and x-api-key from any client's origin, and no other", async () => {
    const preflight = (origin) =>
      fetch(`${ims.origin}/api/hello`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,x-api-key,content-type',
        },
      });
    for (const origin of [APP, OTHER_APP]) {
      const res = await preflight(origin);
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), origin);
      assert.equal(res.headers.get('access-control-allow-headers'), 'authorization, x-api-key, content-type');
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        assert.match(res.headers.get('access-control-allow-methods'), new RegExp(`\\b${method}\\b`));
      }
    }
    const evil = await preflight('http://evil.localhost');
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    assert.equal(evil.headers.get('access-control-allow-headers'), null);
  });

  it('counts the requests of each client, and tells the flow inspector of each', async () => {
    const { id, accessToken } = await signedIn();
    const events = await inspectorEvents(ims.origin, id);
    try {
      await call('/api/hello', { token: accessToken, apiKey: id });
      assert.deepEqual(
        { ...(await events.next('api')), at: undefined, seq: undefined },
        {
          type: 'api',
          clientId: id,
          at: undefined,
          seq: undefined,
          method: 'GET',
          path: '/api/hello',
          authorization: `Bearer ${accessToken}`,
          apiKey: id,
          status: 200,
        },
      );
      await call('/api/hello', { apiKey: id });
      assert.equal((await events.next('api')).status, 403);
    } finally {
      events.close();
    }
    assert.equal(ims.stats(id).apiRequests, 2);
  });

  it("revokes every live token of a client at IMS on the demo's control (POST /__ims/revoke-tokens)", async () => {
    const a = await signedIn();
    const b = await tokenFor(ims, a.id, { redirectUri: REDIRECT });
    const bystander = await signedIn();
    // From the demo's page, a page of one of the IMS's clients.
    const page = new URL(REDIRECT).origin;
    const res = await fetch(`${ims.origin}/__ims/revoke-tokens?client_id=${a.id}`, {
      method: 'POST',
      headers: { origin: page },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), page);
    for (const token of [a.accessToken, b.accessToken]) {
      await refusal(await call('/api/hello', { token, apiKey: a.id }), 401, '401013', 'Oauth token is not valid');
    }
    const still = await call('/api/hello', { token: bystander.accessToken, apiKey: bystander.id });
    assert.equal(still.status, 200, "another client's token lives on");
  });

  it('serves the control only when controls are on, and the API always', async () => {
    const plain = await startLocalIms({ port: 0, dynamicClients: { prefix: 'test-', redirectUris: [REDIRECT] } });
    try {
      const id = client();
      const { accessToken } = await tokenFor(plain, id, { redirectUri: REDIRECT });
      const control = await fetch(`${plain.origin}/__ims/revoke-tokens?client_id=${id}`, { method: 'POST' });
      assert.equal(control.status, 404);
      const res = await fetch(`${plain.origin}/api/hello`, {
        headers: { authorization: `Bearer ${accessToken}`, 'x-api-key': id },
      });
      assert.equal(res.status, 200);
    } finally {
      await plain.close();
    }
  });
});
