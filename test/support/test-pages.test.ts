// What every test page, and every fixture page opened in a window, gets from web-test-runner.config.mjs before its
// modules load (/__test-env.js): where this run's local IMS is, and Lit's development build without its notice that
// dev mode is on (its other warnings still fail the tests: test/support/lit-warnings.test.ts makes one and expects it
// collected).
import { expect } from '@open-wc/testing';
import { FIXTURES, IMS, openWindow, signInOf } from './flow.js';

declare global {
  var litIssuedWarnings: Set<string> | undefined;
}

/** What Lit printed about dev mode on a page: it keeps each warning it printed, word for word, in this set. */
const devModeNotices = (w: typeof globalThis) => {
  // Only Lit's development build makes the set.
  expect(w.litIssuedWarnings).to.be.instanceOf(w.Set);
  return [...w.litIssuedWarnings!].filter((warning) => /dev mode/i.test(warning));
};

describe('the test pages', () => {
  it("know this run's local IMS, on a port picked for the run", async () => {
    expect(IMS).to.match(/^http:\/\/localhost:\d+$/);
    const discovery = await (await fetch(`${IMS}/ims/.well-known/openid-configuration`)).json();
    expect(discovery.issuer).to.equal(IMS);
  });

  it("run Lit's development build, which did not print that dev mode is on", () => {
    expect(devModeNotices(globalThis)).to.deep.equal([]);
  });

  it('give the fixture pages the same', async () => {
    const w = await openWindow(`${FIXTURES}start.html?client-id=test-fixture-env`);
    try {
      expect((await signInOf(w)).getAttribute('ims-origin')).to.equal(IMS);
      expect(devModeNotices(w as unknown as typeof globalThis)).to.deep.equal([]);
    } finally {
      w.close();
    }
  });
});
