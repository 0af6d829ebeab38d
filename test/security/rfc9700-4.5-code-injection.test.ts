// RFC 9700 section 4.5: a code injected into someone's sign-in fails, because PKCE binds the code to the verifier
// only the real sign-in holds; what fails is reported, never stored.
import { expect, oneEvent } from '@open-wc/testing';
import {
  IMS,
  click,
  imsStats,
  newClient,
  pendingState,
  tokenKeyFor,
  waitFor,
  withCleanPage,
  signInElement,
} from '../support/flow.js';
import '../../src/define.js';

describe('RFC 9700 4.5: authorization code injection', () => {
  const popups = withCleanPage();

  it("refuses a code planted on the sign-in's channel: IMS rejects it against the real verifier", async () => {
    const clientId = await newClient({});
    const el = await signInElement(clientId);
    await click(el.shadowRoot!.querySelector('button')!);
    await waitFor(() => popups.opened[0], 'the popup');
    const state = pendingState();
    const failed = oneEvent(el, 'auth-error');
    // A same-origin page that learned the state plants a code of its own.
    const channel = new BroadcastChannel(`adobe-auth:${state}`);
    channel.postMessage({ type: 'adobe-auth', state, code: 'attackers-code', iss: IMS });
    channel.close();
    expect((await failed).detail.code).to.equal('invalid_grant');
    expect(el.signedIn).to.equal(false);
    expect(sessionStorage.getItem(tokenKeyFor(clientId))).to.equal(null);
    expect((await imsStats(clientId)).tokenRequests).to.equal(1);
  });
});
