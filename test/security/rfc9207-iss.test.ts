// RFC 9207: the redirect page checks the answer's iss against the issuer its transaction expects. The local IMS
// sends iss, as OpenID providers do: a missing one is refused. Adobe's IMS does not announce iss: from it, a missing
// one is accepted (and a present one must still name it).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import {
  FIXTURES,
  IMS,
  REDIRECT,
  click,
  imsStats,
  newClient,
  openWindow,
  pendingState,
  eventsIn,
  signInElement,
  tokenKeyFor,
  transaction,
  waitFor,
  withCleanPage,
} from '../support/flow.js';
import { trustImsOrigin } from '../../src/oauth/ims.js';
import '../../src/define.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';
import { exchangeAuthCodeForToken } from '../../src/oauth/exchange.js';
import { saveTransaction } from '../../src/oauth/storage.js';

const HERE = location.origin + location.pathname;
const tx = (ims: string) => transaction(ims, { mode: 'redirect' });

describe('RFC 9207: the issuer of the answer', () => {
  const popups = withCleanPage();

  it('refuses an answer without iss from the local IMS, which sends one: issuer_mismatch, nothing exchanged', async () => {
    const clientId = await newClient({ auto: true, iss: '' });
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id=${clientId} redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    const failed = oneEvent(el, 'auth-error');
    await click(el.shadowRoot!.querySelector('button')!);
    expect((await failed).detail.code).to.equal('issuer_mismatch');
    expect((await imsStats(clientId)).tokenRequests).to.equal(0);
    expect(sessionStorage.getItem(tokenKeyFor(clientId))).to.equal(null);
  });

  it("accepts an answer without iss from Adobe's IMS, and exchanges it there", async () => {
    saveTransaction(sessionStorage, 's-adobe', tx('https://ims-na1.adobelogin.com'));
    const asked: string[] = [];
    const fakeFetch = async (url: URL | RequestInfo) => {
      asked.push(String(url));
      return new Response('{"access_token":"at","expires_in":60}');
    };
    const token = await exchangeAuthCodeForToken({
      url: `${HERE}?code=c&state=s-adobe`,
      fetch: fakeFetch as typeof fetch,
    });
    expect(token.accessToken).to.equal('at');
    expect(asked).to.deep.equal(['https://ims-na1.adobelogin.com/ims/token/v3?client_id=client-1']);
  });

  it("refuses an answer from Adobe's IMS whose iss names another issuer", async () => {
    saveTransaction(sessionStorage, 's-adobe', tx('https://ims-na1.adobelogin.com'));
    let asked = 0;
    const fakeFetch = async () => (asked++, new Response('{}'));
    const e = await exchangeAuthCodeForToken({
      url: `${HERE}?code=c&state=s-adobe&iss=${encodeURIComponent('https://ims-na1-stg1.adobelogin.com')}`,
      fetch: fakeFetch as typeof fetch,
    }).catch((x) => x);
    expect(e.code).to.equal('issuer_mismatch');
    expect(asked).to.equal(0);
  });

  it('checks iss on error answers too', async () => {
    saveTransaction(sessionStorage, 's-local', tx(IMS));
    const e = await exchangeAuthCodeForToken({
      url: `${HERE}?error=access_denied&state=s-local&iss=${encodeURIComponent('https://attacker.example')}`,
    }).catch((x) => x);
    expect(e.code).to.equal('issuer_mismatch');
  });

  it('takes trustImsOrigin(origin, {sendsIss: false}) to the redirect page, which never called it', async () => {
    // The start page's half: its transaction records what its script said of that IMS.
    trustImsOrigin('https://ims.example', { sendsIss: false });
    const el = await signInElement('client-1', 'ims-origin=https://ims.example');
    await click(el.shadowRoot!.querySelector('button')!);
    await waitFor(() => popups.opened[0], 'the popup');
    const started = JSON.parse(sessionStorage.getItem(`adobe-auth:tx:${pendingState()}`)!);
    expect(started.sendsIss).to.equal(false);
    popups.opened[0].close();
    sessionStorage.clear();

    // The redirect page's half, in a window of its own: an answer without iss, from an IMS of such a transaction.
    const ims = `${location.origin}/fake-ims/ok`;
    const page = FIXTURES + 'redirect-stay.html';
    saveTransaction(
      sessionStorage,
      's-no-iss',
      transaction(ims, { redirectUri: page, mode: 'redirect', sendsIss: false }),
    );
    const w = await openWindow(`${page}?code=c&state=s-no-iss`);
    try {
      const events = await eventsIn(w);
      expect(events.map((e) => e.type)).to.deep.equal(['token']);
    } finally {
      w.close();
    }
  });
});
