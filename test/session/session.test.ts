// One session per IMS, client id and storage: every <adobe-sign-in> of it shows the same state and fires its own
// events, whatever the cause; expiry warns, then signs out everywhere; sign-out can end the IMS session.
import { expect, oneEvent } from '@open-wc/testing';
import {
  IMS,
  REDIRECT,
  click,
  imsStats,
  newClient,
  setSwitches,
  signInElement,
  sleep,
  storeToken,
  tokenFor,
  tokenKeyFor,
  waitFor,
  withCleanPage,
} from '../support/flow.js';
import '../../src/define.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';

const signIn = signInElement;
const button = (el: AdobeSignIn) => el.shadowRoot!.querySelector('button')!;

/** Records every event of the kit that `el` fires, as "type" or "type:reason" / "type:code". */
const record = (el: Element) => {
  const seen: string[] = [];
  for (const type of ['token', 'sign-out', 'auth-error', 'token-expiring'] as const) {
    el.addEventListener(type, (e) => {
      const d = (e as CustomEvent).detail;
      seen.push(type + (d?.reason ? `:${d.reason}` : d?.code ? `:${d.code}` : ''));
    });
  }
  return seen;
};

describe('one session, several elements', () => {
  const popups = withCleanPage();

  it('shows every element of a client the same state within the task, and each fires its events', async () => {
    const clientId = await newClient();
    const [header, body] = [await signIn(clientId), await signIn(clientId)];
    const [h, b] = [record(header), record(body)];
    // What the other element holds while the header's token event is dispatched, and whether its signed-in
    // attribute follows before the next task runs.
    let bodyToken: unknown;
    let bodyShownInTask: boolean | undefined;
    header.addEventListener('token', () => {
      bodyToken = body.token;
      let nextTask = false;
      setTimeout(() => (nextTask = true));
      new MutationObserver((_, observer) => {
        bodyShownInTask = !nextTask && body.hasAttribute('signed-in');
        observer.disconnect();
      }).observe(body, { attributeFilter: ['signed-in'] });
    });
    const got = oneEvent(header, 'token');
    await click(button(header));
    const { detail } = await got;
    expect(bodyToken).to.deep.equal(detail);
    await waitFor(() => bodyShownInTask !== undefined, 'the other element to update');
    expect(bodyShownInTask).to.equal(true);
    expect([h, b]).to.deep.equal([['token'], ['token']]);

    await click(button(body));
    expect([header.signedIn, header.token, body.signedIn]).to.deep.equal([false, null, false]);
    expect(h).to.deep.equal(['token', 'sign-out:elsewhere']);
    expect(b).to.deep.equal(['token', 'sign-out:user']);
    expect(popups.opened).to.have.length(1);
    await waitFor(async () => (await imsStats(clientId)).revocations === 1, 'one revocation');
  });

  it('keeps elements of another client id, IMS or storage apart', async () => {
    const clientId = await newClient();
    storeToken(tokenFor(clientId));
    const same = await signIn(clientId);
    const other = await signIn(await newClient());
    const local = await signIn(clientId, 'storage=local');
    const prod = await signIn(clientId, 'ims-origin=https://ims-na1.adobelogin.com');
    expect([same.signedIn, other.signedIn, local.signedIn, prod.signedIn]).to.deep.equal([true, false, false, false]);
  });

  it('signs every element out with reason expired, after one token-expiring renew-before seconds ahead', async () => {
    const clientId = await newClient();
    storeToken(tokenFor(clientId, 2500));
    const a = await signIn(clientId, 'renew-before=1');
    const b = await signIn(clientId, 'renew-before=2');
    const [ra, rb] = [record(a), record(b)];
    const t0 = Date.now();
    const warned = oneEvent(a, 'token-expiring');
    expect((await warned).detail).to.deep.equal({ clientId, expiresAt: a.token!.expiresAt });
    expect(Date.now() - t0).to.be.within(900, 2400);
    await waitFor(() => rb.includes('sign-out:expired') && ra.includes('sign-out:expired'), 'the expiry', 5000);
    expect(ra).to.deep.equal(['token-expiring', 'sign-out:expired']);
    expect(rb).to.deep.equal(['token-expiring', 'sign-out:expired']);
    expect(sessionStorage.getItem(tokenKeyFor(clientId))).to.equal(null);
  });

  it('signs out at once, with reason expired, when the stored token expired while the page was away', async () => {
    const clientId = await newClient();
    storeToken(tokenFor(clientId, -60_000));
    const el = document.createElement('adobe-sign-in');
    const seen = record(el);
    el.setAttribute('client-id', clientId);
    el.setAttribute('ims-origin', IMS);
    document.body.append(el);
    try {
      await waitFor(() => seen.length, 'an event', 2000);
      expect(seen).to.deep.equal(['sign-out:expired']);
      expect(el.signedIn).to.equal(false);
      expect(sessionStorage.getItem(tokenKeyFor(clientId))).to.equal(null);
    } finally {
      el.remove();
    }
  });

  it('keeps nothing in web storage with storage="memory"', async () => {
    const clientId = await newClient();
    const el = await signIn(clientId, 'storage=memory');
    const got = oneEvent(el, 'token');
    await click(button(el));
    await got;
    expect(el.signedIn).to.equal(true);
    const stored = [...Object.values(sessionStorage), ...Object.values(localStorage)].join();
    expect(stored).not.to.contain(el.token!.accessToken);
    // Only the note that this sign-in's answer was used (no secret in it), which a duplicated tab must see.
    expect(
      Object.keys(localStorage).filter((k) => k.startsWith('adobe-auth:') && !k.startsWith('adobe-auth:used:')),
    ).to.deep.equal([]);
  });

  it('signs in again without a screen while the IMS session lives: the renewal recipe', async () => {
    const clientId = await newClient();
    const el = await signIn(clientId);
    let got = oneEvent(el, 'token');
    await click(button(el));
    const first = (await got).detail;
    // From now on IMS shows its screens unless its session lets it skip them.
    await setSwitches(clientId, {});
    const screensBefore = (await imsStats(clientId)).screens;
    el.renewBefore = first.expiresIn + 60;
    const warned = oneEvent(el, 'token-expiring');
    await el.updateComplete;
    await warned;
    // The page's answer to token-expiring: signIn() from the user's next click.
    const renew = document.createElement('button');
    renew.textContent = 'Stay signed in';
    renew.onclick = () => el.signIn();
    document.body.append(renew);
    try {
      got = oneEvent(el, 'token');
      await click(renew);
      const renewed = (await got).detail;
      expect(renewed.accessToken).not.to.equal(first.accessToken);
      expect(el.token).to.deep.equal(renewed);
      expect((await imsStats(clientId)).screens).to.deep.equal(screensBefore);
    } finally {
      renew.remove();
    }
  });

  it('ends the IMS session on sign-out with end-session: the next sign-in asks for credentials', async () => {
    const clientId = await newClient();
    const el = await signIn(clientId, 'end-session=');
    const got = oneEvent(el, 'token');
    await click(button(el));
    await got;
    await click(button(el));
    await waitFor(async () => (await imsStats(clientId)).logouts === 1, 'the IMS logout');
    await waitFor(async () => (await imsStats(clientId)).revocations === 1, 'the revocation');
    await setSwitches(clientId, {});
    await click(button(el));
    await waitFor(async () => (await imsStats(clientId)).screens.includes('login'), 'the login screen');
  });

  it('leaves the IMS session alone without end-session: the next sign-in needs no screen', async () => {
    const clientId = await newClient();
    const el = await signIn(clientId);
    let got = oneEvent(el, 'token');
    await click(button(el));
    await got;
    await click(button(el));
    await waitFor(async () => (await imsStats(clientId)).revocations === 1, 'the revocation');
    await setSwitches(clientId, {});
    const screens = (await imsStats(clientId)).screens;
    got = oneEvent(el, 'token');
    await click(button(el));
    await got;
    const after = await imsStats(clientId);
    expect(after.screens).to.deep.equal(screens);
    expect(after.logouts).to.equal(0);
  });

  it('sends authorize-params to IMS, as social sign-in needs them', async () => {
    const clientId = await newClient();
    const el = await signIn(clientId, 'authorize-params=idp_flow%3Dsocial.deep_link.web%26provider_id%3Dgoogle');
    const got = oneEvent(el, 'token');
    await click(button(el));
    await got;
    expect((await imsStats(clientId)).authorize).to.include({
      idp_flow: 'social.deep_link.web',
      provider_id: 'google',
      client_id: clientId,
      code_challenge_method: 'S256',
    });
  });

  it('reports a clear error, and does not hang, when IMS answers at the Default Redirect URI', async () => {
    const clientId = await newClient();
    // Not among the test client's redirect URIs: IMS answers at its default, fixtures/redirect.html.
    const el = await signIn(clientId, `redirect-uri=${REDIRECT.replace('redirect.html', 'unregistered.html')}`);
    const failed = oneEvent(el, 'auth-error');
    await click(button(el));
    const { detail } = await failed;
    expect(detail.code).to.equal('config_error');
    expect(detail.message).to.contain('Redirect URI Patterns');
    expect(el.busy).to.equal(false);
    expect((await imsStats(clientId)).tokenRequests).to.equal(0);
  });

  it('fires token, then sign-out with reason user, for a sign-in and a sign-out of its own', async () => {
    const clientId = await newClient();
    const el = await signIn(clientId);
    const seen = record(el);
    const got = oneEvent(el, 'token');
    await click(button(el));
    await got;
    await click(button(el));
    await sleep(50);
    expect(seen).to.deep.equal(['token', 'sign-out:user']);
  });
});
