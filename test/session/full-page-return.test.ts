// Back on the start page after a full-page sign-in: the `token` (or `auth-error`) event fires once the page's `load`
// event has passed, so a listener in a module script that imports others hears it. What the redirect page left is
// checked as a stored token is: a planted outcome with no token, or another client's, is ignored.
import { expect } from '@open-wc/testing';
import {
  FIXTURES,
  IMS,
  failOnLitWarnings,
  newClient,
  openWindow,
  recordEvents,
  signInElement,
  signInOf,
  sleep,
  tokenFor,
  waitFor,
} from '../support/flow.js';
import '../../src/define.js';
import { tokenKey } from '../../src/oauth/storage.js';

const outcomeKey = (clientId: string) => tokenKey(IMS, clientId, 'adobe-auth:outcome:');

describe('back on the start page', () => {
  failOnLitWarnings();
  let w: Window | undefined;
  afterEach(() => w?.close());
  beforeEach(() => sessionStorage.clear());

  it("fires token after load, so a module script's listener added after its imports hears it", async () => {
    const clientId = await newClient();
    w = await openWindow(
      FIXTURES + 'start-late.html?' + new URLSearchParams({ 'client-id': clientId, mode: 'redirect' }),
    );
    (await signInOf(w)).signIn();
    type Late = Window & { lateEvents?: { type: string }[] };
    const events = await waitFor(
      () =>
        w!.location.pathname.endsWith('/start-late.html') && (w as Late).lateEvents?.length
          ? (w as Late).lateEvents
          : undefined,
      'an event heard by the late listener',
    );
    expect(events.map((e) => e.type)).to.deep.equal(['token']);
    expect((await signInOf(w)).signedIn).to.equal(true);
  });

  for (const [what, outcome] of [
    ['a null token', { token: null }],
    ["another client's token", { token: tokenFor('someone-else') }],
    ['a token that is not one', { token: { accessToken: 42, expiresAt: 'soon' } }],
    ['an error without a code', { error: { message: 'hello' } }],
    ['garbage', 'not json {'],
  ] as const) {
    it(`ignores an outcome left in storage with ${what}`, async () => {
      const clientId = await newClient();
      const value = typeof outcome == 'string' ? outcome : JSON.stringify(outcome);
      sessionStorage.setItem(outcomeKey(clientId), value);
      const el = await signInElement(clientId);
      const seen = recordEvents(el);
      await sleep(300);
      expect(seen).to.deep.equal([]);
      expect([el.signedIn, el.token]).to.deep.equal([false, null]);
      expect(sessionStorage.getItem(outcomeKey(clientId))).to.equal(null);
    });
  }

  it('reports an outcome of its own client', async () => {
    const clientId = await newClient();
    sessionStorage.setItem(outcomeKey(clientId), JSON.stringify({ error: { code: 'access_denied', message: 'No.' } }));
    const el = await signInElement(clientId);
    const seen = recordEvents(el);
    await waitFor(() => seen.length, 'the event', 2000);
    expect(seen).to.deep.equal(['auth-error:access_denied']);
  });
});
