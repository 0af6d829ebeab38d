// getSession(): the very session the elements of those settings share, for app code that needs the token, who signed
// in, or sign-out without holding an element. An EventTarget firing `token`, `sign-out` and `profile`.
import { expect, oneEvent } from '@open-wc/testing';
import {
  IMS,
  click,
  newClient,
  recordEvents,
  signInElement,
  storeToken,
  tokenFor,
  waitFor,
  withCleanPage,
} from '../support/flow.js';
import { AuthError, getSession } from '../support/kit.js';

describe('getSession()', () => {
  withCleanPage();

  it('is the session the elements share: the same token and events, and signOut() that they follow', async () => {
    const clientId = await newClient();
    const session = getSession({ clientId, imsOrigin: IMS });
    expect(getSession({ clientId, imsOrigin: IMS, storage: 'session' })).to.equal(session);
    expect([session.token, session.profile]).to.deep.equal([null, null]);
    const el = await signInElement(clientId, 'scope=openid,profile');
    const [fromSession, fromElement] = [recordEvents(session), recordEvents(el)];
    const got = oneEvent(session, 'token');
    await click(el.shadowRoot!.querySelector('button')!);
    const { detail } = await got;
    expect(detail).to.equal(session.token);
    expect(el.token).to.equal(session.token);
    await waitFor(() => session.profile, 'the profile');
    expect(el.profile).to.equal(session.profile);

    const out = oneEvent(session, 'sign-out');
    session.signOut();
    expect((await out).detail).to.deep.equal({ clientId, reason: 'user' });
    expect([session.token, el.token, el.signedIn]).to.deep.equal([null, null, false]);
    expect(fromSession).to.deep.equal(['token', 'profile', 'sign-out:user']);
    expect(fromElement).to.deep.equal(['token', 'profile', 'sign-out:elsewhere']);
  });

  it('restores a stored token without an element, and keeps other settings apart', async () => {
    const clientId = await newClient();
    const token = tokenFor(clientId, 3600_000);
    storeToken(token);
    expect(getSession({ clientId, imsOrigin: IMS }).token).to.deep.equal(token);
    expect(getSession({ clientId, imsOrigin: IMS, storage: 'local' }).token).to.equal(null);
    expect(getSession({ clientId }).token).to.equal(null);
    expect(getSession({ clientId, environment: 'stage' })).to.not.equal(getSession({ clientId }));
  });

  for (const [what, options] of [
    ['no client id', { clientId: '' }],
    ['an untrusted IMS origin', { clientId: 'a', imsOrigin: 'https://attacker.example' }],
    ['a plain-http IMS origin', { clientId: 'a', imsOrigin: 'http://ims.example' }],
    ['an unknown environment', { clientId: 'a', environment: 'dev' }],
    ['an unknown storage', { clientId: 'a', storage: 'cookie' }],
  ] as const) {
    it(`throws config_error for ${what}`, () => {
      let error: unknown;
      try {
        getSession(options as Parameters<typeof getSession>[0]);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(AuthError);
      expect((error as AuthError).code).to.equal('config_error');
    });
  }
});
