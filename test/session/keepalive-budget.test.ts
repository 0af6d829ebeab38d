// Sign-out always revokes: when the page's own beacons hold the browser's keepalive budget (64 KiB in flight), the
// browser refuses a keepalive request, and the revoke and the logout go as plain requests while the page lives.
import { expect } from '@open-wc/testing';
import { imsStats, newClient, signInElement, storeToken, tokenFor, waitFor, withCleanPage } from '../support/flow.js';
import '../../src/define.js';

describe('sign-out with the keepalive budget used up by the page', () => {
  withCleanPage();

  for (const endSession of [false, true]) {
    it(`revokes${endSession ? ', and logs out,' : ''} all the same`, async () => {
      const clientId = await newClient({});
      storeToken(tokenFor(clientId, 3600_000, `at-${clientId}`));
      const el = await signInElement(clientId, endSession ? 'end-session=' : '');
      expect(el.signedIn).to.equal(true);
      // A beacon of the page's own that the server takes and never answers: its 64 KiB stay in flight (the page
      // goes on to the next test with it: one more such beacon is refused, the budget full all the same).
      navigator.sendBeacon('/probe/hold', new Uint8Array(65536));
      el.signOut();
      await waitFor(async () => {
        const s = await imsStats(clientId);
        return s.revocations == 1 && (!endSession || s.logoutRequests == 1);
      }, 'the revocation at IMS');
    });
  }
});
