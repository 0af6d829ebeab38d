import { expect } from '@open-wc/testing';
import {
  FIXTURES,
  failOnLitWarnings,
  imsStats,
  newClient,
  openWindow,
  recorded,
  sleep,
  waitFor,
} from '../support/flow.js';
import type { AdobeSignIn } from '../support/kit.js';

// Full-page sign-in navigates the whole page, so it runs in a window of its own: fixtures/start.html, which holds
// one <adobe-sign-in> with the attributes of its query and records events and token requests.

const signInOf = (w: Window) => w.document.querySelector('adobe-sign-in') as AdobeSignIn;

/** Opens fixtures/start.html with `attrs` on its <adobe-sign-in>; resolves once that element is up. */
const openStart = async (attrs: Record<string, string>) => {
  const w = await openWindow(FIXTURES + 'start.html?' + new URLSearchParams(attrs));
  const el = await waitFor(() => signInOf(w)?.shadowRoot && signInOf(w), 'the start page');
  return { w, el };
};
const backOnStart = (w: Window) => w.location.pathname.endsWith('/start.html') && w.document.readyState === 'complete';

describe('full-page sign-in', () => {
  failOnLitWarnings();
  let w: Window | undefined;
  afterEach(() => w?.close());

  it('mode="redirect": the page goes to IMS and comes back signed in, with a token event', async () => {
    const clientId = await newClient();
    let el: AdobeSignIn;
    ({ w, el } = await openStart({ 'client-id': clientId, mode: 'redirect' }));
    el.signIn();
    await waitFor(
      () => backOnStart(w!) && recorded(w!).events?.some((e) => e.type === 'token'),
      'the token event back on the start page',
    );
    expect(backOnStart(w)).to.equal(true);
    const again = signInOf(w);
    expect(again.signedIn).to.equal(true);
    expect(again.token!.clientId).to.equal(clientId);
    expect(recorded(w).events.map((e) => e.type)).to.deep.equal(['token']);
    expect(w.location.search).not.to.match(/[?&](code|state)=/);
    expect(await imsStats(clientId)).to.include({ tokenRequests: 1 });

    // Reload: still signed in, no new exchange, no new event.
    w.location.reload();
    await sleep(200);
    await waitFor(() => backOnStart(w!) && signInOf(w!)?.signedIn, 'the reloaded start page');
    await sleep(300);
    expect(recorded(w).events).to.deep.equal([]);

    // Back: whatever the history holds, no second exchange.
    w.history.back();
    await sleep(2500);
    expect(await imsStats(clientId)).to.include({ tokenRequests: 1 });
  });

  it('falls back to full-page sign-in when the popup is blocked', async () => {
    const clientId = await newClient();
    let el: AdobeSignIn;
    ({ w, el } = await openStart({ 'client-id': clientId }));
    el.signIn(); // no user gesture in that window: its popup is blocked
    await waitFor(
      () => backOnStart(w!) && recorded(w!).events?.some((e) => e.type === 'token'),
      'the token event back on the start page',
    );
    expect(signInOf(w).signedIn).to.equal(true);
  });

  it('brings an error back to the start page as auth-error', async () => {
    const clientId = await newClient({ auto: true, deny: true });
    let el: AdobeSignIn;
    ({ w, el } = await openStart({ 'client-id': clientId, mode: 'redirect' }));
    el.signIn();
    const events = await waitFor(
      () => (backOnStart(w!) && recorded(w!).events?.length ? recorded(w!).events : undefined),
      'an event',
    );
    expect(events.map((e) => [e.type, e.detail.code])).to.deep.equal([['auth-error', 'access_denied']]);
    expect(signInOf(w).signedIn).to.equal(false);
    expect(signInOf(w).busy).to.equal(false);
  });
});

describe('the redirect page', () => {
  failOnLitWarnings();
  let w: Window | undefined;
  afterEach(() => w?.close());

  it('refuses a replayed answer: state_mismatch and no token request', async () => {
    const clientId = await newClient();
    // Sign in with a redirect page that stays open, to read the answer IMS sent to it.
    let el: AdobeSignIn;
    ({ w, el } = await openStart({
      'client-id': clientId,
      mode: 'redirect',
      'redirect-uri': FIXTURES + 'redirect-stay.html',
    }));
    el.signIn();
    await waitFor(() => recorded(w!).events?.some((e) => e.type === 'token'), 'the token on the redirect page');
    const answer = recorded(w).answer;
    expect(answer).to.match(/code=/);
    expect(w.location.search).not.to.contain('code=');
    expect(recorded(w).tokenRequests).to.have.length(1);

    w.location.href = FIXTURES + 'redirect.html' + answer;
    await sleep(200);
    const events = await waitFor(
      () =>
        w!.location.pathname.endsWith('/redirect.html') && recorded(w!).events?.length
          ? recorded(w!).events
          : undefined,
      'the replayed answer to be refused',
    );
    expect(events.map((e) => [e.type, e.detail.code])).to.deep.equal([['auth-error', 'state_mismatch']]);
    expect(recorded(w).tokenRequests).to.deep.equal([]);
    expect(await imsStats(clientId)).to.include({ tokenRequests: 1 });
  });
});
