// storage="local": every tab of the origin shares the session, through `storage` events. The other tab here is a
// window of its own (fixtures/start.html), with its own <adobe-sign-in>.
import { expect, oneEvent } from '@open-wc/testing';
import {
  FIXTURES,
  click,
  newClient,
  openWindow,
  recorded,
  signInElement,
  signInOf,
  sleep,
  storeToken,
  tokenFor,
  tokenKeyFor,
  waitFor,
  withCleanPage,
} from '../support/flow.js';
import '../../src/define.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';

const local = (clientId: string) => signInElement(clientId, 'storage=local');

/** Another tab: fixtures/start.html with an <adobe-sign-in storage="local"> of `clientId`. */
const otherTab = async (clientId: string) => {
  const w = await openWindow(
    FIXTURES + 'start.html?' + new URLSearchParams({ 'client-id': clientId, storage: 'local' }),
  );
  const el = await signInOf(w);
  return {
    w,
    el,
    events: () => recorded(w).events.map((e) => e.type + (e.detail?.reason ? `:${e.detail.reason}` : '')),
  };
};

describe('storage="local": every tab in step', () => {
  const popups = withCleanPage();
  let w: Window | undefined;
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    w?.close();
    localStorage.clear();
  });

  it('signs the other tab in and out within a second, with its own events', async () => {
    const clientId = await newClient();
    const el = await local(clientId);
    const tab = await otherTab(clientId);
    w = tab.w;
    const got = oneEvent(el, 'token');
    await click(el.shadowRoot!.querySelector('button')!);
    const { detail } = await got;
    const t0 = Date.now();
    await waitFor(() => tab.el.token?.accessToken === detail.accessToken, 'the other tab to sign in', 1000);
    expect(Date.now() - t0).to.be.below(1000);
    await tab.el.updateComplete;
    expect(tab.el.hasAttribute('signed-in')).to.equal(true);
    expect(tab.events()).to.deep.equal(['token']);

    const out = oneEvent(el, 'sign-out');
    tab.el.signOut();
    expect((await out).detail).to.deep.equal({ clientId, reason: 'elsewhere' });
    expect(el.signedIn).to.equal(false);
    expect(tab.events()).to.deep.equal(['token', 'sign-out:user']);
    expect(localStorage.getItem(tokenKeyFor(clientId))).to.equal(null);
    // One sign-in popup (the other window is the other tab).
    expect(popups.opened.filter((p) => p !== w)).to.have.length(1);
  });

  it("ignores a storage event that carries garbage or another client's key", async () => {
    const clientId = await newClient();
    const token = tokenFor(clientId);
    storeToken(token, localStorage);
    const el = await local(clientId);
    const tab = await otherTab(clientId);
    w = tab.w;
    const events: string[] = [];
    for (const t of ['token', 'sign-out'] as const) el.addEventListener(t, () => events.push(t));
    w.localStorage.setItem(tokenKeyFor(clientId), '{"accessToken": 42');
    w.localStorage.setItem(tokenKeyFor(clientId), JSON.stringify({ ...token, clientId: 'someone-else' }));
    w.localStorage.setItem(tokenKeyFor('someone-else'), JSON.stringify(tokenFor('someone-else')));
    await sleep(500);
    expect(events).to.deep.equal([]);
    expect(el.token).to.deep.equal(token);
  });

  it('ends with one token, and no tab busy, when two tabs sign in at once', async () => {
    const clientId = await newClient();
    const el = await local(clientId);
    const tab = await otherTab(clientId);
    w = tab.w;
    // This tab signs in with a popup; the other, without a click, falls back to the whole page.
    await click(el.shadowRoot!.querySelector('button')!);
    tab.el.signIn();
    /** The other tab's element and path; none while it is at IMS, whose document cannot be read from here. */
    const readOtherTab = () => {
      try {
        return { other: w!.document.querySelector<AdobeSignIn>('adobe-sign-in'), path: w!.location.pathname };
      } catch {
        return { other: null, path: 'another origin (IMS)' };
      }
    };
    const settled = () => {
      const { other } = readOtherTab();
      const stored = localStorage.getItem(tokenKeyFor(clientId));
      return (
        stored &&
        other?.token &&
        !el.busy &&
        !other.busy &&
        el.token?.accessToken === JSON.parse(stored).accessToken &&
        other.token.accessToken === el.token?.accessToken
      );
    };
    const state = () => {
      const { other, path } = readOtherTab();
      const stored = localStorage.getItem(tokenKeyFor(clientId));
      return JSON.stringify({
        here: el.token?.accessToken.slice(0, 8),
        busy: el.busy,
        there: other?.token?.accessToken.slice(0, 8),
        thereBusy: other?.busy,
        stored: stored && JSON.parse(stored).accessToken.slice(0, 8),
        path,
      });
    };
    await waitFor(settled, 'both tabs to hold the stored token', 15000).catch((e) => {
      throw new Error(e.message + ' ' + state());
    });
    // And it stays so: neither tab starts another sign-in or drops the token.
    await sleep(1000);
    expect(settled(), state()).to.equal(true);
  });

  it('signs every tab out with reason expired at expiry', async () => {
    const clientId = await newClient();
    storeToken(tokenFor(clientId, 1500), localStorage);
    const el = await local(clientId);
    const tab = await otherTab(clientId);
    w = tab.w;
    expect([el.signedIn, tab.el.signedIn]).to.deep.equal([true, true]);
    const out = oneEvent(el, 'sign-out');
    expect((await out).detail.reason).to.equal('expired');
    await waitFor(() => tab.events().includes('sign-out:expired'), 'the other tab to expire', 3000);
    expect(tab.events().filter((e) => e.startsWith('sign-out'))).to.deep.equal(['sign-out:expired']);
    expect(localStorage.getItem(tokenKeyFor(clientId))).to.equal(null);
  });
});
