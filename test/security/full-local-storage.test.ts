// One answer, one exchange, with localStorage full: two tabs that hold a copy of one sign-in's transaction (a
// duplicated tab copies sessionStorage) land on its answer at once; the claim cannot be written to localStorage, so it
// is a lock the first tab holds while it lives, and the second gets state_mismatch. One token request, never two.
import { expect } from '@open-wc/testing';
import { FIXTURES, failOnLitWarnings, openWindow, recorded, transaction, waitFor } from '../support/flow.js';
import { saveTransaction } from '../../src/oauth/storage.js';

const ims = `${location.origin}/fake-ims/ok`;

/** Fills this origin's localStorage until it takes not one more character; resolves with a function that empties it. */
const fillLocalStorage = () => {
  let n = 0;
  for (let size = 1 << 20; size >= 1; size >>= 1) {
    const chunk = 'x'.repeat(size);
    for (;;) {
      try {
        localStorage.setItem(`filler-${n++}`, chunk);
      } catch {
        break;
      }
    }
  }
  return () => Object.keys(localStorage).forEach((k) => k.startsWith('filler-') && localStorage.removeItem(k));
};

describe('one answer, two tabs, localStorage full', () => {
  failOnLitWarnings();
  const windows: Window[] = [];
  let empty: () => void = () => {};
  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    windows.splice(0).forEach((w) => w.close());
    empty();
  });

  it('exchanges the code once: one tab gets the token, the other state_mismatch', async () => {
    const page = FIXTURES + 'redirect-stay.html';
    const returnTo = 'https://elsewhere.example/';
    saveTransaction(sessionStorage, 'full', transaction(ims, { redirectUri: page, mode: 'redirect', returnTo }));
    empty = fillLocalStorage();
    expect(() => localStorage.setItem('one-more', 'x')).to.throw();
    const answer = `${page}?code=c&state=full&iss=${encodeURIComponent(ims)}`;
    windows.push(await openWindow(answer), await openWindow(answer));
    const outcomes = await waitFor(() => {
      const events = windows.map((w) => recorded(w).events?.[0]);
      return events.every(Boolean) ? events : undefined;
    }, 'both tabs to finish');
    expect(outcomes.map((e) => e.type).sort()).to.deep.equal(['auth-error', 'token']);
    expect(outcomes.find((e) => e.type == 'auth-error')!.detail.code).to.equal('state_mismatch');
    expect(windows.flatMap((w) => recorded(w).tokenRequests)).to.have.length(1);
  });
});
