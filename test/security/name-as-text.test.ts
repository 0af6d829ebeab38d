// Who signed in, as text: a name is shown and put in the tooltip as it is (no `$&`-style replacement patterns),
// isolated from the sentence around it (its bidi controls cannot turn it: U+2068…U+2069 in the tooltip, dir="auto" in
// part `user`), a claim that is not a string is none, a long name is cut for display, and a userinfo answer of a
// megabyte is not a profile at all (not shown, not stored).
import { expect, oneEvent } from '@open-wc/testing';
import {
  IMS,
  afterEachOnce,
  click,
  newClient,
  signInElement,
  tokenFor,
  tokenKeyFor,
  waitFor,
  withCleanPage,
} from '../support/flow.js';
import '../../src/define.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';

const user = (el: AdobeSignIn) => el.shadowRoot!.querySelector<HTMLElement>('[part=user]')!;

/** An element signed in with a stored token whose profile is `profile`. */
const withProfile = async (profile: object) => {
  const clientId = await newClient();
  sessionStorage.setItem(
    tokenKeyFor(clientId),
    JSON.stringify({ ...tokenFor(clientId, 3600_000), profile: { sub: 'A@AdobeID', ...profile } }),
  );
  const el = await signInElement(clientId);
  await el.updateComplete;
  return el;
};

describe('who signed in, as text', () => {
  withCleanPage();

  for (const name of ['Ann $& Co', "Ann $' Co", 'Ann $` Co', 'Ann $$ Co']) {
    it(`shows ${name} as it is, in the part and the tooltip`, async () => {
      const el = await withProfile({ name });
      expect(user(el).textContent).to.equal(name);
      expect(user(el).title).to.equal(`Signed in as \u2068${name}\u2069`);
    });
  }

  it('isolates bidi controls in a name from the text around it', async () => {
    const name = '\u202EevilNAME';
    const el = await withProfile({ name });
    expect(user(el).getAttribute('dir')).to.equal('auto');
    expect(user(el).title).to.equal(`Signed in as \u2068${name}\u2069`);
  });

  it('takes a name that is not a string for none, and shows the email', async () => {
    const el = await withProfile({ name: { toString: 'x' }, email: 'ann@example.com' });
    expect(user(el).textContent).to.equal('ann@example.com');
    el.requestUpdate();
    await el.updateComplete;
    expect(user(el).textContent).to.equal('ann@example.com');
  });

  it('cuts a long name for display', async () => {
    const el = await withProfile({ name: 'N'.repeat(500) });
    expect(user(el).textContent).to.equal(`${'N'.repeat(99)}…`);
  });

  it('keeps no profile of a megabyte from userinfo: not shown, not stored', async () => {
    const clientId = await newClient();
    const real = window.fetch;
    let asked = false;
    window.fetch = async (input, init) => {
      if (!String(input).includes('/ims/userinfo/')) return real(input, init);
      asked = true;
      // The local IMS's test user, whom the id token names: only the size is wrong.
      return new Response(JSON.stringify({ sub: 'A1B2C3D4E5F6@AdobeID', name: 'N'.repeat(1 << 20) }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    afterEachOnce(() => (window.fetch = real));
    const el = await signInElement(clientId, 'scope=AdobeID,openid,profile');
    const got = oneEvent(el, 'token');
    await click(el.shadowRoot!.querySelector('button')!);
    await got;
    // The userinfo request was answered; its answer read, the session holds no profile.
    await waitFor(() => asked, 'the userinfo request');
    await new Promise((r) => setTimeout(r, 100));
    expect(el.profile).to.equal(null);
    await waitFor(() => sessionStorage.getItem(tokenKeyFor(clientId, IMS)), 'the stored token');
    expect(sessionStorage.getItem(tokenKeyFor(clientId, IMS))!.length).to.be.below(10_000);
  });
});
