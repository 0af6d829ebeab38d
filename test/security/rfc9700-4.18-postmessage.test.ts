// RFC 9700 section 4.18: the opener takes a token only by postMessage, from its own popup, from its own origin, for
// the state it started. The BroadcastChannel, open to any page of the origin, never carries one.
import { expect, fixture, html } from '@open-wc/testing';
import {
  IMS,
  REDIRECT,
  click,
  newClient,
  pendingState,
  sleep,
  tokenFor,
  tokenKeyFor,
  waitFor,
  withCleanPage,
} from '../support/flow.js';
import '../../src/define.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';

describe('RFC 9700 4.18: postMessage and the channel', () => {
  const popups = withCleanPage();

  it('ignores a token planted on the channel: no token event, nothing stored, still waiting for its popup', async () => {
    const clientId = await newClient({});
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id=${clientId} redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    await click(el.shadowRoot!.querySelector('button')!);
    await waitFor(() => popups.opened[0], 'the popup');
    const state = pendingState();
    let tokens = 0;
    el.addEventListener('token', () => tokens++);
    const channel = new BroadcastChannel(`adobe-auth:${state}`);
    channel.postMessage({ type: 'adobe-auth', state, token: tokenFor(clientId, 60000, 'planted') });
    channel.close();
    await sleep(500);
    expect(tokens).to.equal(0);
    expect(el.token).to.equal(null);
    expect(sessionStorage.getItem(tokenKeyFor(clientId))).to.equal(null);
    expect(el.busy).to.equal(true);
  });

  it('ignores a token posted by another window of the origin, or by another origin', async () => {
    const clientId = await newClient({});
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id=${clientId} redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    await click(el.shadowRoot!.querySelector('button')!);
    await waitFor(() => popups.opened[0], 'the popup');
    const forged = { type: 'adobe-auth', state: pendingState(), token: tokenFor(clientId, 60000, 'forged') };
    window.postMessage(forged, location.origin);
    const frame = document.createElement('iframe');
    frame.sandbox.add('allow-scripts');
    frame.srcdoc = `<script>parent.postMessage(${JSON.stringify(forged)}, '*')</script>`;
    document.body.append(frame);
    await sleep(800);
    frame.remove();
    expect(el.token).to.equal(null);
    expect(el.busy).to.equal(true);
  });
});
