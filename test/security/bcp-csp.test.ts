// The browser-based-apps BCP on Content Security Policy: a start page and a redirect page under
// `default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'` sign in with the
// CDN bundle and report no violation. The IMS is reached on the pages' own origin, as 'self' requires.
import { expect } from '@open-wc/testing';
import { FIXTURES, eventsBackOn, failOnLitWarnings, openWindow, recorded, signInOf } from '../support/flow.js';

describe('browser-based-apps BCP: strict CSP with Trusted Types', () => {
  failOnLitWarnings();
  let w: Window | undefined;
  afterEach(() => w?.close());

  it('signs in under the strict CSP, full page there and back, with no violation reported', async () => {
    const clientId = `csp-${crypto.randomUUID()}`;
    w = await openWindow(`${FIXTURES}csp/start.html?client-id=${clientId}`);
    const el = await signInOf(w);
    const before = [...(recorded(w) as unknown as { violations: string[] }).violations];
    el.signIn();
    const events = await eventsBackOn(w, '/csp/start.html');
    expect(events.map((e) => e.type)).to.deep.equal(['token']);
    expect(w.document.querySelector('adobe-sign-in')!.hasAttribute('signed-in')).to.equal(true);
    expect(before).to.deep.equal([]);
    expect((recorded(w) as unknown as { violations: string[] }).violations).to.deep.equal([]);
  });
});
