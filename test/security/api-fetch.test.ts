// session.fetch(): the token goes to Adobe's APIs (https, under adobe.io), to loopback, or to an https origin the page's
// script allowed with trustApiOrigin(), with `Authorization: Bearer` and `x-api-key`. Any other URL rejects with
// config_error and nothing is sent, not even without the headers. Signed out: login_required. A 401 signs the session
// out, reason `rejected`, and the caller still gets the response.
import { expect, oneEvent } from '@open-wc/testing';
import {
  FIXTURES,
  IMS,
  afterEachOnce,
  click,
  imsStats,
  newClient,
  openWindow,
  recorded,
  setSwitches,
  signInOf,
  waitFor,
  recordEvents,
  signInElement,
  storeToken,
  tokenFor,
  tokenKeyFor,
  withCleanPage,
} from '../support/flow.js';
import { getSession, trustApiOrigin, type AuthError } from '../support/kit.js';

/** Catches what the page's fetch is asked to send while a test runs, answering `status`; nothing leaves the page. */
const captureFetch = (status = 200) => {
  const real = window.fetch;
  const sent: Request[] = [];
  window.fetch = async (input, init) => {
    sent.push(new Request(input, init));
    return new Response('{"ok":true}', { status, headers: { 'content-type': 'application/json' } });
  };
  afterEachOnce(() => (window.fetch = real));
  return sent;
};

/** A signed-in session of the local IMS, with a stored token (no sign-in needed to test what is sent where). */
const signedIn = async () => {
  const clientId = await newClient();
  const token = tokenFor(clientId, 3600_000, `at-${clientId}`);
  storeToken(token);
  return { clientId, token, session: getSession({ clientId, imsOrigin: IMS }) };
};

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AuthError) => e.code,
  );

describe('session.fetch(): where the token goes', () => {
  withCleanPage();

  for (const url of [
    'https://cc-api-storage.adobe.io/assets',
    'https://adobe.io/x',
    'https://firefly-api.adobe.io:8443/v3/images',
    'http://localhost:9/api',
    'http://127.0.0.1:9/api',
    'http://[::1]:9/api',
  ]) {
    it(`sends Authorization and x-api-key to ${url}`, async () => {
      const { clientId, token, session } = await signedIn();
      const sent = captureFetch();
      const res = await session.fetch(url);
      expect(res.status).to.equal(200);
      expect(sent.map((r) => r.url)).to.deep.equal([new URL(url).href]);
      expect(sent[0].headers.get('authorization')).to.equal(`Bearer ${token.accessToken}`);
      expect(sent[0].headers.get('x-api-key')).to.equal(clientId);
    });
  }

  for (const url of [
    'http://cc-api-storage.adobe.io/assets',
    'https://adobe.io.evil.example/x',
    'https://evil-adobe.io/x',
    'https://adobe.io.',
    'https://user:pw@cc-api-storage.adobe.io/assets',
    'https://api.example.com/v1',
    'ftp://localhost/x',
    'data:text/plain,hello',
  ]) {
    it(`refuses ${url} with config_error, sending nothing`, async () => {
      const { session } = await signedIn();
      const sent = captureFetch();
      expect(await refusal(session.fetch(url))).to.equal('config_error');
      // A Request object is checked the same way (one with credentials in its URL cannot be made at all).
      if (!url.includes('@')) expect(await refusal(session.fetch(new Request(url)))).to.equal('config_error');
      expect(sent).to.deep.equal([]);
    });
  }

  it('takes a Request object: its method, body and headers kept, a caller’s own x-api-key winning', async () => {
    const { token, session } = await signedIn();
    const sent = captureFetch();
    await session.fetch(
      new Request('https://cc-api-storage.adobe.io/assets', {
        method: 'POST',
        body: '{"name":"a"}',
        headers: { 'x-api-key': 'my-key', 'content-type': 'application/json' },
      }),
    );
    expect(sent[0].method).to.equal('POST');
    expect(await sent[0].text()).to.equal('{"name":"a"}');
    expect(sent[0].headers.get('x-api-key')).to.equal('my-key');
    expect(sent[0].headers.get('content-type')).to.equal('application/json');
    expect(sent[0].headers.get('authorization')).to.equal(`Bearer ${token.accessToken}`);
  });

  it('resolves a relative URL against the page: this loopback page is allowed, a <base> elsewhere is not', async () => {
    const { session } = await signedIn();
    const sent = captureFetch();
    await session.fetch('/api/thing?x=1');
    expect(sent.map((r) => r.url)).to.deep.equal([`${location.origin}/api/thing?x=1`]);
    const base = document.createElement('base');
    base.href = 'https://evil.example/';
    document.head.append(base);
    afterEachOnce(() => base.remove());
    expect(await refusal(session.fetch('api/thing'))).to.equal('config_error');
    expect(sent).to.have.length(1);
  });

  it('sends to an https origin once the page’s script trusts it, and only then', async () => {
    const { session } = await signedIn();
    const sent = captureFetch();
    const url = 'https://api.partner.example/v1/items';
    expect(await refusal(session.fetch(url))).to.equal('config_error');
    trustApiOrigin('https://api.partner.example');
    await session.fetch(url);
    expect(sent.map((r) => r.url)).to.deep.equal([url]);
    expect(await refusal(session.fetch('http://api.partner.example/v1/items'))).to.equal('config_error');
  });

  for (const origin of [
    'http://api.example.com',
    'https://api.example.com/v1',
    'https://api.example.com?x',
    'garbage',
    '',
  ]) {
    it(`trustApiOrigin(${JSON.stringify(origin)}) throws config_error`, () => {
      let code: string | undefined;
      try {
        trustApiOrigin(origin);
      } catch (e) {
        code = (e as AuthError).code;
      }
      expect(code).to.equal('config_error');
    });
  }

  it('rejects with login_required when signed out, sending nothing', async () => {
    const session = getSession({ clientId: await newClient(), imsOrigin: IMS });
    const sent = captureFetch();
    expect(await refusal(session.fetch('https://cc-api-storage.adobe.io/assets'))).to.equal('login_required');
    expect(sent).to.deep.equal([]);
  });

  it('signs every element out with reason rejected on a 401, and hands the caller the response', async () => {
    const { clientId, session } = await signedIn();
    const [a, b] = [await signInElement(clientId), await signInElement(clientId)];
    const seen = [recordEvents(a), recordEvents(b), recordEvents(session)];
    captureFetch(401);
    const out = oneEvent(a, 'sign-out');
    const res = await session.fetch('https://cc-api-storage.adobe.io/assets');
    expect(res.status).to.equal(401);
    expect((await out).detail).to.deep.equal({ clientId, reason: 'rejected' });
    expect(seen).to.deep.equal([['sign-out:rejected'], ['sign-out:rejected'], ['sign-out:rejected']]);
    expect([session.token, a.signedIn]).to.deep.equal([null, false]);
    expect(sessionStorage.getItem(tokenKeyFor(clientId))).to.equal(null);
  });
});

describe('session.fetch() against the local IMS’s stand-in Adobe API', () => {
  const popups = withCleanPage();
  afterEach(() => localStorage.clear());

  /** A real sign-in of `el`; resolves with its token. */
  const signInWith = async (el: HTMLElement & { signIn(): void }) => {
    const got = oneEvent(el, 'token');
    await click(el.shadowRoot!.querySelector('button')!);
    return (await got).detail;
  };
  const revokeAtIms = (clientId: string) =>
    fetch(`${IMS}/__ims/revoke-tokens?client_id=${encodeURIComponent(clientId)}`, { method: 'POST' });

  it('calls the API with the live token and the client id as its key', async () => {
    const clientId = await newClient();
    const el = await signInElement(clientId);
    await signInWith(el);
    const session = getSession({ clientId, imsOrigin: IMS });
    const res = await session.fetch(`${IMS}/api/hello`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.include({ ok: true, clientId, sub: 'A1B2C3D4E5F6@AdobeID', path: '/api/hello' });
    expect((await imsStats(clientId)).apiRequests).to.equal(1);
  });

  it('signs every element and tab out with reason rejected when IMS has revoked the token', async () => {
    const clientId = await newClient();
    const el = await signInElement(clientId, 'storage=local');
    await signInWith(el);
    const w = await openWindow(
      FIXTURES + 'start.html?' + new URLSearchParams({ 'client-id': clientId, storage: 'local' }),
    );
    try {
      const other = await signInOf(w);
      expect(other.signedIn).to.equal(true);
      const seen = recordEvents(el);
      await revokeAtIms(clientId);
      const res = await getSession({ clientId, imsOrigin: IMS, storage: 'local' }).fetch(`${IMS}/api/hello`);
      expect(res.status).to.equal(401);
      expect((await res.json()).error_code).to.equal('401013');
      expect(seen).to.deep.equal(['sign-out:rejected']);
      await waitFor(() => recorded(w).events.some((e) => e.type == 'sign-out'), 'the other tab to sign out', 3000);
      expect(recorded(w).events.map((e) => `${e.type}:${e.detail.reason}`)).to.deep.equal(['sign-out:rejected']);
      expect(localStorage.getItem(tokenKeyFor(clientId))).to.equal(null);
    } finally {
      w.close();
    }
  });

  it('lets another element’s sign-in under way finish after a 401: signed out, then signed in again', async () => {
    const clientId = await newClient();
    const [a, b] = [await signInElement(clientId), await signInElement(clientId)];
    const first = await signInWith(a);
    const seen = recordEvents(b);
    // b renews; IMS takes its time over the token request, and meanwhile an API rejects the old token.
    await setSwitches(clientId, { auto: true, tokenDelayMs: 1500 });
    const renew = document.createElement('button');
    renew.onclick = () => b.signIn();
    document.body.append(renew);
    afterEachOnce(() => renew.remove());
    await click(renew);
    await waitFor(async () => (await imsStats(clientId)).tokenRequests === 2, 'the renewal to exchange its code');
    await revokeAtIms(clientId);
    const res = await getSession({ clientId, imsOrigin: IMS }).fetch(`${IMS}/api/hello`);
    expect(res.status).to.equal(401);
    expect(b.busy).to.equal(true);
    await waitFor(() => seen.includes('token'), 'the renewed token', 8000);
    expect(seen).to.deep.equal(['sign-out:rejected', 'token']);
    expect(a.token!.accessToken).to.not.equal(first.accessToken);
    expect([a.signedIn, b.signedIn, b.busy]).to.deep.equal([true, true, false]);
    expect(popups.opened).to.have.length(2);
  });
});
