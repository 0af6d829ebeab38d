// The browser tests run Lit's development build and fail a test after which Lit warned (test/support/flow.ts): this
// makes one warn on purpose, and expects the warning collected. The sources only: the CDN file is Lit's production
// build, which never warns.
import { expect } from '@open-wc/testing';
import { expectedLitWarningsOf, litWarnings, sleep } from './flow.js';
import '../../src/define.js';
import { AdobeSignIn } from '../../src/adobe-sign-in.js';

describe("Lit's dev-mode warnings", () => {
  it("fails a test on Lit's dev-mode warnings", async () => {
    class Churning extends AdobeSignIn {
      private updates = 0;
      // Changing a property after an update makes Lit warn in dev mode.
      protected override updated() {
        super.updated();
        if (this.updates++ < 1) this.disabled = !this.disabled;
      }
    }
    customElements.define('churning-sign-in', Churning);
    expectedLitWarningsOf.add('churning-sign-in');
    const el = new Churning();
    document.body.append(el);
    await sleep(50);
    el.remove();
    expect(litWarnings.splice(0).join()).to.contain('change-in-update');
  });
});
