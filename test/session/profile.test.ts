// Who signed in. With `profile` or `email` in the scope, the session asks IMS's userinfo once per token, after the
// `token` event (never delaying it), keeps the claims with the token, and the signed-in element shows the name (else
// the email) in part `user`. A failed, slow or wrong userinfo never fails the sign-in: the token stays, profile null.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import {
  FIXTURES,
  IMS,
  REDIRECT,
  click,
  imsStats,
  newClient,
  openWindow,
  recordEvents,
  recorded,
  signInElement,
  signInOf,
  sleep,
  storeToken,
  tokenFor,
  tokenKeyFor,
  waitFor,
  withCleanPage,
  type Switches,
} from '../support/flow.js';
import '../../src/define.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';

const SUB = 'A1B2C3D4E5F6@AdobeID';
const WITH_PROFILE = 'scope=AdobeID,openid,profile,email';
const button = (el: AdobeSignIn) => el.shadowRoot!.querySelector('button')!;
const user = (el: AdobeSignIn) => el.shadowRoot!.querySelector<HTMLElement>('[part=user]');
const shown = (el: AdobeSignIn) => {
  const u = user(el);
  return u && getComputedStyle(u).display != 'none' && !u.hidden ? u.textContent : null;
};

/** Signs in with a popup; resolves once the token event has fired. */
const signInNow = async (el: AdobeSignIn) => {
  const got = oneEvent(el, 'token');
  await click(button(el));
  return (await got).detail;
};

describe('who signed in', () => {
  withCleanPage();
  afterEach(() => localStorage.clear());

  it('asks userinfo once, after the token event, keeps the claims with the token, and shows the name', async () => {
    const clientId = await newClient();
    const el = await signInElement(clientId, WITH_PROFILE);
    const seen = recordEvents(el);
    const arrived = oneEvent(el, 'profile');
    await click(button(el));
    const { detail } = await arrived;
    expect(seen).to.deep.equal(['token', 'profile']);
    expect(detail).to.include({ sub: SUB, name: 'Test User', email: 'test.user@example.com' });
    expect(el.profile).to.deep.equal(detail);
    expect(Object.isFrozen(el.profile)).to.equal(true);
    expect(JSON.parse(sessionStorage.getItem(tokenKeyFor(clientId))!).profile).to.deep.equal(detail);
    await el.updateComplete;
    expect(shown(el)).to.equal('Test User');
    await expect(el).to.be.accessible();
    expect((await imsStats(clientId)).userinfoRequests).to.equal(1);

    el.signOut();
    await el.updateComplete;
    expect([el.profile, shown(el)]).to.deep.equal([null, null]);
  });

  it('shows the email when the scope names email but not profile', async () => {
    const clientId = await newClient();
    const el = await signInElement(clientId, 'scope=AdobeID,openid,email');
    const arrived = oneEvent(el, 'profile');
    await click(button(el));
    expect((await arrived).detail).to.not.have.property('name');
    await el.updateComplete;
    expect(shown(el)).to.equal('test.user@example.com');
  });

  it('asks nothing when the scope names neither profile nor email', async () => {
    const clientId = await newClient();
    const el = await signInElement(clientId);
    const seen = recordEvents(el);
    await signInNow(el);
    await sleep(800);
    expect(seen).to.deep.equal(['token']);
    expect([el.profile, shown(el)]).to.deep.equal([null, null]);
    expect((await imsStats(clientId)).userinfoRequests).to.equal(0);
  });

  it('lets slot="user" replace the name', async () => {
    const clientId = await newClient();
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id=${clientId} redirect-uri=${REDIRECT} ims-origin=${IMS} scope="openid,profile"
        ><img slot="user" alt="Your account" src="data:,"
      /></adobe-sign-in>`,
    );
    const arrived = oneEvent(el, 'profile');
    await click(button(el));
    await arrived;
    await el.updateComplete;
    const slot = user(el)!.querySelector('slot')!;
    expect(slot.assignedElements().map((e) => e.getAttribute('alt'))).to.deep.equal(['Your account']);
    expect(user(el)!.hidden).to.equal(false);
  });

  it('makes one request for two elements of a session, and none when a stored profile is restored', async () => {
    const clientId = await newClient();
    const [a, b] = [await signInElement(clientId, WITH_PROFILE), await signInElement(clientId, WITH_PROFILE)];
    const [ra, rb] = [recordEvents(a), recordEvents(b)];
    await click(button(a));
    await waitFor(() => rb.includes('profile') && ra.includes('profile'), 'both profile events');
    expect(b.profile).to.equal(a.profile);
    expect((await imsStats(clientId)).userinfoRequests).to.equal(1);

    // As a reload finds it: a stored token with its profile, for a page with no session of it yet.
    const reloaded = await newClient();
    const stored = { ...tokenFor(reloaded, 3600_000), profile: { sub: SUB, name: 'Stored User' } };
    sessionStorage.setItem(tokenKeyFor(reloaded), JSON.stringify(stored));
    const c = await signInElement(reloaded, WITH_PROFILE);
    const rc = recordEvents(c);
    await sleep(500);
    expect(rc).to.deep.equal([]);
    expect(c.profile).to.deep.equal({ sub: SUB, name: 'Stored User' });
    expect(shown(c)).to.equal('Stored User');
    expect((await imsStats(reloaded)).userinfoRequests).to.equal(0);
  });

  it('makes one request for two tabs of a local session; the other tab fires profile too', async () => {
    const clientId = await newClient();
    const el = await signInElement(clientId, `${WITH_PROFILE}&storage=local`);
    const w = await openWindow(
      FIXTURES +
        'start.html?' +
        new URLSearchParams({ 'client-id': clientId, storage: 'local', scope: 'AdobeID,openid,profile,email' }),
    );
    try {
      const other = await signInOf(w);
      const arrived = oneEvent(el, 'profile');
      await click(button(el));
      await arrived;
      await waitFor(() => other.profile?.sub === SUB, 'the other tab to know who signed in', 3000);
      const events = () => recorded(w).events.map((e) => e.type);
      await waitFor(() => events().includes('profile'), 'the profile event in the other tab');
      expect(events()).to.deep.equal(['token', 'profile']);
      expect((await imsStats(clientId)).userinfoRequests).to.equal(1);
    } finally {
      w.close();
    }
  });

  it('ignores a stored profile of another client or another IMS', async () => {
    const clientId = await newClient();
    storeToken(tokenFor(clientId, 3600_000));
    const elsewhere = { sub: 'someone@AdobeID', name: 'Somebody Else' };
    sessionStorage.setItem(
      tokenKeyFor('other-client'),
      JSON.stringify({ ...tokenFor('other-client'), profile: elsewhere }),
    );
    sessionStorage.setItem(
      tokenKeyFor(clientId, 'https://ims-na1.adobelogin.com'),
      JSON.stringify({ ...tokenFor(clientId), profile: elsewhere }),
    );
    const el = await signInElement(clientId, WITH_PROFILE);
    expect(el.signedIn).to.equal(true);
    expect([el.profile, shown(el)]).to.deep.equal([null, null]);
  });

  for (const [what, switches] of [
    ['answers 500', { userinfo: '500' }],
    ['answers an HTML page', { userinfo: 'html' }],
    ['answers garbage', { userinfo: 'garbage' }],
    ['names another sub than the id token', { userinfo: 'other-sub' }],
    ['never answers', { userinfo: 'hang' }],
  ] as [string, Switches][]) {
    it(`keeps the token, and no profile, when userinfo ${what}`, async () => {
      const clientId = await newClient({ auto: true, ...switches });
      const el = await signInElement(clientId, WITH_PROFILE);
      const seen = recordEvents(el);
      await signInNow(el);
      await waitFor(async () => (await imsStats(clientId)).userinfoRequests === 1, 'the userinfo request');
      await sleep(400);
      expect(seen).to.deep.equal(['token']);
      expect([el.signedIn, el.profile, shown(el)]).to.deep.equal([true, null, null]);
      expect(JSON.parse(sessionStorage.getItem(tokenKeyFor(clientId))!).profile ?? null).to.equal(null);
    });
  }

  it('does not wait for a slow userinfo: the token event comes first, the profile seconds later', async () => {
    const clientId = await newClient({ auto: true, userinfoDelayMs: 1500 });
    const el = await signInElement(clientId, WITH_PROFILE);
    const times: Record<string, number> = {};
    for (const t of ['token', 'profile']) el.addEventListener(t, () => (times[t] = Date.now()));
    await click(button(el));
    await waitFor(() => times.profile, 'the profile', 10000);
    expect(times.profile - times.token).to.be.above(1200);
  });
});
