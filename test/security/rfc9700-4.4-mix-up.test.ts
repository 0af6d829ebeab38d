// RFC 9700 section 4.4 (mix-up) and 4.5's attribute injection: an element an attacker injected with their own
// ims-origin gets config_error before anything opens or is sent, and never sees the stored token; an answer whose
// iss names another issuer is refused. (test/security/attacker-origin.test.mjs counts the requests at a real attacker
// server in Chromium.)
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import {
  IMS,
  REDIRECT,
  click,
  imsStats,
  newClient,
  storeToken,
  tokenFor,
  tokenKeyFor,
  withCleanPage,
} from '../support/flow.js';
import '../../src/define.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';

/** Counts every fetch of the page while a test runs. */
const countFetches = () => {
  const real = window.fetch;
  const calls: string[] = [];
  window.fetch = (input, init) => (calls.push(String(input)), real(input, init));
  return { calls, restore: () => (window.fetch = real) };
};

describe('RFC 9700 4.4: mix-up, injected ims-origin', () => {
  const popups = withCleanPage();

  for (const attacker of [
    'https://ims-na1.adobelogin.com.attacker.example',
    'http://attacker.example',
    'https://127.0.0.2.nip.example',
  ]) {
    it(`refuses ims-origin="${attacker}" with config_error: no popup, no request, no token`, async () => {
      const clientId = await newClient();
      storeToken(tokenFor(clientId), sessionStorage, 'https://ims-na1.adobelogin.com');
      const fetches = countFetches();
      try {
        const el = await fixture<AdobeSignIn>(
          html`<adobe-sign-in client-id=${clientId} redirect-uri=${REDIRECT} ims-origin=${attacker}></adobe-sign-in>`,
        );
        expect(el.token).to.equal(null);
        expect(el.signedIn).to.equal(false);
        const failed = oneEvent(el, 'auth-error');
        await click(el.shadowRoot!.querySelector('button')!);
        const { detail } = await failed;
        expect(detail.code).to.equal('config_error');
        expect(detail.message).to.contain(new URL(attacker).host);
        el.signOut();
        expect(popups.opened).to.have.length(0);
        expect(fetches.calls).to.deep.equal([]);
        expect(Object.keys(sessionStorage).filter((k) => k.startsWith('adobe-auth:tx:'))).to.deep.equal([]);
      } finally {
        fetches.restore();
      }
    });
  }

  it('refuses an answer whose iss names another issuer with issuer_mismatch: nothing exchanged, nothing stored', async () => {
    const clientId = await newClient({ auto: true, iss: 'https://attacker.example' });
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id=${clientId} redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    const failed = oneEvent(el, 'auth-error');
    await click(el.shadowRoot!.querySelector('button')!);
    const { detail } = await failed;
    expect(detail.code).to.equal('issuer_mismatch');
    expect(detail.message).to.contain('https://attacker.example');
    expect((await imsStats(clientId)).tokenRequests).to.equal(0);
    expect(sessionStorage.getItem(tokenKeyFor(clientId))).to.equal(null);
    expect(el.busy).to.equal(false);
  });
});
