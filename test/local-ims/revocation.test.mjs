// /ims/revoke as IMS answers it: the token named is revoked, and nothing else of its grant. The same user's other
// token of the client (another tab) and a code still on its way to the token endpoint go on working. The
// revokeGrant switch brings back oidc-provider's revocation of the whole grant.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startLocalIms } from 'adobe-local-ims';
import { codeFor, exchange, inspectorEvents, revoke, tokenFor, userinfo } from '../support/ims-client.mjs';

const APP = 'http://app.localhost:9000';
const REDIRECT = `${APP}/redirect.html`;
let ims;
let n = 0;
const client = () => `test-revoke-${++n}`;

/**
 * Two tokens of one client for one user (two tabs of one IMS session: one grant) and a code not yet exchanged, as
 * a second sign-in leaves them while the first tab signs out.
 */
const oneGrant = async (clientId, switches = {}) => {
  const first = await tokenFor(ims, clientId, { redirectUri: REDIRECT, switches });
  const second = await tokenFor(ims, clientId, { redirectUri: REDIRECT, switches, browser: first.browser });
  const pending = await codeFor(ims, clientId, { redirectUri: REDIRECT, switches, browser: first.browser });
  const grantOf = async (t) => (await ims.provider.AccessToken.find(t)).grantId;
  assert.equal(await grantOf(first.accessToken), await grantOf(second.accessToken), 'one grant');
  return { first: first.accessToken, second: second.accessToken, pending };
};

const exchangePending = ({ code, verifier }, clientId) =>
  exchange(ims.origin, { clientId, code, verifier, redirectUri: REDIRECT });

describe('local IMS: revoking a token', () => {
  before(async () => {
    ims = await startLocalIms({
      port: 0,
      controls: true,
      inspector: true,
      dynamicClients: { prefix: 'test-', redirectUris: [REDIRECT] },
    });
  });
  after(() => ims.close());

  it('revokes the token named only, answering 200 with an empty body, as IMS does', async () => {
    const id = client();
    const { first, second, pending } = await oneGrant(id);
    const res = await revoke(ims.origin, id, first, { origin: APP });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '');
    assert.equal(res.headers.get('access-control-allow-origin'), APP);
    assert.equal((await userinfo(ims.origin, id, first)).status, 401);
    assert.equal((await userinfo(ims.origin, id, second)).status, 200, "the grant's other token lives");
    assert.equal((await exchangePending(pending, id)).status, 200, "the grant's code can still be exchanged");
    assert.equal(ims.stats(id).revocations, 1);
  });

  it('with the revokeGrant switch, revokes every token and code of the grant, as oidc-provider does', async () => {
    const id = client();
    const { first, second, pending } = await oneGrant(id, { revokeGrant: true });
    assert.equal((await revoke(ims.origin, id, first)).status, 200);
    assert.equal((await userinfo(ims.origin, id, first)).status, 401);
    assert.equal((await userinfo(ims.origin, id, second)).status, 401);
    const exchanged = await exchangePending(pending, id);
    assert.equal(exchanged.status, 400);
    assert.equal((await exchanged.json()).error, 'invalid_grant');
  });

  it('takes revokeGrant through POST /__ims/switches, as the tests in a browser set it', async () => {
    const id = client();
    const { first, second } = await oneGrant(id);
    const set = await fetch(`${ims.origin}/__ims/switches?client_id=${id}`, {
      method: 'POST',
      body: new URLSearchParams({ auto: '1', revokeGrant: '1' }),
    });
    assert.equal(set.status, 204);
    await revoke(ims.origin, id, first);
    assert.equal((await userinfo(ims.origin, id, second)).status, 401);
  });

  it("leaves another client's token alone", async () => {
    const owner = client();
    const other = client();
    const { accessToken } = await tokenFor(ims, owner, { redirectUri: REDIRECT });
    assert.equal((await revoke(ims.origin, other, accessToken)).status, 200);
    assert.equal((await userinfo(ims.origin, owner, accessToken)).status, 200);
  });

  it('tells the flow inspector of the revocation and its answer', async () => {
    const id = client();
    const { accessToken } = await tokenFor(ims, id, { redirectUri: REDIRECT });
    const events = await inspectorEvents(ims.origin, id);
    try {
      await revoke(ims.origin, id, accessToken);
      const note = await events.next('revoke');
      assert.equal(note.status, 200);
      assert.equal(note.token, accessToken);
    } finally {
      events.close();
    }
  });
});
