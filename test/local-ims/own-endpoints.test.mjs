// The local IMS on a developer's machine: its own endpoints (the switches, stats, the control that revokes tokens,
// the flow inspector, which shows live tokens, codes and verifiers) answer its clients' pages, its own, and programs
// that send no Origin (tests, curl), never `*`: a page of any other origin in the developer's browser can neither read
// them nor change a switch. A redirect_uri too long to be one is matched against no pattern.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startLocalIms, LocalImsError } from 'adobe-local-ims';
import { Browser, authorizeUrl, pkcePair } from '../support/ims-client.mjs';

const APP = 'http://localhost:5173';
const ELSEWHERE = 'http://evil.localhost:8666';
let ims;

/** A request to the IMS as a page of `origin` makes it (a browser always sends Origin on a POST). */
const from = (origin, path, init = {}) =>
  fetch(`${ims.origin}${path}`, { ...init, headers: { ...init.headers, ...(origin && { origin }) } });

describe("local IMS: its own endpoints, to its clients' pages only", () => {
  before(async () => {
    ims = await startLocalIms({
      port: 0,
      controls: true,
      inspector: true,
      clients: [{ clientId: 'app', redirectUris: [`${APP}/redirect.html`] }],
    });
  });
  after(() => ims.close());

  it("lets the client's page read stats and change a switch", async () => {
    const stats = await from(APP, '/__ims/stats?client_id=app');
    assert.equal(stats.status, 200);
    assert.equal(stats.headers.get('access-control-allow-origin'), APP);
    const set = await from(APP, '/__ims/switches?client_id=app', { method: 'POST', body: 'tokenDelayMs=5' });
    assert.equal(set.status, 204);
  });

  it('refuses another origin: nothing to read, no switch changed, no token revoked', async () => {
    ims.setSwitches('app', {});
    for (const [path, init] of [
      ['/__ims/stats?client_id=app', {}],
      ['/__ims/inspector?client_id=app', {}],
      ['/__ims/switches?client_id=app', { method: 'POST', body: 'tokenFailure=500' }],
      ['/__ims/revoke-tokens?client_id=app', { method: 'POST' }],
    ]) {
      const res = await from(ELSEWHERE, path, init);
      assert.equal(res.status, 403, path);
      assert.equal(res.headers.get('access-control-allow-origin'), null, path);
      await res.body?.cancel();
    }
    // The next sign-in works: the switch was not set.
    const { challenge } = pkcePair();
    ims.setSwitches('app', { auto: true });
    const { url } = await new Browser().navigate(
      authorizeUrl(ims.origin, { client_id: 'app', redirect_uri: `${APP}/redirect.html`, code_challenge: challenge }),
      APP,
    );
    assert.ok(new URL(url).searchParams.get('code'));
  });

  it('answers a program that sends no Origin, and never says *', async () => {
    const res = await from(null, '/__ims/stats?client_id=app');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });
});

describe('local IMS: Redirect URI Patterns that cannot hold it', () => {
  it('refuses a pattern that can backtrack catastrophically, in one line', async () => {
    await assert.rejects(
      startLocalIms({
        port: 0,
        clients: [{ clientId: 'a', redirectUriPatterns: ['^(a+)+$'], defaultRedirectUri: `${APP}/r` }],
      }),
      (e) =>
        e instanceof LocalImsError && /can backtrack catastrophically/.test(e.message) && !e.message.includes('\n'),
    );
  });

  it('tests no redirect_uri longer than a page needs against a pattern: the default answers it', async () => {
    const patterned = await startLocalIms({
      port: 0,
      clients: [
        { clientId: 'p', redirectUriPatterns: ['^http://localhost:5173/.*x$'], defaultRedirectUri: `${APP}/d` },
      ],
      autoSignIn: true,
    });
    try {
      const { challenge } = pkcePair();
      const long = `${APP}/${'a'.repeat(5000)}x`;
      const { url } = await new Browser().navigate(
        authorizeUrl(patterned.origin, { client_id: 'p', redirect_uri: long, code_challenge: challenge }),
        APP,
      );
      assert.equal(new URL(url).pathname, '/d');
    } finally {
      await patterned.close();
    }
  });
});
