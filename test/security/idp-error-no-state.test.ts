// An error answer without `state` (`?error=access_denied&error_description=…`) is reported with the IdP's own code and
// description, not as state_mismatch, says it could not be tied to a sign-in of this page, and exchanges nothing.
import { expect } from '@open-wc/testing';
import { FIXTURES, failOnLitWarnings, openWindow, recorded, waitFor } from '../support/flow.js';
import { exchangeAuthCodeForToken } from '../../src/oauth/exchange.js';

describe('an IdP error with no state', () => {
  failOnLitWarnings();
  let w: Window | undefined;
  afterEach(() => w?.close());

  it('is what exchangeAuthCodeForToken() rejects with', async () => {
    const url = `${location.origin}/redirect.html?error=access_denied&error_description=The+user+said+no`;
    const e = await exchangeAuthCodeForToken({ url }).catch((x) => x);
    expect([e.code, e.description]).to.deep.equal(['access_denied', 'The user said no']);
    expect(e.message).to.contain('The user said no');
    expect(e.message).to.contain('not tied to a sign-in of this page');
  });

  it('is what the redirect page shows and fires, with no token request', async () => {
    w = await openWindow(`${FIXTURES}redirect-stay.html?error=login_required&error_description=Sign+in+first`);
    const [event] = await waitFor(() => (recorded(w!).events?.length ? recorded(w!).events : undefined), 'the event');
    expect(event.type).to.equal('auth-error');
    expect(event.detail).to.include({ code: 'login_required', description: 'Sign in first' });
    const shown = w.document.querySelector('adobe-auth-redirect')!.shadowRoot!.querySelector('[part=message]');
    expect(shown!.textContent).to.contain('Sign in first');
    expect(recorded(w).tokenRequests).to.deep.equal([]);
  });
});
