// One sign-in at a time per session, and what the settings mean while one is under way:
// - two elements of one session asked to sign in at once: one popup, the second call brings it forward;
// - `disabled` set mid-flow: no new sign-in or sign-out, but the sign-in under way completes;
// - client-id (or IMS, or storage) changed mid-flow: that sign-in ends, with `config_error`;
// - a popup left open past the transaction's lifetime closes with `timeout`.
import { expect, oneEvent } from '@open-wc/testing';
import {
  afterEachOnce,
  click,
  imsStats,
  newClient,
  recordEvents,
  signInElement,
  sleep,
  tokenKeyFor,
  waitFor,
  withCleanPage,
} from '../support/flow.js';
import '../../src/define.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';
import { limits } from '../../src/oauth/storage.js';

const button = (el: AdobeSignIn) => el.shadowRoot!.querySelector('button')!;

/** A button of the page whose click runs `fn`: a user gesture. */
const pageButton = (fn: () => void) => {
  const b = document.createElement('button');
  b.textContent = 'Go';
  b.onclick = fn;
  document.body.append(b);
  afterEachOnce(() => b.remove());
  return b;
};

describe('one sign-in at a time', () => {
  const popups = withCleanPage();

  it('opens one popup when two elements of a session are asked to sign in in one click', async () => {
    const clientId = await newClient();
    const [a, b] = [await signInElement(clientId), await signInElement(clientId)];
    const here = location.href;
    const got = [oneEvent(a, 'token'), oneEvent(b, 'token')];
    await click(
      pageButton(() => {
        a.signIn();
        b.signIn();
      }),
    );
    const [ta, tb] = await Promise.all(got);
    expect(ta.detail.accessToken).to.equal(tb.detail.accessToken);
    expect(popups.opened).to.have.length(1);
    expect(location.href).to.equal(here);
    expect((await imsStats(clientId)).tokenRequests).to.equal(1);
  });

  it('lets a sign-in under way complete when the element is disabled, and then refuses sign-out', async () => {
    const clientId = await newClient({ auto: true, tokenDelayMs: 1000 });
    const el = await signInElement(clientId);
    const got = oneEvent(el, 'token');
    await click(button(el));
    el.disabled = true;
    await got;
    await el.updateComplete;
    expect([el.signedIn, el.busy, button(el).disabled]).to.deep.equal([true, false, true]);
    el.signOut();
    expect(el.signedIn).to.equal(true);
  });

  it('ends the sign-in with config_error when client-id changes under it', async () => {
    const clientId = await newClient({});
    const el = await signInElement(clientId);
    await click(button(el));
    const popup = await waitFor(() => popups.opened[0], 'the popup');
    const failed = oneEvent(el, 'auth-error');
    el.clientId = await newClient();
    const { detail } = await failed;
    expect(detail.code).to.equal('config_error');
    expect(detail.message).to.contain('client-id');
    await waitFor(() => popup.closed, 'the popup to close');
    expect([el.busy, el.signedIn]).to.deep.equal([false, false]);
    expect(sessionStorage.getItem(tokenKeyFor(clientId))).to.equal(null);
  });

  it('closes a popup left open past the transaction lifetime, with timeout', async () => {
    const clientId = await newClient({});
    const el = await signInElement(clientId);
    const seen = recordEvents(el);
    const before = limits.transactionMs;
    limits.transactionMs = 1500;
    afterEachOnce(() => (limits.transactionMs = before));
    await click(button(el));
    const popup = await waitFor(() => popups.opened[0], 'the popup');
    await waitFor(() => seen.length, 'an event', 5000);
    expect(seen).to.deep.equal(['auth-error:timeout']);
    await waitFor(() => popup.closed, 'the popup to close');
    await sleep(100);
    expect(el.busy).to.equal(false);
  });
});
