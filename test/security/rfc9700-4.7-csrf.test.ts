// RFC 9700 section 4.7: the redirect page accepts only an answer to a sign-in this browser tab started (its state),
// once; anything else is state_mismatch, with no request and nothing stored.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { exchangeAuthCodeForToken } from '../../src/oauth/exchange.js';
import { TRANSACTION_TTL_MS, saveTransaction } from '../../src/oauth/storage.js';
import { transaction } from '../support/flow.js';

const HERE = location.origin + location.pathname;
const ims = `${location.origin}/fake-ims/ok`;
const tx = (createdAt = Date.now()) => transaction(ims, { mode: 'redirect', createdAt });
const answer = (q: string) => `${HERE}?${q}&iss=${encodeURIComponent(ims)}`;

describe('RFC 9700 4.7: CSRF', () => {
  let calls: number;
  const counting: typeof fetch = (i, init) => (calls++, fetch(i, init));
  beforeEach(() => {
    sessionStorage.clear();
    calls = 0;
  });

  for (const [what, query] of [
    ['a forged state', 'code=c&state=forged'],
    ['no state', 'code=c'],
    ['an empty state', 'code=c&state='],
  ]) {
    it(`refuses ${what} with state_mismatch and makes no request`, async () => {
      saveTransaction(sessionStorage, 'real', tx());
      const e = await exchangeAuthCodeForToken({ url: answer(query), fetch: counting, handoffWaitMs: 50 }).catch(
        (x) => x,
      );
      expect(e.code).to.equal('state_mismatch');
      expect(calls).to.equal(0);
      expect(Object.keys(sessionStorage)).to.deep.equal(['adobe-auth:tx:real']);
    });
  }

  it('refuses an answer to a sign-in abandoned more than ten minutes ago', async () => {
    saveTransaction(sessionStorage, 'old', tx(Date.now() - TRANSACTION_TTL_MS - 1));
    const e = await exchangeAuthCodeForToken({
      url: answer('code=c&state=old'),
      fetch: counting,
      handoffWaitMs: 50,
    }).catch((x) => x);
    expect(e.code).to.equal('state_mismatch');
    expect(calls).to.equal(0);
  });

  it('exchanges an answer once: the same answer again is state_mismatch', async () => {
    saveTransaction(sessionStorage, 'once', tx());
    await exchangeAuthCodeForToken({ url: answer('code=c&state=once'), fetch: counting });
    const e = await exchangeAuthCodeForToken({
      url: answer('code=c&state=once'),
      fetch: counting,
      handoffWaitMs: 50,
    }).catch((x) => x);
    expect(e.code).to.equal('state_mismatch');
    expect(calls).to.equal(1);
  });
});
