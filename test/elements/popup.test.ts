import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import {
  IMS,
  REDIRECT,
  capturePopups,
  click,
  failOnLitWarnings,
  imsStats,
  newClient,
  sleep,
  waitFor,
} from '../support/flow.js';
import '../../src/define.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';

const signIn = (clientId: string, extra = html``) =>
  fixture<AdobeSignIn>(
    html`<adobe-sign-in client-id=${clientId} redirect-uri=${REDIRECT} ims-origin=${IMS}>${extra}</adobe-sign-in>`,
  );

const button = (el: AdobeSignIn) => el.shadowRoot!.querySelector('button')!;

describe('<adobe-sign-in> popup sign-in against the local IMS', () => {
  failOnLitWarnings();
  let popups: ReturnType<typeof capturePopups>;
  beforeEach(() => {
    sessionStorage.clear();
    popups = capturePopups();
  });
  afterEach(() => {
    popups.restore();
    for (const w of popups.opened) w.close();
  });

  it('signs in through a popup: token event, stored token, signed-in, popup closed', async () => {
    const clientId = await newClient();
    const el = await signIn(clientId);
    const got = oneEvent(el, 'token');
    await click(button(el));
    expect(el.busy).to.equal(true);
    expect(button(el).getAttribute('aria-busy')).to.equal('true');
    const { detail } = await got;
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
    expect((await info.json()).email).to.equal('test.user@example.com');
    expect(await imsStats(clientId)).to.include({ tokenRequests: 1 });
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
