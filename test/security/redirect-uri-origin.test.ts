// IMS answers at the Default Redirect URI when `redirect-uri` matches none of the credential's patterns. On another
// origin (Adobe's sample registers 127.0.0.1 beside a localhost page) that page has no transaction: it says what is
// likely wrong instead of CSRF, and hands the error to the button, which reports config_error and is idle again.
import { expect, oneEvent } from '@open-wc/testing';
import {
  FIXTURES,
  IMS,
  click,
  imsStats,
  newClient,
  pendingState,
  signInElement,
  waitFor,
  withCleanPage,
} from '../support/flow.js';
import '../../src/define.js';
import { exchangeAuthCodeForToken } from '../../src/oauth/exchange.js';

describe('an answer at a redirect URI of another origin', () => {
  const popups = withCleanPage();

  it('gives the button config_error naming that origin, and closes the popup', async () => {
    const clientId = await newClient({});
    const el = await signInElement(clientId);
    const failed = oneEvent(el, 'auth-error');
    await click(el.shadowRoot!.querySelector('button')!);
    const popup = await waitFor(() => popups.opened[0], 'the popup');
    await waitFor(async () => (await imsStats(clientId)).screens.length, 'an IMS screen');
    // As IMS would send it to a Default Redirect URI on 127.0.0.1.
    const other = new URL(FIXTURES + 'redirect.html');
    other.hostname = '127.0.0.1';
    popup.location.href = `${other}?code=c&state=${pendingState()}&iss=${encodeURIComponent(IMS)}`;
    const { detail } = await failed;
    expect(detail.code).to.equal('config_error');
    expect(detail.message).to.contain(other.origin);
    expect(detail.message).to.contain('Redirect URI Patterns');
    await waitFor(() => popup.closed, 'the popup to close');
    expect(el.busy).to.equal(false);
    expect((await imsStats(clientId)).tokenRequests).to.equal(0);
  });

  it('says on the redirect page what is likely wrong when it started no such sign-in', async () => {
    const e = await exchangeAuthCodeForToken({ url: `${location.origin}/redirect.html?code=c&state=unknown` }).catch(
      (x) => x,
    );
    expect(e.code).to.equal('state_mismatch');
    expect(e.message).to.contain(location.origin);
    expect(e.message).to.contain('Default Redirect URI');
  });
});
