// adobe-auth-elements/testing, as an app's tests use it: signInForTest() renders the app signed in with a made-up
// token (every element and getSession() of those settings, with the `token` and `profile` events of a real sign-in),
// session.fetch() sends that token, and signOutForTest() signs out; no request goes to any IMS.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { IMS, REDIRECT, afterEachOnce, imsStats, newClient, recordEvents, withCleanPage } from '../support/flow.js';
import { getSession, type AdobeSignIn } from '../support/kit.js';
import { signInForTest, signOutForTest } from '../../src/testing.js';

/** Every request the page makes while a test runs, answered 200 here: nothing leaves the page. */
const captureFetch = () => {
  const real = window.fetch;
  const sent: Request[] = [];
  window.fetch = async (input, init) => {
    sent.push(new Request(input, init));
    return new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const restore = () => (window.fetch = real);
  afterEachOnce(restore);
  return Object.assign(sent, { restore });
};

describe('signInForTest() and signOutForTest()', () => {
  withCleanPage();

  it('render the elements signed in, with the events of a real sign-in, and signed out again', async () => {
    const clientId = await newClient();
    const sent = captureFetch();
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id=${clientId} redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    const session = getSession({ clientId, imsOrigin: IMS });
    const [onElement, onSession] = [recordEvents(el), recordEvents(session)];
    const profile = { sub: 'U1@AdobeID', name: 'Ada Lovelace', email: 'ada@example.com' };
    const token = signInForTest({ clientId, imsOrigin: IMS, profile, token: { scope: 'AdobeID,openid,profile' } });
    await el.updateComplete;
    expect(el.signedIn).to.equal(true);
    expect(el.token).to.equal(token);
    expect(session.token).to.equal(token);
    expect(token).to.deep.include({ clientId, tokenType: 'bearer', scope: 'AdobeID,openid,profile' });
    expect(el.profile).to.deep.equal(profile);
    expect(el.shadowRoot!.querySelector('[part=user]')!.textContent).to.equal('Ada Lovelace');

    signOutForTest({ clientId, imsOrigin: IMS });
    await el.updateComplete;
    expect([el.signedIn, el.token, session.token]).to.deep.equal([false, null, null]);
    expect(onElement).to.deep.equal(['token', 'profile', 'sign-out:user']);
    expect(onSession).to.deep.equal(['token', 'profile', 'sign-out:user']);
    expect(sent.map((r) => r.url)).to.deep.equal([]);
    sent.restore();
    expect(await imsStats(clientId)).to.deep.include({ tokenRequests: 0, revocations: 0, userinfoRequests: 0 });
  });

  it('give session.fetch() the made-up token to send', async () => {
    const clientId = await newClient();
    const token = signInForTest({ clientId, imsOrigin: IMS });
    const sent = captureFetch();
    const res = await getSession({ clientId, imsOrigin: IMS }).fetch('https://api.adobe.io/hello');
    expect(res.status).to.equal(200);
    expect(sent.map((r) => r.headers.get('authorization'))).to.deep.equal([`Bearer ${token.accessToken}`]);
  });

  it('sign in an element that comes later, and a session of Adobe’s own IMS (no ims-origin)', async () => {
    const token = signInForTest({ clientId: 'later-app' });
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id="later-app" redirect-uri=${REDIRECT}></adobe-sign-in>`,
    );
    expect([el.signedIn, el.token]).to.deep.equal([true, token]);
    const out = oneEvent(el, 'sign-out');
    signOutForTest({ clientId: 'later-app' });
    expect((await out).detail).to.deep.equal({ clientId: 'later-app', reason: 'user' });
  });
});
