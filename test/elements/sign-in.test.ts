import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import {
  IMS,
  REDIRECT,
  withCleanPage,
  click,
  imsStats,
  newClient,
  sleep,
  storeToken,
  tokenFor,
  tokenKeyFor,
  userActivationExpired,
  waitFor,
} from '../support/flow.js';
import { AdobeSignIn } from '../support/kit.js';

const button = (el: AdobeSignIn) => el.shadowRoot!.querySelector('button')!;
const visibleLabel = (el: AdobeSignIn) =>
  [...button(el).querySelectorAll('slot')].find((s) => getComputedStyle(s).display !== 'none')!;

describe('<adobe-sign-in>', () => {
  const popups = withCleanPage();

  it('has its documented defaults', async () => {
    const el = await fixture<AdobeSignIn>(html`<adobe-sign-in></adobe-sign-in>`);
    expect(el).to.be.instanceOf(AdobeSignIn);
    expect(el.scope).to.equal('AdobeID,openid');
    expect(el.environment).to.equal('prod');
    expect(el.mode).to.equal('popup');
    expect(el.popupFallback).to.equal('redirect');
    expect(el.storage).to.equal('session');
    expect(el.renewBefore).to.equal(300);
    expect(el.endSession).to.equal(false);
    expect(el.authorizeParams).to.equal(undefined);
    expect(el.disabled).to.equal(false);
    expect(el.busy).to.equal(false);
    expect(el.signedIn).to.equal(false);
    expect(el.token).to.equal(null);
    expect(button(el).getAttribute('part')).to.equal('button');
    expect(visibleLabel(el).name).to.equal('');
    expect(visibleLabel(el).textContent).to.equal('Sign in with Adobe');
  });

  it('is accessible, signed out and signed in', async () => {
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id="a" redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    await expect(el).to.be.accessible();
    storeToken(tokenFor('b'));
    const signedIn = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id="b" redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    expect(signedIn.signedIn).to.equal(true);
    await expect(signedIn).to.be.accessible();
  });

  it('wears its own styles, which a page themes with the documented custom properties', async () => {
    const el = await fixture<AdobeSignIn>(html`<adobe-sign-in></adobe-sign-in>`);
    const style = getComputedStyle(button(el));
    expect(getComputedStyle(el).display).to.equal('inline-block');
    expect(style.backgroundColor).to.equal('rgb(20, 115, 230)');
    expect(style.color).to.equal('rgb(255, 255, 255)');
    expect(style.borderTopLeftRadius).to.equal('16px');
    const themed = await fixture<HTMLElement>(
      html`<div style="--adobe-sign-in-background: rgb(1, 2, 3); --adobe-sign-in-radius: 2px">
        <adobe-sign-in></adobe-sign-in>
      </div>`,
    );
    const inner = getComputedStyle(button(themed.querySelector('adobe-sign-in')!));
    expect(inner.backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(inner.borderTopLeftRadius).to.equal('2px');
    el.hidden = true;
    expect(getComputedStyle(el).display).to.equal('none');
  });

  for (const [attrs, missing] of [
    [{ 'redirect-uri': REDIRECT }, 'client-id'],
    [{ 'client-id': 'a' }, 'redirect-uri'],
    [{ 'client-id': 'a', 'redirect-uri': '/relative.html' }, 'redirect-uri'],
    [{ 'client-id': 'a', 'redirect-uri': REDIRECT, environment: 'dev' }, 'environment'],
    [{ 'client-id': 'a', 'redirect-uri': REDIRECT, environment: '__proto__' }, 'environment'],
    [{ 'client-id': 'a', 'redirect-uri': REDIRECT, storage: 'cookie' }, 'storage'],
    [{ 'client-id': 'a', 'redirect-uri': REDIRECT, 'authorize-params': 'state=x' }, 'state'],
    [{ 'client-id': 'a', 'redirect-uri': REDIRECT, 'authorize-params': 'response_mode=fragment' }, 'response_mode'],
    [{ 'client-id': 'a', 'redirect-uri': REDIRECT, 'authorize-params': 'response_mode=form_post' }, 'response_mode'],
    [{ 'client-id': 'a', 'redirect-uri': REDIRECT, 'ims-origin': 'https://attacker.example' }, 'trustImsOrigin'],
    [{ 'client-id': 'a', 'redirect-uri': REDIRECT, 'ims-origin': 'http://ims.example' }, 'https'],
  ] as const) {
    it(`reports config_error naming ${missing}, and opens no popup`, async () => {
      const el = document.createElement('adobe-sign-in');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      document.body.append(el);
      try {
        await el.updateComplete;
        const failed = oneEvent(el, 'auth-error');
        await click(button(el));
        const { detail } = await failed;
        expect(detail.code).to.equal('config_error');
        expect(detail.message).to.contain(missing);
        expect(popups.opened).to.have.length(0);
        expect(el.busy).to.equal(false);
        expect(Object.keys(sessionStorage)).to.deep.equal([]);
      } finally {
        el.remove();
      }
    });
  }

  it('does nothing while disabled', async () => {
    const clientId = await newClient();
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in disabled client-id=${clientId} redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    expect(button(el).disabled).to.equal(true);
    el.signIn();
    await click(button(el));
    await sleep(300);
    expect(popups.opened).to.have.length(0);
    expect(el.busy).to.equal(false);
  });

  it('reports popup_blocked when the popup is blocked and popup-fallback="none"', async () => {
    const clientId = await newClient();
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in
        popup-fallback="none"
        client-id=${clientId}
        redirect-uri=${REDIRECT}
        ims-origin=${IMS}
      ></adobe-sign-in>`,
    );
    await userActivationExpired();
    const failed = oneEvent(el, 'auth-error');
    el.signIn(); // no user gesture: the browser's popup blocker refuses
    const { detail } = await failed;
    expect(detail.code).to.equal('popup_blocked');
    expect(el.busy).to.equal(false);
    expect(location.pathname).not.to.contain('/ims/');
    expect(Object.keys(sessionStorage)).to.deep.equal([]);
  });

  it('restores a stored, unexpired token on load', async () => {
    const token = tokenFor('c1');
    storeToken(token);
    const events: string[] = [];
    document.addEventListener('token', () => events.push('token'), { once: true });
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id="c1" redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    expect(el.token).to.deep.equal(token);
    expect(el.signedIn).to.equal(true);
    expect(el.hasAttribute('signed-in')).to.equal(true);
    expect(visibleLabel(el).name).to.equal('sign-out');
    await sleep(50);
    expect(events).to.deep.equal([]);
    const other = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id="c2" redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    expect(other.signedIn).to.equal(false);
    // The same client id at another IMS is another session: one IMS's token is never another's.
    const stage = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id="c1" redirect-uri=${REDIRECT} environment="stage"></adobe-sign-in>`,
    );
    expect(stage.signedIn).to.equal(false);
  });

  it('restores the token when client-id is set after the element is connected', async () => {
    const token = tokenFor('late');
    storeToken(token);
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    expect(el.signedIn).to.equal(false);
    el.clientId = 'late';
    await el.updateComplete;
    expect(el.token).to.deep.equal(token);
    expect(el.signedIn).to.equal(true);
  });

  it('signs out by itself when the token expires, with reason expired', async () => {
    storeToken(tokenFor('c-expiring', 1500));
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id="c-expiring" redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    expect(el.signedIn).to.equal(true);
    const { detail } = await oneEvent(el, 'sign-out');
    expect(detail).to.deep.equal({ clientId: 'c-expiring', reason: 'expired' });
    expect(el.token).to.equal(null);
    await el.updateComplete;
    expect(el.hasAttribute('signed-in')).to.equal(false);
    expect(sessionStorage.getItem(tokenKeyFor('c-expiring'))).to.equal(null);
  });

  it('does not restore an expired token', async () => {
    storeToken(tokenFor('c-old', -1));
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id="c-old" redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    expect(el.signedIn).to.equal(false);
    expect(sessionStorage.length).to.equal(0);
  });

  it('signs out: clears the token, fires sign-out, revokes the token at IMS', async () => {
    const clientId = await newClient();
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in client-id=${clientId} redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>`,
    );
    const got = oneEvent(el, 'token');
    await click(button(el));
    await got;
    await el.updateComplete;
    const out = oneEvent(el, 'sign-out');
    await click(button(el));
    const { detail } = await out;
    expect(detail).to.deep.equal({ clientId, reason: 'user' });
    expect(el.token).to.equal(null);
    expect(el.signedIn).to.equal(false);
    expect(el.hasAttribute('signed-in')).to.equal(false);
    expect(sessionStorage.getItem(tokenKeyFor(clientId))).to.equal(null);
    await waitFor(async () => (await imsStats(clientId)).revocations === 1, 'the revocation');
    await el.updateComplete;
    expect(visibleLabel(el).name).to.equal('');
  });

  it('fires sign-out only when there was a token', async () => {
    const el = await fixture<AdobeSignIn>(html`<adobe-sign-in client-id="a" redirect-uri=${REDIRECT}></adobe-sign-in>`);
    let fired = 0;
    el.addEventListener('sign-out', () => fired++);
    el.signOut();
    expect(fired).to.equal(0);
  });

  it('fires events that bubble out of shadow roots, with the typed detail', async () => {
    const host = await fixture(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const el = document.createElement('adobe-sign-in');
    root.append(el);
    const failed = oneEvent(document, 'auth-error');
    el.signIn();
    const e = await failed;
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.cancelable).to.equal(false);
    expect(e.detail.code).to.equal('config_error');
  });
});
