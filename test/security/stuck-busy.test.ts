// Never stuck busy: a full-page sign-in whose page did not leave (a dismissed "leave page?" prompt, an authorize
// endpoint answering 204) gives the button back within seconds.
import { expect } from '@open-wc/testing';
import { FIXTURES, failOnLitWarnings, newClient, openWindow, signInOf, waitFor } from '../support/flow.js';

describe('never stuck busy', () => {
  failOnLitWarnings();
  let w: Window | undefined;
  afterEach(() => w?.close());

  it('gives the button back when a full-page sign-in does not leave the page', async () => {
    const clientId = await newClient({ authorizeNoContent: true });
    w = await openWindow(FIXTURES + 'start.html?' + new URLSearchParams({ 'client-id': clientId, mode: 'redirect' }));
    const el = await signInOf(w);
    el.signIn();
    expect(el.busy).to.equal(true);
    const t0 = Date.now();
    await waitFor(() => !el.busy, 'the button to come back', 8000);
    expect(Date.now() - t0).to.be.below(8000);
    expect(w.location.pathname).to.contain('/start.html');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')!.hasAttribute('aria-busy')).to.equal(false);
  });
});
