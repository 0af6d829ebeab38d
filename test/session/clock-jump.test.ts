// A wall-clock jump (a laptop woken after hours, a clock set forward) never leaves the session holding an expired
// token: its timer counts the time the page ran, so reading `token`, session.fetch() and the page being shown again
// sign it out with reason `expired` first, and nothing is sent with it.
import { expect } from '@open-wc/testing';
import {
  IMS,
  afterEachOnce,
  newClient,
  recordEvents,
  signInElement,
  storeToken,
  tokenFor,
  withCleanPage,
} from '../support/flow.js';
import { AuthError, getSession } from '../support/kit.js';

/** Moves the page's wall clock `ms` forward for the rest of the test; its timers do not notice. */
const clockForward = (ms: number) => {
  const now = Date.now;
  Date.now = () => now() + ms;
  afterEachOnce(() => (Date.now = now));
};

/** A session signed in with a token that expires in an hour; its element and events. */
const signedIn = async () => {
  const clientId = await newClient();
  storeToken(tokenFor(clientId, 3600_000, `at-${clientId}`));
  const el = await signInElement(clientId);
  const session = getSession({ clientId, imsOrigin: IMS });
  expect([el.signedIn, !!session.token]).to.deep.equal([true, true]);
  return { clientId, el, session, events: recordEvents(el) };
};

describe('a clock that jumps past the token’s expiry', () => {
  withCleanPage();

  it('signs out, expired, when the token is read', async () => {
    const { el, session, events } = await signedIn();
    clockForward(2 * 3600_000);
    expect(el.token).to.equal(null);
    expect(session.token).to.equal(null);
    expect(events).to.deep.equal(['sign-out:expired']);
    await el.updateComplete;
    expect(el.signedIn).to.equal(false);
  });

  it('sends nothing from session.fetch(): login_required', async () => {
    const { session, events } = await signedIn();
    const sent: string[] = [];
    const real = window.fetch;
    window.fetch = async (input) => (sent.push(String(input)), new Response('{}'));
    afterEachOnce(() => (window.fetch = real));
    clockForward(2 * 3600_000);
    const e = await session.fetch('https://api.adobe.io/hello').catch((x) => x);
    expect(e).to.be.instanceOf(AuthError);
    expect(e.code).to.equal('login_required');
    expect(sent.filter((u) => u.includes('adobe.io'))).to.deep.equal([]);
    expect(events).to.deep.equal(['sign-out:expired']);
  });

  it('signs out, expired, when the page is shown again', async () => {
    const { el, events } = await signedIn();
    clockForward(2 * 3600_000);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(events).to.deep.equal(['sign-out:expired']);
    await el.updateComplete;
    expect(el.hasAttribute('signed-in')).to.equal(false);
  });
});
