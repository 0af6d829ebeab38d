// RFC 7636: a fresh, high-entropy code_verifier per sign-in, and only its S256 challenge goes to IMS.
import { expect, fixture, html } from '@open-wc/testing';
import { IMS, REDIRECT, click, imsStats, newClient, pendingState, waitFor, withCleanPage } from '../support/flow.js';
import '../../src/define.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';
import { challengeFor, randomString } from '../../src/oauth/pkce.js';

describe('RFC 7636 (PKCE): verifier entropy and S256', () => {
  withCleanPage();

  it('makes verifiers of 43 base64url characters (256 random bits), never the same twice', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const v = randomString();
      expect(v).to.match(/^[A-Za-z0-9_-]{43}$/);
      seen.add(v);
    }
    expect(seen.size).to.equal(2000);
  });

  it('takes its randomness from crypto.getRandomValues', () => {
    let asked = 0;
    const crypto = { getRandomValues: (a: Uint8Array) => ((asked += a.length), a.fill(7)) } as unknown as Crypto;
    expect(randomString(32, crypto)).to.equal('BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc');
    expect(asked).to.equal(32);
  });

  it('sends IMS the S256 challenge of the verifier it keeps, with code_challenge_method=S256, never the verifier', async () => {
    const clientId = await newClient({});
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id=${clientId} redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    await click(el.shadowRoot!.querySelector('button')!);
    const state = pendingState();
    const { verifier } = JSON.parse(sessionStorage.getItem(`adobe-auth:tx:${state}`)!);
    const authorize = await waitFor(async () => (await imsStats(clientId)).authorize, 'the authorize request');
    expect(authorize).to.include({ code_challenge_method: 'S256', state, response_type: 'code' });
    expect(authorize!.code_challenge).to.equal(await challengeFor(verifier));
    expect(Object.values(authorize!)).not.to.include(verifier);
  });
});
