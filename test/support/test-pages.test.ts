// What every test page, and every fixture page opened in a window, gets from web-test-runner.config.mjs before its
// modules load (/__test-env.js): where this run's local IMS is.
import { expect } from '@open-wc/testing';
import { FIXTURES, IMS, openWindow, signInOf } from './flow.js';

describe('the test pages', () => {
  it("know this run's local IMS, on a port picked for the run", async () => {
    expect(IMS).to.match(/^http:\/\/localhost:\d+$/);
    const discovery = await (await fetch(`${IMS}/ims/.well-known/openid-configuration`)).json();
    expect(discovery.issuer).to.equal(IMS);
  });

  it('give the fixture pages the same', async () => {
    const w = await openWindow(`${FIXTURES}start.html?client-id=test-fixture-env`);
    try {
      expect((await signInOf(w)).getAttribute('ims-origin')).to.equal(IMS);
    } finally {
      w.close();
    }
  });
});
