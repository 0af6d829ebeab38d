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
  recorded,
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
    const el = document.createElement('adobe-sign-in');
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
    const start = await waitFor(() => {
      const e = w!.document.querySelector('adobe-sign-in') as AdobeSignIn | null;
      return e?.shadowRoot && e;
    }, 'the start page');
    start.signIn();
    const events = await waitFor(
      () =>
        w!.location.pathname.endsWith('/start.html') &&
        w!.document.readyState == 'complete' &&
        recorded(w!).events.length
          ? recorded(w!).events
          : undefined,
      'the outcome back on the start page',
    );
    expect(events.map((e) => [e.type, e.detail.code])).to.deep.equal([['auth-error', 'storage_unavailable']]);
    await waitFor(async () => (await imsStats(clientId)).revocations === 1, 'the revocation');
    expect((await imsStats(clientId)).tokenRequests).to.equal(1);
    el.remove();
  });
});
