// RFC 9700 section 4.2: the code in the redirect page's URL must not leak in a Referer. The README has the redirect
// page carry <meta name="referrer" content="no-referrer">; the element also removes the code from the address bar.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { IMS, FIXTURES, click, newClient, waitFor, withCleanPage } from '../support/flow.js';
import '../../src/define.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';

describe('RFC 9700 4.2: no code or state in a Referer', () => {
  withCleanPage();

  it("sends no Referer from the README's redirect page, not even for a subresource requested before the element runs", async () => {
    const clientId = await newClient();
    const el = await fixture<AdobeSignIn>(
      html`<adobe-sign-in
        client-id=${clientId}
        redirect-uri=${FIXTURES + 'redirect-referrer.html'}
        ims-origin=${IMS}
      ></adobe-sign-in>`,
    );
    const before = (await (await fetch('/probe/referer/redirect-page')).json()).length;
    const got = oneEvent(el, 'token');
    await click(el.shadowRoot!.querySelector('button')!);
    await got;
    const referers: string[] = await waitFor(async () => {
      const all: string[] = await (await fetch('/probe/referer/redirect-page')).json();
      return all.length > before ? all.slice(before) : undefined;
    }, 'the redirect page to load its image');
    for (const r of referers) {
      expect(r ?? '').not.to.match(/[?&](code|state)=/);
    }
  });
});
