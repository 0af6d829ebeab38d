// The browser-based-apps BCP on storage: tokens per tab by default, in memory on request, never in a URL, never in
// localStorage unless asked; transactions in sessionStorage, used once; a token that cannot be stored is revoked.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import {
  FIXTURES,
  IMS,
  REDIRECT,
  click,
  imsStats,
  newClient,
  openWindow,
  eventsBackOn,
  signInOf,
  tokenKeyFor,
  waitFor,
  withCleanPage,
} from '../support/flow.js';
import '../../src/define.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';

describe('browser-based-apps BCP: token storage', () => {
  withCleanPage();
  let w: Window | undefined;
  afterEach(() => w?.close());

  it('keeps the token in this tab only by default, and the transaction not at all once used', async () => {
    const clientId = await newClient();
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id=${clientId} redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    const got = oneEvent(el, 'token');
    await click(el.shadowRoot!.querySelector('button')!);
    const { detail } = await got;
    expect(Object.keys(sessionStorage)).to.deep.equal([tokenKeyFor(clientId)]);
    expect(Object.values(localStorage).join()).not.to.contain(detail.accessToken);
    expect(location.href + document.cookie).not.to.contain(detail.accessToken);
  });

  it('revokes a token the redirect page cannot store, and reports storage_unavailable', async () => {
    const clientId = await newClient();
    // Full page, in a window of its own: the redirect page there cannot write tokens.
    w = await openWindow(
      FIXTURES +
        'start.html?' +
        new URLSearchParams({
          'client-id': clientId,
          mode: 'redirect',
          'redirect-uri': FIXTURES + 'redirect-broken-storage.html',
        }),
    );
    (await signInOf(w)).signIn();
    const events = await eventsBackOn(w, '/start.html');
    expect(events.map((e) => [e.type, e.detail.code])).to.deep.equal([['auth-error', 'storage_unavailable']]);
    await waitFor(async () => (await imsStats(clientId)).revocations === 1, 'the revocation');
    expect((await imsStats(clientId)).tokenRequests).to.equal(1);
  });
});
