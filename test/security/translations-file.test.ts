// The translations file beside the kit can delay a label, never a sign-in. Whatever it does (missing, the wrong
// type, slow, never answering, throwing, another version's, hostile), a German page's sign-in goes to IMS at once:
// with the German locale when the German labels are there, English's otherwise, and no auth-error that blames
// something else. A page loads the file once, so each case is a fresh page in a frame, under a path that tells the
// test server what the file does there (translationsProbe in test/support/probes.mjs).
import { expect } from '@open-wc/testing';
import { afterEachOnce, click, imsStats, newClient, signInOf, sleep, waitFor } from '../support/flow.js';
import '../support/kit.js';
import type { AdobeSignIn, AuthErrorDetail } from '../support/kit.js';

/** The sign-in label the button shows. */
const label = (el: AdobeSignIn) => el.shadowRoot!.querySelector('slot:not([name])')!.textContent;

/** The fixture page `page` (and query) as served with the translations file doing `kind` (translationsProbe). */
const withFile = (kind: string, page: string) => `/probe/kit/${kind}/test/fixtures/${page}`;

/**
 * A frame at the page's top left (a click at its button's place is a user's click in it) with a German page
 * (`lang="de"`) holding one <adobe-sign-in> (`mode` as `query` says), its translations file doing `kind`; the
 * element, its window, and the auth-errors it fires.
 */
const germanPage = async (kind: string, clientId: string, query = 'mode=redirect') => {
  const frame = document.createElement('iframe');
  frame.src = withFile(kind, `start.html?client-id=${clientId}&lang=de&${query}`);
  frame.style.cssText = 'position: fixed; top: 0; left: 0; width: 400px; height: 120px; border: 0';
  document.body.append(frame);
  afterEachOnce(() => frame.remove());
  const el = await signInOf(frame.contentWindow!);
  const errors: AuthErrorDetail[] = [];
  el.addEventListener('auth-error', (e) => errors.push((e as CustomEvent<AuthErrorDetail>).detail));
  return { el, win: frame.contentWindow!, errors };
};

/** The authorize request IMS got for `clientId`, within `ms` of now. */
const authorizeOf = (clientId: string, ms = 3000) =>
  waitFor(async () => (await imsStats(clientId)).authorize, 'the authorize request at IMS', ms);

describe('a translations file that fails holds no sign-in back', () => {
  it('(the file as built: German labels, and IMS gets de_DE)', async () => {
    const clientId = await newClient({});
    const { el, errors } = await germanPage('as-built', clientId);
    await waitFor(() => label(el) == 'Mit Adobe anmelden', 'the German label');
    el.signIn();
    expect((await authorizeOf(clientId)).locale).to.equal('de_DE');
    expect(errors).to.deep.equal([]);
  });

  for (const [kind, what] of [
    ['404', 'is missing (404)'],
    ['mime', 'comes as text/plain'],
    ['throws', 'throws as it loads'],
    ['stale', 'is a stale copy without translate()'],
    ['other-version', 'is another version’s'],
    ['hostile', 'gives labels that are not text'],
    ['broken', 'throws in translate()'],
    ['hang', 'never answers'],
  ]) {
    it(`a file that ${what}: the button says English, and sign-in goes to IMS at once with en_US`, async () => {
      const clientId = await newClient({});
      const { el, errors } = await germanPage(kind, clientId);
      // updateComplete waits for the labels, a few seconds at most.
      await Promise.race([el.updateComplete, sleep(5000).then(() => expect.fail('updateComplete never resolved'))]);
      expect(label(el)).to.equal('Sign in with Adobe');
      el.signIn();
      expect(el.busy).to.equal(true);
      expect((await authorizeOf(clientId)).locale).to.equal('en_US');
      expect(errors).to.deep.equal([]);
    });
  }

  it('a slow file: sign-in goes at once with en_US; the German label comes when the file does', async () => {
    const clientId = await newClient({});
    const first = await germanPage('slow', clientId);
    expect(label(first.el)).to.equal('Sign in with Adobe');
    first.el.signIn();
    expect((await authorizeOf(clientId, 2000)).locale).to.equal('en_US');
    expect(first.errors).to.deep.equal([]);
    const second = await germanPage('slow-again', await newClient({}));
    await waitFor(() => label(second.el) == 'Mit Adobe anmelden', 'the German label', 8000);
  });

  it('a popup goes to IMS at once while the file never answers', async () => {
    const clientId = await newClient({});
    const { el, win, errors } = await germanPage('hang', clientId, 'mode=popup');
    const open = win.open;
    let popup: Window | null = null;
    win.open = (...args: Parameters<typeof open>) => (popup = open.apply(win, args));
    afterEachOnce(() => popup?.close());
    await click(el.shadowRoot!.querySelector('button')!);
    expect(popup).to.not.equal(null);
    expect((await authorizeOf(clientId)).locale).to.equal('en_US');
    expect(errors).to.deep.equal([]);
  });
});
