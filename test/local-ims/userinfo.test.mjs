// The userinfo endpoint's switches, for tests of a page that asks who is signed in: IMS failing in each way a page
// must survive (userinfo=500|html|garbage|other-sub|hang, userinfoDelayMs), each answer readable by the client's page
// (CORS, preflight included: the page sends Authorization), and the requests counted per client.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startLocalIms, TEST_USER } from 'adobe-local-ims';
import { tokenFor, userinfo } from '../support/ims-client.mjs';

const APP = 'http://app.localhost:9000';
const REDIRECT = `${APP}/redirect.html`;
const SCOPE = 'AdobeID,openid,profile,email';
let ims;
let n = 0;
const client = () => `test-userinfo-${++n}`;

/** A signed-in client whose userinfo answers as `switches` say. */
const signedIn = async (switches) => {
  const id = client();
  const { accessToken } = await tokenFor(ims, id, { redirectUri: REDIRECT, scope: SCOPE });
  ims.setSwitches(id, switches);
  return { id, accessToken };
};

const fromApp = { headers: { origin: APP } };

describe('local IMS: userinfo switches', () => {
  before(async () => {
    ims = await startLocalIms({
      port: 0,
      controls: true,
      dynamicClients: { prefix: 'test-', redirectUris: [REDIRECT] },
    });
  });
  after(() => ims.close());

  it("answers with the token's claims by scope, readable from the client's origin, and counts the requests", async () => {
    const { id, accessToken } = await signedIn({});
    const res = await userinfo(ims.origin, id, accessToken, fromApp);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), APP);
    assert.equal((await res.json()).sub, TEST_USER.sub);
    await userinfo(ims.origin, id, accessToken);
    assert.equal(ims.stats(id).userinfoRequests, 2);
  });

  it('answers the preflight a page sends for its Authorization header, even with a failure switched on', async () => {
    const { id } = await signedIn({ userinfo: 'hang' });
    const res = await fetch(`${ims.origin}/ims/userinfo/v2?client_id=${id}`, {
      method: 'OPTIONS',
      headers: {
        origin: APP,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), APP);
    assert.match(res.headers.get('access-control-allow-headers'), /\bauthorization\b/i);
    assert.match(res.headers.get('access-control-allow-methods'), /\bGET\b/);
    assert.equal(ims.stats(id).userinfoRequests, 0, 'a preflight is not a userinfo request');
  });

  for (const [failure, status, type, parses] of [
    ['500', 500, /application\/json/, true],
    ['html', 502, /text\/html/, false],
    ['garbage', 200, /application\/json/, false],
  ]) {
    it(`fails on request (userinfo=${failure}), readable from the client's origin only`, async () => {
      const { id, accessToken } = await signedIn({ userinfo: failure });
      const res = await userinfo(ims.origin, id, accessToken, fromApp);
      assert.equal(res.status, status);
      assert.match(res.headers.get('content-type'), type);
      assert.equal(res.headers.get('access-control-allow-origin'), APP);
      const body = await res.text();
      if (parses) assert.deepEqual(JSON.parse(body), { error: 'server_error' });
      else assert.throws(() => JSON.parse(body));
      const evil = await userinfo(ims.origin, id, accessToken, { headers: { origin: 'http://evil.localhost' } });
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
      assert.equal(ims.stats(id).userinfoRequests, 2);
    });
  }

  it("answers the token's claims with another user's sub (userinfo=other-sub)", async () => {
    const { id, accessToken } = await signedIn({});
    const right = await (await userinfo(ims.origin, id, accessToken)).json();
    ims.setSwitches(id, { userinfo: 'other-sub' });
    const res = await userinfo(ims.origin, id, accessToken, fromApp);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), APP);
    const { sub, ...claims } = await res.json();
    const { sub: rightSub, ...rightClaims } = right;
    assert.equal(rightSub, TEST_USER.sub);
    assert.equal(typeof sub, 'string');
    assert.notEqual(sub, TEST_USER.sub);
    assert.deepEqual(claims, rightClaims);
    assert.equal(claims.email, TEST_USER.email);
  });

  it('refuses a dead token as before with other-sub on (the switch changes only a good answer)', async () => {
    const { id } = await signedIn({ userinfo: 'other-sub' });
    assert.equal((await userinfo(ims.origin, id, 'not-a-token')).status, 401);
  });

  it('never answers (userinfo=hang) until the IMS closes', async () => {
    const own = await startLocalIms({ port: 0, dynamicClients: { prefix: 'test-', redirectUris: [REDIRECT] } });
    const id = client();
    const { accessToken } = await tokenFor(own, id, { redirectUri: REDIRECT, scope: SCOPE });
    own.setSwitches(id, { userinfo: 'hang' });
    await assert.rejects(
      userinfo(own.origin, id, accessToken, { signal: AbortSignal.timeout(500) }),
      { name: 'TimeoutError' },
      'no answer in 500 ms',
    );
    const pending = userinfo(own.origin, id, accessToken);
    await new Promise((r) => setTimeout(r, 100));
    await own.close();
    await assert.rejects(pending, 'the connection ends with the IMS');
    assert.equal(own.stats(id).userinfoRequests, 2);
  });

  it('answers late on request (userinfoDelayMs), set as the browser tests set it', async () => {
    const { id, accessToken } = await signedIn({});
    const set = await fetch(`${ims.origin}/__ims/switches?client_id=${id}`, {
      method: 'POST',
      body: new URLSearchParams({ userinfoDelayMs: '400' }),
    });
    assert.equal(set.status, 204);
    const t0 = Date.now();
    assert.equal((await userinfo(ims.origin, id, accessToken)).status, 200);
    assert.ok(Date.now() - t0 >= 400);
  });

  it("leaves other clients' userinfo alone", async () => {
    await signedIn({ userinfo: '500' });
    const { id, accessToken } = await signedIn({});
    assert.equal((await userinfo(ims.origin, id, accessToken)).status, 200);
  });
});
