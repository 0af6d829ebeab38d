import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import {
  IMS,
  REDIRECT,
  withCleanPage,
  click,
  imsStats,
  newClient,
  pendingState,
  sleep,
  waitFor,
} from '../support/flow.js';
import '../support/kit.js';
import type { AdobeSignIn } from '../support/kit.js';

const signIn = (clientId: string, extra = html``) =>
  fixture<AdobeSignIn>(
    html`<adobe-sign-in client-id=${clientId} redirect-uri=${REDIRECT} ims-origin=${IMS}>${extra}</adobe-sign-in>`,
  );

const button = (el: AdobeSignIn) => el.shadowRoot!.querySelector('button')!;

/** Records the value each watched attribute had before each change to it, as `name=value`, in order. */
const valuesBefore = (targets: [Element, string][]) => {
  const seen: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const r of records) seen.push(`${r.attributeName}=${r.oldValue}`);
  });
  for (const [el, name] of targets) observer.observe(el, { attributeFilter: [name], attributeOldValue: true });
  return () => (seen.push(...observer.takeRecords().map((r) => `${r.attributeName}=${r.oldValue}`)), seen);
};

describe('<adobe-sign-in> popup sign-in against the local IMS', () => {
  const popups = withCleanPage();

  it('signs in through a popup: token event, stored token, signed-in, popup closed', async () => {
    const clientId = await newClient();
    const el = await signIn(clientId);
    const got = oneEvent(el, 'token');
    // Recorded rather than read after the click: on a fast machine the whole flow can end before the click returns.
    const before = valuesBefore([
      [el, 'busy'],
      [button(el), 'aria-busy'],
    ]);
    await click(button(el));
    const { detail } = await got;
    await el.updateComplete;
    // Busy while the popup was open, idle again now.
    expect(before()).to.deep.equal(['busy=null', 'aria-busy=null', 'busy=', 'aria-busy=true']);
    expect(el.hasAttribute('busy')).to.equal(false);
    expect(button(el).hasAttribute('aria-busy')).to.equal(false);
    expect(detail.clientId).to.equal(clientId);
    expect(detail.accessToken).to.be.a('string').with.length.above(10);
    expect(detail.tokenType.toLowerCase()).to.equal('bearer');
    expect(detail.expiresIn).to.equal(86400);
    expect(detail.expiresAt).to.be.closeTo(Date.now() + 86400_000, 60_000);
    expect(detail.idToken).to.be.a('string');
    expect(el.token).to.deep.equal(detail);
    expect(el.signedIn).to.equal(true);
    expect(el.hasAttribute('signed-in')).to.equal(true);
    expect(el.busy).to.equal(false);
    expect(popups.opened).to.have.length(1);
    await waitFor(() => popups.opened[0].closed, 'the popup to close');
    const info = await fetch(`${IMS}/ims/userinfo/v2?client_id=${clientId}`, {
      headers: { authorization: `Bearer ${detail.accessToken}` },
    });
    expect((await info.json()).sub).to.equal('A1B2C3D4E5F6@AdobeID');
    expect(await imsStats(clientId)).to.include({ tokenRequests: 1 });
  });

  it('signs in with a popup for a mode it does not know, as for the default', async () => {
    const clientId = await newClient();
    const el = await signIn(clientId, html``);
    el.setAttribute('mode', 'sideways');
    await el.updateComplete;
    const got = oneEvent(el, 'token');
    await click(button(el));
    await got;
    expect(popups.opened).to.have.length(1);
    expect(location.pathname).not.to.contain('/ims/');
  });

  it('opens one popup for a double click', async () => {
    const clientId = await newClient({});
    const el = await signIn(clientId);
    await click(button(el));
    await click(button(el));
    await sleep(300);
    expect(popups.opened).to.have.length(1);
    expect(el.busy).to.equal(true);
  });
});

describe('<adobe-sign-in> popup failures and edge cases', () => {
  const popups = withCleanPage();

  it('reports popup_closed when the user closes the popup, and is idle again', async () => {
    const clientId = await newClient({});
    const el = await signIn(clientId);
    await click(button(el));
    const popup = await waitFor(() => popups.opened[0], 'the popup');
    await sleep(500);
    const failed = oneEvent(el, 'auth-error');
    popup.close();
    const t0 = Date.now();
    const { detail } = await failed;
    expect(detail.code).to.equal('popup_closed');
    expect(Date.now() - t0).to.be.below(5000);
    expect(el.busy).to.equal(false);
    expect(button(el).hasAttribute('aria-busy')).to.equal(false);
    expect(el.signedIn).to.equal(false);
  });

  it('still takes a code that comes after popup_closed, as under COOP, and exchanges it with its verifier', async () => {
    const clientId = await newClient({});
    const el = await signIn(clientId);
    await click(button(el));
    const popup = await waitFor(() => popups.opened[0], 'the popup');
    const state = pendingState();
    const failed = oneEvent(el, 'auth-error');
    popup.close();
    expect((await failed).detail.code).to.equal('popup_closed');
    expect(el.busy).to.equal(false);
    // What a popup cut off from its opener by COOP sends on the state's channel: the code, never a token. This one
    // was never issued, so IMS refuses it: the element did try, with the verifier it holds.
    const refused = oneEvent(el, 'auth-error');
    const channel = new BroadcastChannel(`adobe-auth:${state}`);
    channel.postMessage({ type: 'adobe-auth', state, code: 'late-code', iss: IMS });
    channel.close();
    expect((await refused).detail.code).to.equal('invalid_grant');
    expect(await imsStats(clientId)).to.include({ tokenRequests: 1 });
    expect(el.signedIn).to.equal(false);
    expect(el.busy).to.equal(false);
  });

  it('reports access_denied when the user cancels at IMS', async () => {
    const clientId = await newClient({ auto: true, deny: true });
    const el = await signIn(clientId);
    const failed = oneEvent(el, 'auth-error');
    await click(button(el));
    const { detail } = await failed;
    expect(detail.code).to.equal('access_denied');
    expect(detail.description).to.equal('The user cancelled sign-in.');
    expect(el.busy).to.equal(false);
    expect(el.token).to.equal(null);
    expect(await imsStats(clientId)).to.include({ tokenRequests: 0 });
    await waitFor(() => popups.opened[0].closed, 'the popup to close');
  });

  it('gets the token when the IMS pages send Cross-Origin-Opener-Policy', async () => {
    const clientId = await newClient({ auto: true, coop: true });
    const el = await signIn(clientId);
    const errors: string[] = [];
    el.addEventListener('auth-error', (e) => errors.push(e.detail.code));
    const got = oneEvent(el, 'token');
    await click(button(el));
    const { detail } = await got;
    expect(detail.clientId).to.equal(clientId);
    expect(el.signedIn).to.equal(true);
    expect(el.busy).to.equal(false);
    // `closed` may have read true early under COOP; that is a hint, never a failure that loses the token.
    expect(errors.filter((c) => c !== 'popup_closed')).to.deep.equal([]);
  });

  it('exchanges in the opener when the popup has no verifier', async () => {
    const clientId = await newClient();
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in
        client-id=${clientId}
        redirect-uri=${REDIRECT.replace('redirect.html', 'redirect-no-storage.html')}
        ims-origin=${IMS}
      ></adobe-sign-in>`,
    );
    const got = oneEvent(el, 'token');
    await click(button(el));
    const { detail } = await got;
    expect(detail.clientId).to.equal(clientId);
    expect(el.signedIn).to.equal(true);
    expect(await imsStats(clientId)).to.include({ tokenRequests: 1 });
    await waitFor(() => popups.opened[0].closed, 'the popup to close');
  });

  for (const [failure, code] of [
    ['500', 'server_error'],
    ['429', 'too_many_requests'],
    ['html', 'invalid_response'],
  ] as const) {
    it(`reports a token endpoint failure (${failure}) as auth-error ${code}, storing nothing`, async () => {
      const clientId = await newClient({ auto: true, tokenFailure: failure });
      const el = await signIn(clientId);
      const failed = oneEvent(el, 'auth-error');
      await click(button(el));
      const { detail } = await failed;
      expect(detail.code).to.equal(code);
      expect(el.busy).to.equal(false);
      expect(el.signedIn).to.equal(false);
      expect(Object.keys(sessionStorage).filter((k) => k.startsWith('adobe-auth:token:'))).to.deep.equal([]);
    });
  }

  it('keeps two elements with different client ids apart', async () => {
    const [a, b] = [await newClient(), await newClient()];
    const elA = await signIn(a);
    const elB = await signIn(b);
    const gotA = oneEvent(elA, 'token');
    await click(button(elA));
    expect((await gotA).detail.clientId).to.equal(a);
    const gotB = oneEvent(elB, 'token');
    await click(button(elB));
    expect((await gotB).detail.clientId).to.equal(b);
    expect(elA.token!.clientId).to.equal(a);
    expect(elB.token!.clientId).to.equal(b);
    expect(elA.token!.accessToken).not.to.equal(elB.token!.accessToken);
  });

  it('survives being removed mid-flow: nothing thrown, popup closed, nothing fired', async () => {
    const clientId = await newClient({});
    const el = await signIn(clientId);
    const events: string[] = [];
    for (const t of ['token', 'auth-error'] as const) el.addEventListener(t, () => events.push(t));
    const thrown: unknown[] = [];
    const onError = (e: ErrorEvent) => thrown.push(e.error);
    window.addEventListener('error', onError);
    await click(button(el));
    await waitFor(() => popups.opened[0], 'the popup');
    el.remove();
    await waitFor(() => popups.opened[0].closed, 'the popup to close');
    await sleep(3000);
    window.removeEventListener('error', onError);
    expect(thrown).to.deep.equal([]);
    expect(events).to.deep.equal([]);
    expect(el.busy).to.equal(false);
  });
});
