// The session owns the token. What the `token` event and `.token` hand out is frozen: a listener that edits it (to
// redact it for a log, say) cannot change what stays stored or what sign-out revokes.
import { expect, oneEvent } from '@open-wc/testing';
import {
  IMS,
  click,
  imsStats,
  newClient,
  signInElement,
  tokenKeyFor,
  waitFor,
  withCleanPage,
} from '../support/flow.js';
import '../../src/define.js';
import { getSession } from '../../src/sessions.js';

describe('a token nobody can bend', () => {
  withCleanPage();

  it('cannot be redacted by a listener: storage keeps the real token, and sign-out revokes it', async () => {
    const clientId = await newClient();
    const el = await signInElement(clientId);
    const refused: unknown[] = [];
    el.addEventListener('token', (e) => {
      try {
        (e.detail as { accessToken: string }).accessToken = 'redacted';
      } catch (x) {
        refused.push(x);
      }
    });
    const got = oneEvent(el, 'token');
    await click(el.shadowRoot!.querySelector('button')!);
    const real = (await got).detail.accessToken;
    // Module code is strict: writing a frozen property throws, so the listener learns at once.
    expect(refused).to.have.length(1);
    expect(refused[0]).to.be.instanceOf(TypeError);
    expect(real).to.not.equal('redacted');
    for (const held of [el.token!, getSession({ clientId, imsOrigin: IMS }).token!]) {
      expect(Object.isFrozen(held)).to.equal(true);
      expect(() => ((held as { accessToken: string }).accessToken = 'x')).to.throw(TypeError);
      expect(held.accessToken).to.equal(real);
    }
    expect(JSON.parse(sessionStorage.getItem(tokenKeyFor(clientId))!).accessToken).to.equal(real);

    el.signOut();
    await waitFor(async () => (await imsStats(clientId)).revocations === 1, 'the revocation');
    const info = await fetch(`${IMS}/ims/userinfo/v2?client_id=${clientId}`, {
      headers: { authorization: `Bearer ${real}` },
    });
    expect(info.status).to.equal(401);
    expect(sessionStorage.getItem(tokenKeyFor(clientId))).to.equal(null);
  });
});
