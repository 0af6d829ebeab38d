import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { failOnLitWarnings, transaction } from '../support/flow.js';
import { AuthError, exchangeAuthCodeForToken, type AdobeAuthRedirect } from '../support/kit.js';
import { saveTransaction, tokenKey, type Transaction } from '../../src/oauth/storage.js';

// These tests put a sign-in answer on this page's own URL, as IMS would on the redirect page.
const answer = (query: string) => {
  const url = new URL(location.href);
  for (const [k, v] of new URLSearchParams(query)) url.searchParams.append(k, v);
  history.replaceState(history.state, '', url);
};

// The answers land on this test page, as they would on a redirect page registered at its URL.
const HERE = location.origin + location.pathname;

const tx = (ims: string, extra: Partial<Transaction> = {}) => transaction(ims, { storage: 'session', ...extra });

/** An IMS whose token endpoint (a fake one in the test server) answers as `scenario` says. */
const fake = (scenario: string) => `${location.origin}/fake-ims/${scenario}`;
const iss = (scenario: string) => `&iss=${encodeURIComponent(fake(scenario))}`;

/** Counts calls to the page's fetch while a test runs. */
const countFetches = () => {
  const real = window.fetch;
  const calls: string[] = [];
  window.fetch = (input, init) => {
    calls.push(String(input));
    return real(input, init);
  };
  return { calls, restore: () => (window.fetch = real) };
};

const mounted: Element[] = [];
/** Puts an <adobe-auth-redirect> with `attrs` on the page (removed after the test); resolves with its first auth-error. */
const mountFailing = async (attrs: Record<string, string> = {}) => {
  const el = document.createElement('adobe-auth-redirect');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const failed = oneEvent(el, 'auth-error');
  document.body.append(el);
  mounted.push(el);
  return { el, detail: (await failed).detail };
};

const status = (el: AdobeAuthRedirect) => el.shadowRoot!.querySelector('[part=status]')!;
const message = (el: AdobeAuthRedirect) => el.shadowRoot!.querySelector('[part=message]')!;

describe('<adobe-auth-redirect>', () => {
  failOnLitWarnings();
  let fetches: ReturnType<typeof countFetches>;
  // In popup mode the element closes its window when done: here that window is the test page.
  const realClose = window.close;
  let closes = 0;
  beforeEach(() => {
    sessionStorage.clear();
    fetches = countFetches();
    closes = 0;
    window.close = () => closes++;
  });
  afterEach(() => {
    window.close = realClose;
    for (const el of mounted.splice(0)) el.remove();
    fetches.restore();
    // Leave no answer on the URL for the next test.
    const url = new URL(location.href);
    for (const p of ['code', 'state', 'error', 'error_description']) url.searchParams.delete(p);
    history.replaceState(history.state, '', url);
  });

  it('does nothing on a page without a sign-in answer', async () => {
    const el = await fixture<AdobeAuthRedirect>(html`<adobe-auth-redirect></adobe-auth-redirect>`);
    await el.updateComplete;
    expect(el.status).to.equal('idle');
    expect(el.getAttribute('status')).to.equal('idle');
    expect(fetches.calls).to.deep.equal([]);
  });

  it('refuses an unknown state with state_mismatch, making no request and storing nothing', async () => {
    saveTransaction(sessionStorage, 'real-state', tx(fake('ok')));
    answer('code=abc&state=forged' + iss('ok'));
    const { el, detail } = await mountFailing();
    expect(detail.code).to.equal('state_mismatch');
    expect(el.status).to.equal('error');
    expect(fetches.calls).to.deep.equal([]);
    expect(Object.keys(sessionStorage)).to.deep.equal(['adobe-auth:tx:real-state']);
    expect(location.search).not.to.contain('code=');
  });

  it('exchanges, stores, fires a cancelable token event and strips the answer from the address bar', async () => {
    saveTransaction(sessionStorage, 's1', tx(fake('ok')));
    answer('code=abc&state=s1' + iss('ok'));
    const el = document.createElement('adobe-auth-redirect');
    const got = oneEvent(el, 'token');
    // Cancel: stay on this page (it is the test page).
    el.addEventListener('token', (e) => e.preventDefault());
    document.body.append(el);
    expect(location.search).not.to.match(/[?&](code|state|iss)=/);
    expect(location.search).to.contain('wtr-session-id');
    const e = await got;
    expect(e.cancelable && e.bubbles && e.composed).to.equal(true);
    expect(e.detail.accessToken).to.equal('at-123');
    expect(JSON.parse(sessionStorage.getItem(tokenKey(fake('ok'), 'client-1'))!).accessToken).to.equal('at-123');
    expect(sessionStorage.getItem('adobe-auth:tx:s1')).to.equal(null);
    await el.updateComplete;
    expect(el.status).to.equal('done');
    expect(fetches.calls).to.have.length(1);
    // Cancelled: the page stays (no return, no close).
    expect(closes).to.equal(0);
    expect(location.pathname).to.equal(new URL(HERE).pathname);
    // Moving the element does not run it again.
    document.body.prepend(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(fetches.calls).to.have.length(1);
    el.remove();
  });

  it("shows the IdP's error as text, never as HTML", async () => {
    saveTransaction(sessionStorage, 's1', tx(fake('ok'), { mode: 'redirect', returnTo: 'https://elsewhere.example/' }));
    answer('error=access_denied&error_description=<img src=x onerror=alert(1)>&state=s1' + iss('ok'));
    const { el, detail } = await mountFailing();
    expect(detail).to.deep.equal({
      code: 'access_denied',
      message: '<img src=x onerror=alert(1)>',
      description: '<img src=x onerror=alert(1)>',
    });
    await el.updateComplete;
    expect(message(el).textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(message(el).children).to.have.length(0);
    expect(status(el).getAttribute('role')).to.equal('status');
    expect(fetches.calls).to.deep.equal([]);
  });

  for (const [query, code] of [
    ['code=a&error=access_denied&state=s1', 'invalid_response'],
    ['code=a&code=b&state=s1', 'invalid_response'],
    ['code=a', 'state_mismatch'],
  ]) {
    it(`refuses a malformed answer (${query}) with ${code}`, async () => {
      saveTransaction(sessionStorage, 's1', tx(fake('ok')));
      answer(query + iss('ok'));
      expect((await mountFailing()).detail.code).to.equal(code);
      expect(fetches.calls).to.deep.equal([]);
    });
  }

  it('refuses a sign-in started for another client than the one it pins', async () => {
    saveTransaction(sessionStorage, 's1', tx(fake('ok')));
    answer('code=abc&state=s1' + iss('ok'));
    expect((await mountFailing({ 'client-id': 'client-2' })).detail.code).to.equal('config_error');
    expect(fetches.calls).to.deep.equal([]);
  });

  it('reports a token endpoint failure and stores no token', async () => {
    saveTransaction(sessionStorage, 's1', tx(fake('html-500'), { mode: 'popup' }));
    answer('code=abc&state=s1' + iss('html-500'));
    const { el, detail } = await mountFailing();
    expect(detail.code).to.equal('invalid_response');
    expect(Object.keys(sessionStorage).filter((k) => k.includes(':token:'))).to.deep.equal([]);
    expect(el.status).to.equal('error');
    // A popup without an opener hands the error over on the state's channel, and closes.
    expect(closes).to.equal(1);
  });
});

describe('exchangeAuthCodeForToken()', () => {
  beforeEach(() => sessionStorage.clear());

  it('resolves with the token of a known state', async () => {
    saveTransaction(sessionStorage, 's1', tx(fake('ok')));
    const token = await exchangeAuthCodeForToken({ url: `${HERE}?code=abc&state=s1${iss('ok')}` });
    expect(token.accessToken).to.equal('at-123');
    expect(token.clientId).to.equal('client-1');
  });

  it('rejects a replayed answer with state_mismatch, making no second request', async () => {
    saveTransaction(sessionStorage, 's1', tx(fake('ok')));
    let calls = 0;
    const counting: typeof fetch = (i, init) => (calls++, fetch(i, init));
    const url = `${HERE}?code=abc&state=s1${iss('ok')}`;
    await exchangeAuthCodeForToken({ url, fetch: counting });
    const e = await exchangeAuthCodeForToken({ url, fetch: counting, handoffWaitMs: 100 }).catch((x) => x);
    expect(e).to.be.instanceOf(AuthError);
    expect(e.code).to.equal('state_mismatch');
    expect(calls).to.equal(1);
  });

  it("rejects with the token endpoint's typed error", async () => {
    saveTransaction(sessionStorage, 's1', tx(fake('rate-limited')));
    const e = await exchangeAuthCodeForToken({ url: `${HERE}?code=abc&state=s1${iss('rate-limited')}` }).catch(
      (x) => x,
    );
    expect(e.code).to.equal('invalid_response');
    expect(e.status).to.equal(429);
    expect(e.retryAfter).to.equal(30);
  });

  it('rejects with state_mismatch when the URL holds no answer', async () => {
    const e = await exchangeAuthCodeForToken({ url: HERE }).catch((x) => x);
    expect(e.code).to.equal('state_mismatch');
  });
});
