// A profile is kept only for the user its token is for: a stored record, or one another tab writes, whose profile
// names another `sub` than the token's id token is restored without it, shown nowhere, and fires no `profile`.
import { expect } from '@open-wc/testing';
import {
  IMS,
  afterEachOnce,
  newClient,
  recordEvents,
  signInElement,
  tokenFor,
  tokenKeyFor,
  withCleanPage,
} from '../support/flow.js';
import '../../src/define.js';

const base64url = (value: object) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
/** An id token naming `sub` (its signature is no one's: the kit reads, never trusts, it). */
const idTokenOf = (sub: string) => `${base64url({ alg: 'none' })}.${base64url({ sub })}.sig`;

/** A token record of user A, with `profile`, as storage holds one. */
const recordOf = (clientId: string, profile: object) =>
  JSON.stringify({ ...tokenFor(clientId, 3600_000, `at-${clientId}`), idToken: idTokenOf('A@AdobeID'), profile });

describe('a profile of another user than the token’s', () => {
  withCleanPage();

  it('is not restored from storage: the element shows no one', async () => {
    const clientId = await newClient();
    sessionStorage.setItem(tokenKeyFor(clientId), recordOf(clientId, { sub: 'B@AdobeID', name: 'Mallory' }));
    const el = await signInElement(clientId);
    expect(el.signedIn).to.equal(true);
    expect(el.profile).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('Mallory');
  });

  it('is restored when it is the token’s user', async () => {
    const clientId = await newClient();
    sessionStorage.setItem(tokenKeyFor(clientId), recordOf(clientId, { sub: 'A@AdobeID', name: 'Alice' }));
    const el = await signInElement(clientId);
    expect(el.profile).to.deep.include({ name: 'Alice' });
  });

  it('is not taken from another tab of a local session: no profile event', async () => {
    const clientId = await newClient();
    const el = await signInElement(clientId, 'storage=local');
    afterEachOnce(() => localStorage.removeItem(tokenKeyFor(clientId)));
    const events = recordEvents(el);
    const value = recordOf(clientId, { sub: 'B@AdobeID', name: 'Mallory' });
    localStorage.setItem(tokenKeyFor(clientId), value);
    // As another tab's write reaches this one.
    dispatchEvent(
      new StorageEvent('storage', { key: tokenKeyFor(clientId, IMS), newValue: value, storageArea: localStorage }),
    );
    await el.updateComplete;
    expect(events).to.deep.equal(['token']);
    expect(el.profile).to.equal(null);
  });
});
