// End-session that is certain: after a sign-out with end-session, the session's next sign-in asks IMS for
// credentials (prompt=login), whatever IMS did with the logout request (which is sent all the same). A reload keeps
// that; the page's own prompt wins; the sign-in after that one is as usual.
import { expect, oneEvent } from '@open-wc/testing';
import {
  FIXTURES,
  afterEachOnce,
  click,
  imsStats,
  newClient,
  openWindow,
  signInElement,
  signInOf,
  waitFor,
  withCleanPage,
} from '../support/flow.js';
import '../../src/define.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';

/** Signs `el` in through its popup (IMS's screens pass by themselves); resolves with the authorize request's query. */
const signIn = async (el: AdobeSignIn, clientId: string) => {
  const before = await imsStats(clientId);
  const got = oneEvent(el, 'token');
  await click(el.shadowRoot!.querySelector('button')!);
  await got;
  const { authorize } = await waitFor(async () => {
    const s = await imsStats(clientId);
    return s.tokenRequests > before.tokenRequests ? s : undefined;
  }, 'the token request');
  return authorize!;
};

describe('end-session', () => {
  withCleanPage();

  it('makes the next sign-in ask for credentials, once, and still asks IMS to end its session', async () => {
    const clientId = await newClient();
    const el = await signInElement(clientId, 'end-session=');
    expect((await signIn(el, clientId)).prompt).to.equal(undefined);
    el.signOut();
    await waitFor(async () => (await imsStats(clientId)).logoutRequests == 1, 'the logout request');
    expect((await signIn(el, clientId)).prompt).to.equal('login');
    el.removeAttribute('end-session');
    await el.updateComplete;
    el.signOut();
    expect((await signIn(el, clientId)).prompt).to.equal(undefined);
  });

  it('is remembered where the token was: after a reload, the next sign-in asks too', async () => {
    const clientId = await newClient();
    const query = new URLSearchParams({ 'client-id': clientId, 'end-session': '', mode: 'redirect' });
    const w = await openWindow(`${FIXTURES}start.html?${query}`);
    afterEachOnce(() => w.close());
    (await signInOf(w)).signIn();
    await waitFor(
      () => w.location.pathname.endsWith('/start.html') && signInOf(w).then((e) => e.signedIn),
      'signed in, back on the page',
    );
    (await signInOf(w)).signOut();
    const before = w.document;
    w.location.reload();
    await waitFor(() => w.document != before && w.document.readyState == 'complete', 'the reloaded page');
    (await signInOf(w)).signIn();
    await waitFor(async () => (await imsStats(clientId)).authorize?.prompt == 'login', 'a sign-in with prompt=login');
  });

  it('leaves a prompt the page set alone', async () => {
    const clientId = await newClient();
    const el = await signInElement(clientId, 'end-session=&prompt=consent');
    await signIn(el, clientId);
    el.signOut();
    expect((await signIn(el, clientId)).prompt).to.equal('consent');
  });
});
