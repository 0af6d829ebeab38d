// The page that opened the sign-in popup is reloaded while the popup is at IMS: the reloaded page listens again for
// the popup sign-ins its sessionStorage still holds, and takes the token the popup hands to whatever page is its opener
// now. Here the opener is a same-origin frame, which the test can reload.
import { expect } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import { FIXTURES, imsStats, newClient, recorded, waitFor, withCleanPage, type Switches } from '../support/flow.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';

/** A frame with fixtures/start.html's <adobe-sign-in> of `attrs`, once its element is up. */
const startFrame = async (attrs: Record<string, string>) => {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 400px; height: 120px; border: 0';
  frame.src = FIXTURES + 'start.html?' + new URLSearchParams(attrs);
  document.body.append(frame);
  const el = () => frame.contentDocument?.querySelector('adobe-sign-in') as AdobeSignIn | null;
  await waitFor(() => el()?.shadowRoot?.querySelector('button'), "the frame's element");
  return { frame, el: () => el()! };
};

/** A real click on the button of an element inside a frame of this page. */
const clickInFrame = async (frame: HTMLIFrameElement, el: AdobeSignIn) => {
  const f = frame.getBoundingClientRect();
  const b = el.shadowRoot!.querySelector('button')!.getBoundingClientRect();
  const at: [number, number] = [Math.round(f.x + b.x + b.width / 2), Math.round(f.y + b.y + b.height / 2)];
  await sendMouse({ type: 'click', position: at });
  await resetMouse();
};

describe('the opener reloaded while its popup is at IMS', () => {
  withCleanPage();
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => {
    frame?.remove();
    localStorage.clear();
  });

  for (const storage of ['local', 'session']) {
    it(`takes the token the popup hands over after the reload (storage="${storage}")`, async () => {
      // IMS signs in at once, then takes its time over the token request: the reload happens meanwhile.
      const switches: Switches = { auto: true, tokenDelayMs: 1200 };
      const clientId = await newClient(switches);
      const start = await startFrame({ 'client-id': clientId, storage });
      frame = start.frame;
      await clickInFrame(frame, start.el());
      await waitFor(async () => (await imsStats(clientId)).tokenRequests === 1, 'the popup to exchange the code');
      frame.contentWindow!.location.reload();
      await waitFor(() => start.el()?.shadowRoot && recorded(frame!.contentWindow!).events, 'the reloaded frame');
      await waitFor(() => start.el().signedIn, 'the reloaded frame to be signed in', 8000);
      expect(recorded(frame.contentWindow!).events.map((e) => e.type)).to.deep.equal(['token']);
      expect(start.el().token!.clientId).to.equal(clientId);
    });
  }
});
