// Sign-out that sticks: a sign-in under way when the user signs out ends with it. Its popup closes, and a token that
// still comes is revoked, never taken: no `token` after `sign-out`, nothing stored, nothing on reload.
import { expect, oneEvent } from '@open-wc/testing';
import {
  afterEachOnce,
  click,
  imsStats,
  newClient,
  recordEvents,
  setSwitches,
  signInElement,
  sleep,
  tokenKeyFor,
  waitFor,
  withCleanPage,
  type Switches,
} from '../support/flow.js';
import '../../src/define.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';

const button = (el: AdobeSignIn) => el.shadowRoot!.querySelector('button')!;

/** A button of the page that calls `el.signIn()`: renewing from a user gesture, as the README's recipe does. */
const renewButton = (el: AdobeSignIn) => {
  const b = document.createElement('button');
  b.textContent = 'Stay signed in';
  b.onclick = () => el.signIn();
  document.body.append(b);
  afterEachOnce(() => b.remove());
  return b;
};

/** Signed in, renewing; the user signs out while IMS exchanges the second code. What happens from then on. */
const signOutWhileRenewing = async (renewal: Switches) => {
  const clientId = await newClient();
  const el = await signInElement(clientId);
  const got = oneEvent(el, 'token');
  await click(button(el));
  await got;
  await setSwitches(clientId, { auto: true, tokenDelayMs: 1000, ...renewal });
  await click(renewButton(el));
  await waitFor(async () => (await imsStats(clientId)).tokenRequests === 2, 'the second code exchange');
  const seen = recordEvents(el);
  el.signOut();
  // Long enough for the late exchange to answer, and its token to be taken if it were.
  await sleep(2000);
  return { clientId, el, seen };
};

describe('sign-out ends a sign-in under way', () => {
  const popups = withCleanPage();

  it('takes no late token when the popup was exchanging the code', async () => {
    const { clientId, el, seen } = await signOutWhileRenewing({});
    expect(seen).to.deep.equal(['sign-out:user']);
    expect([el.signedIn, el.busy, el.token]).to.deep.equal([false, false, null]);
    expect(sessionStorage.getItem(tokenKeyFor(clientId))).to.equal(null);
    expect(popups.opened.map((p) => p.closed)).to.deep.equal([true, true]);
  });

  it('revokes the late token when this page was exchanging the code (COOP severed the popup)', async () => {
    const { clientId, el, seen } = await signOutWhileRenewing({ coop: true });
    expect(seen).to.deep.equal(['sign-out:user']);
    expect(el.signedIn).to.equal(false);
    expect(sessionStorage.getItem(tokenKeyFor(clientId))).to.equal(null);
    // The first token at sign-out, the late one when it came.
    const stats = await imsStats(clientId);
    expect([stats.tokenRequests, stats.revocations]).to.deep.equal([2, 2]);
  });

  it('closes the popup of a first sign-in when the page signs out', async () => {
    const clientId = await newClient({});
    const el = await signInElement(clientId);
    const seen = recordEvents(el);
    await click(button(el));
    const popup = await waitFor(() => popups.opened[0], 'the popup');
    el.signOut();
    await waitFor(() => popup.closed, 'the popup to close');
    await sleep(2500);
    expect(seen).to.deep.equal([]);
    expect(el.busy).to.equal(false);
  });
});
