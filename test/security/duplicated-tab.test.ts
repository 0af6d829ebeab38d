// One sign-in answer, opened in two tabs that hold a copy of its transaction (a duplicated tab copies sessionStorage):
// only one exchanges the code. A second exchange would fail, and IMS may then revoke the first token.
import { expect } from '@open-wc/testing';
import { FIXTURES, failOnLitWarnings, openWindow, recorded, transaction, waitFor } from '../support/flow.js';
import { saveTransaction } from '../../src/oauth/storage.js';

const ims = `${location.origin}/fake-ims/ok`;

describe('one answer, two tabs', () => {
  failOnLitWarnings();
  const windows: Window[] = [];
  beforeEach(() => sessionStorage.clear());
  afterEach(() => windows.splice(0).forEach((w) => w.close()));

  it('exchanges the code once: one tab gets the token, the other state_mismatch', async () => {
    const page = FIXTURES + 'redirect-stay.html';
    // A way back to another origin: both tabs stay on the redirect page, where their events are.
    const returnTo = 'https://elsewhere.example/';
    saveTransaction(sessionStorage, 'dup', transaction(ims, { redirectUri: page, mode: 'redirect', returnTo }));
    const answer = `${page}?code=c&state=dup&iss=${encodeURIComponent(ims)}`;
    // Each window gets a copy of this page's sessionStorage, transaction included.
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
