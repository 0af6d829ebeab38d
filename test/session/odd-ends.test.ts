// Odd ends of the session's promises: getSession() with no or bad options is config_error; a setting is read once
// (what is checked is what is used); the browser's locks failing is storage_unavailable, and a lock that never comes
// a timeout, never a redirect page working forever; only a 401 from the origin the token went to signs out.
import { expect } from '@open-wc/testing';
import {
  IMS,
  afterEachOnce,
  newClient,
  recordEvents,
  storeToken,
  tokenFor,
  transaction,
  withCleanPage,
} from '../support/flow.js';
import { AuthError, exchangeAuthCodeForToken, getSession, type SessionOptions } from '../../src/index.js';
import { limits, saveTransaction } from '../../src/oauth/storage.js';

const ims = `${location.origin}/fake-ims/ok`;
const HERE = location.origin + location.pathname;

/** A full-page sign-in's answer on this page, with its transaction: what the redirect page exchanges. */
const answer = () => {
  saveTransaction(sessionStorage, 'odd', transaction(ims, { mode: 'redirect', storage: 'memory' }));
  return `${HERE}?code=c&state=odd&iss=${encodeURIComponent(ims)}`;
};

/** Replaces navigator.locks.request for the rest of the test. */
const locksDo = (request: () => Promise<unknown>) => {
  const real = navigator.locks.request;
  navigator.locks.request = request as typeof real;
  afterEachOnce(() => (navigator.locks.request = real));
};

describe('odd ends', () => {
  withCleanPage();

  for (const options of [undefined, null, 'client', {}, { clientId: 42 }]) {
    it(`getSession(${JSON.stringify(options)}) throws config_error`, () => {
      const e = (() => {
        try {
          getSession(options as unknown as SessionOptions);
        } catch (x) {
          return x as AuthError;
        }
      })();
      expect(e).to.be.instanceOf(AuthError);
      expect(e!.code).to.equal('config_error');
    });
  }

  it('reads each setting once: a clientId getter that says "x", then "", is refused', () => {
    const said = ['x', ''];
    const options = {
      get clientId() {
        return said.shift()!;
      },
    };
    // Read once, 'x' is a client id; a second read ('') would be what the session was made with.
    expect(getSession(options as SessionOptions).clientId).to.equal('x');
  });

  it('reports the browser’s locks failing as storage_unavailable, exchanging nothing', async () => {
    locksDo(() => Promise.reject(new DOMException('no locks here', 'SecurityError')));
    const e = await exchangeAuthCodeForToken({ url: answer(), fetch: () => expect.fail('no exchange') }).catch(
      (x) => x,
    );
    expect(e.code).to.equal('storage_unavailable');
  });

  it('gives up on a lock that never comes, as a timeout', async () => {
    locksDo(() => new Promise(() => {}));
    const ms = limits.claimMs;
    limits.claimMs = 200;
    afterEachOnce(() => (limits.claimMs = ms));
    const e = await exchangeAuthCodeForToken({ url: answer(), fetch: () => expect.fail('no exchange') }).catch(
      (x) => x,
    );
    expect(e.code).to.equal('timeout');
  });

  it('stays signed in after a 401 from an origin the token never went to (an API that redirected there)', async () => {
    const clientId = await newClient();
    storeToken(tokenFor(clientId, 3600_000, `at-${clientId}`));
    const session = getSession({ clientId, imsOrigin: IMS });
    const events = recordEvents(session);
    // From this page's origin (loopback: allowed) to 127.0.0.1, another origin: the browser drops the token there.
    const elsewhere = `${location.protocol}//127.0.0.1:${location.port}/probe/status/401`;
    const res = await session.fetch(`/probe/redirect?to=${encodeURIComponent(elsewhere)}`);
    expect([res.status, res.redirected]).to.deep.equal([401, true]);
    expect(events).to.deep.equal([]);
    expect(session.token).to.not.equal(null);
    // A 401 from the origin it went to still signs out.
    await session.fetch('/probe/status/401');
    expect(events).to.deep.equal(['sign-out:rejected']);
  });
});
