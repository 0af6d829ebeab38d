// RFC 9700 section 2.1: the authorization code grant with PKCE, an exact redirect URI and an unguessable state; no
// implicit grant; no token in a URL.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { IMS, REDIRECT, click, imsStats, newClient, waitFor, withCleanPage } from '../support/flow.js';
import '../../src/define.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';

describe('RFC 9700 2.1: code flow with PKCE, exact redirect URI, state', () => {
  const popups = withCleanPage();

  it('asks for a code (never a token), for its exact redirect URI, with PKCE and a fresh state', async () => {
    const clientId = await newClient();
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id=${clientId} redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    const got = oneEvent(el, 'token');
    await click(el.shadowRoot!.querySelector('button')!);
    const { detail } = await got;
    const { authorize } = await imsStats(clientId);
    expect(authorize).to.include({ response_type: 'code', redirect_uri: REDIRECT, code_challenge_method: 'S256' });
    expect(authorize!.state).to.match(/^[A-Za-z0-9_-]{22}$/);
    expect(authorize!.code_challenge).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(Object.keys(authorize!)).not.to.include('response_mode');
    // The token never travels in a URL: not in this page's, not in the popup's history.
    expect(location.href).not.to.contain(detail.accessToken);
    await waitFor(() => popups.opened[0].closed, 'the popup to close');
  });
});
