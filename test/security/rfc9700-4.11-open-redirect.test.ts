// RFC 9700 section 4.11: after a full-page sign-in the redirect page goes back only into its own origin. A relative
// return address is resolved against it; one elsewhere, or a javascript: URL, leaves the user on the redirect page.
import { expect } from '@open-wc/testing';
import { FIXTURES, failOnLitWarnings, openWindow, sleep, transaction, waitFor } from '../support/flow.js';
import { saveTransaction } from '../../src/oauth/storage.js';

const ims = `${location.origin}/fake-ims/ok`;

/** Opens the redirect page with a fake IMS's answer to a full-page sign-in that will return to `returnTo`. */
const openAnswer = (returnTo: string) => {
  const tx = transaction(ims, { redirectUri: FIXTURES + 'redirect.html', returnTo, mode: 'redirect' });
  // A window gets a copy of this page's sessionStorage when it opens.
  saveTransaction(sessionStorage, 'st', tx);
  return openWindow(`${FIXTURES}redirect.html?code=c&state=st&iss=${encodeURIComponent(ims)}`);
};

describe('RFC 9700 4.11: no open redirector', () => {
  failOnLitWarnings();
  let w: Window | undefined;
  beforeEach(() => sessionStorage.clear());
  afterEach(() => w?.close());

  for (const returnTo of [
    'https://attacker.example/',
    'javascript:alert(document.domain)',
    '//attacker.example/x',
    'http://[',
  ]) {
    it(`stays on the redirect page for a return address of ${returnTo}`, async () => {
      w = await openAnswer(returnTo);
      await waitFor(() => w!.document.querySelector('adobe-auth-redirect')?.getAttribute('status') === 'done', 'done');
      await sleep(500);
      expect(w.location.href).to.contain('/test/fixtures/redirect.html');
    });
  }

  it('follows a relative return address within its own origin', async () => {
    w = await openAnswer('start.html?client-id=client-1');
    await waitFor(() => w!.location.pathname.endsWith('/start.html'), 'the way back');
    expect(w.location.origin).to.equal(location.origin);
  });
});
