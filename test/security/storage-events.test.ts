// storage="local" keeps tabs in step through `storage` events. Only localStorage speaks for a `local` session: a
// script or a same-origin frame that clears sessionStorage signs nobody out, and a cleared localStorage is read
// again rather than guessed at.
import { expect } from '@open-wc/testing';
import {
  newClient,
  recordEvents,
  sameOriginFrame,
  signInElement,
  sleep,
  storeToken,
  tokenFor,
  tokenKeyFor,
  waitFor,
  withCleanPage,
} from '../support/flow.js';
import '../../src/define.js';

describe('storage="local" and storage cleared by others', () => {
  withCleanPage();
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('stays signed in when a same-origin frame clears sessionStorage', async () => {
    const clientId = await newClient();
    storeToken(tokenFor(clientId, 3600_000), localStorage);
    const el = await signInElement(clientId, 'storage=local');
    const seen = recordEvents(el);
    // Something of the page's own in sessionStorage: clearing an empty storage fires no event at all.
    sessionStorage.setItem('app:draft', 'hello');
    const frame = await sameOriginFrame();
    frame.contentWindow!.sessionStorage.clear();
    await sleep(500);
    expect(seen).to.deep.equal([]);
    expect(el.signedIn).to.equal(true);
    expect(localStorage.getItem(tokenKeyFor(clientId))).to.not.equal(null);
  });

  it('signs out with reason elsewhere when a same-origin frame clears localStorage', async () => {
    const clientId = await newClient();
    storeToken(tokenFor(clientId, 3600_000), localStorage);
    const el = await signInElement(clientId, 'storage=local');
    const seen = recordEvents(el);
    const frame = await sameOriginFrame();
    frame.contentWindow!.localStorage.clear();
    await waitFor(() => seen.length, 'the sign-out', 3000);
    expect(seen).to.deep.equal(['sign-out:elsewhere']);
    expect(el.signedIn).to.equal(false);
  });

  it('stays signed in when localStorage is cleared and written again before the event is read', async () => {
    const clientId = await newClient();
    const token = tokenFor(clientId, 3600_000);
    storeToken(token, localStorage);
    const el = await signInElement(clientId, 'storage=local');
    const seen = recordEvents(el);
    const frame = await sameOriginFrame();
    const other = frame.contentWindow!.localStorage;
    other.clear();
    other.setItem(tokenKeyFor(clientId), JSON.stringify(token));
    await sleep(500);
    expect(seen).to.deep.equal([]);
    expect(el.token?.accessToken).to.equal(token.accessToken);
  });
});
