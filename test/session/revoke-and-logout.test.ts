// Sign-out revokes the token at the IMS that issued it; with end-session it also ends the IMS session (logout first,
// as it needs a live token). The revoke does not wait on the logout beyond a second: a logout that answers late, or a
// page that leaves or closes right after sign-out, still gets both requests out. A token too large for a keepalive
// request is revoked all the same.
import { expect, oneEvent } from '@open-wc/testing';
import {
  FIXTURES,
  click,
  imsStats,
  newClient,
  openWindow,
  signInElement,
  signInOf,
  sleep,
  storeToken,
  tokenFor,
  waitFor,
  withCleanPage,
} from '../support/flow.js';
import '../../src/define.js';

const counts = async (clientId: string) => {
  const s = await imsStats(clientId);
  return { logouts: s.logouts, logoutRequests: s.logoutRequests, revocations: s.revocations };
};

describe('revoke and logout at sign-out', () => {
  withCleanPage();
  let w: Window | undefined;
  afterEach(() => w?.close());

  it('revokes within a second when the logout answers late', async () => {
    const clientId = await newClient({ auto: true, logoutDelayMs: 5000 });
    const el = await signInElement(clientId, 'end-session=');
    const got = oneEvent(el, 'token');
    await click(el.shadowRoot!.querySelector('button')!);
    await got;
    el.signOut();
    await sleep(1800);
    expect(await counts(clientId)).to.deep.equal({ logouts: 1, logoutRequests: 1, revocations: 1 });
  });

  for (const leave of ['navigates away', 'closes'] as const) {
    it(`sends both when the page ${leave} right after sign-out`, async () => {
      const clientId = await newClient({ auto: true, logoutDelayMs: 1000 });
      w = await openWindow(
        FIXTURES + 'start.html?' + new URLSearchParams({ 'client-id': clientId, 'end-session': '', mode: 'redirect' }),
      );
      (await signInOf(w)).signIn();
      await waitFor(
        () => w!.location.pathname.endsWith('/start.html') && signInOf(w!).then((e) => e.signedIn),
        'signed in',
      );
      const el = await signInOf(w);
      el.signOut();
      if (leave == 'closes') w.close();
      else w.location.href = FIXTURES + 'blank.html';
      // Both leave the closing page. Which one IMS handles first is up to the network: a logout handled after the
      // revoke finds no live token and is refused, so what the page can promise is that both requests arrive.
      await waitFor(
        async () => {
          const c = await counts(clientId);
          return c.revocations >= 1 && c.logoutRequests >= 1;
        },
        'the revocation and the logout',
        5000,
      );
      expect(await counts(clientId)).to.include({ logoutRequests: 1, revocations: 1 });
    });
  }

  it('revokes a token too large for a keepalive request', async () => {
    const clientId = await newClient();
    storeToken(tokenFor(clientId, 3600_000, 'x'.repeat(70_000)));
    const el = await signInElement(clientId);
    expect(el.signedIn).to.equal(true);
    el.signOut();
    await waitFor(async () => (await counts(clientId)).revocations === 1, 'the revocation', 5000);
  });
});
