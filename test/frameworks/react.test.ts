// The React wrappers (adobe-auth-elements/react) in a real React 19 app: every event the manifest lists reaches its
// `on…` prop, StrictMode's double mount signs in once, and a tag given properties before it is defined keeps them.
import { expect, oneEvent } from '@open-wc/testing';
import { StrictMode, createElement, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { AdobeSignIn, AdobeAuthRedirect, useAdobeSession, type AdobeSessionState } from '../../src/react.js';
import { getSession, type SessionOptions } from '../../src/sessions.js';
import type { AuthError } from '../../src/oauth/errors.js';
import { AdobeSignIn as AdobeSignInElement } from '../../src/adobe-sign-in.js';
import {
  IMS,
  REDIRECT,
  click,
  imsStats,
  newClient,
  storeToken,
  tokenFor,
  waitFor,
  withCleanPage,
} from '../support/flow.js';

interface Manifest {
  modules: { declarations: { tagName?: string; events?: { name: string }[] }[] }[];
}

const wrappers: Record<string, ComponentType<Record<string, unknown>>> = {
  'adobe-sign-in': AdobeSignIn as ComponentType<Record<string, unknown>>,
  'adobe-auth-redirect': AdobeAuthRedirect as ComponentType<Record<string, unknown>>,
};

/** `auth-error` → `onAuthError`, as the wrappers name their event props. */
const propFor = (event: string) => 'on' + event.replace(/(^|-)(\w)/g, (_, _dash, c: string) => c.toUpperCase());

describe('React wrappers', () => {
  const popups = withCleanPage();
  let host: HTMLElement;
  let root: Root;
  const render = (node: Parameters<Root['render']>[0]) => flushSync(() => root.render(node));

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    root.unmount();
    host.remove();
  });

  it('has an on… prop for every event in custom-elements.json, and calls it with the event', async () => {
    const manifest = (await (await fetch('/dist/custom-elements.json')).json()) as Manifest;
    const tags = manifest.modules.flatMap((m) => m.declarations).filter((d) => d.tagName);
    expect(tags.map((t) => t.tagName)).to.have.members(Object.keys(wrappers));
    for (const { tagName, events = [] } of tags) {
      expect(events).to.have.length.above(0);
      const calls: string[] = [];
      const props = Object.fromEntries(events.map((e) => [propFor(e.name), (ev: Event) => calls.push(ev.type)]));
      render(createElement(wrappers[tagName!], props));
      const el = host.querySelector(tagName!)!;
      for (const e of events) el.dispatchEvent(new CustomEvent(e.name, { detail: {} }));
      expect(calls, tagName).to.deep.equal(events.map((e) => e.name));
    }
  });

  it('signs in once under StrictMode, which mounts twice', async () => {
    const clientId = await newClient();
    const tokens: string[] = [];
    render(
      createElement(
        StrictMode,
        null,
        createElement(AdobeSignIn, {
          clientId,
          redirectUri: REDIRECT,
          imsOrigin: IMS,
          onToken: (e) => tokens.push(e.detail.accessToken),
        }),
      ),
    );
    const el = host.querySelector('adobe-sign-in')!;
    await el.updateComplete;
    const got = oneEvent(el, 'token');
    await click(el.shadowRoot!.querySelector('button')!);
    await got;
    expect(tokens).to.have.length(1);
    expect(popups.opened).to.have.length(1);
    expect(el.busy).to.equal(false);
    expect(el.signedIn).to.equal(true);
    expect(await imsStats(clientId)).to.include({ tokenRequests: 1 });
  });

  it('keeps the sign-in when the reconciler replaces the element: the new one is signed in, not busy', async () => {
    const clientId = await newClient();
    const view = (key: string) => createElement(AdobeSignIn, { key, clientId, redirectUri: REDIRECT, imsOrigin: IMS });
    render(view('a'));
    const first = host.querySelector('adobe-sign-in')!;
    await first.updateComplete;
    const got = oneEvent(first, 'token');
    await click(first.shadowRoot!.querySelector('button')!);
    const { detail } = await got;
    render(view('b'));
    const second = host.querySelector('adobe-sign-in')!;
    await second.updateComplete;
    expect(second).to.not.equal(first);
    expect(second.token).to.deep.equal(detail);
    expect([second.signedIn, second.busy]).to.deep.equal([true, false]);
    expect(await imsStats(clientId)).to.include({ tokenRequests: 1 });
  });

  it('leaves no element busy when the reconciler replaces one during a sign-in', async () => {
    const clientId = await newClient({});
    const view = (key: string) => createElement(AdobeSignIn, { key, clientId, redirectUri: REDIRECT, imsOrigin: IMS });
    render(view('a'));
    const first = host.querySelector('adobe-sign-in')!;
    await first.updateComplete;
    await click(first.shadowRoot!.querySelector('button')!);
    expect(first.busy).to.equal(true);
    render(view('b'));
    const second = host.querySelector('adobe-sign-in')!;
    await second.updateComplete;
    expect([second.busy, second.signedIn]).to.deep.equal([false, false]);
    await click(second.shadowRoot!.querySelector('button')!);
    expect(second.busy).to.equal(true);
    expect(popups.opened).to.have.length(2);
  });

  it('passes props given as attributes by the bare tag, as React 19 does', async () => {
    render(createElement('adobe-sign-in', { 'client-id': 'abc', 'redirect-uri': REDIRECT, mode: 'redirect' }));
    const el = host.querySelector('adobe-sign-in')!;
    await el.updateComplete;
    expect([el.clientId, el.redirectUri, el.mode]).to.deep.equal(['abc', REDIRECT, 'redirect']);
  });

  it('keeps properties a framework set before the tag was defined, and restores the stored token then', async () => {
    const clientId = await newClient();
    storeToken(tokenFor(clientId));
    const el = document.createElement('adobe-sign-in-late') as AdobeSignInElement;
    Object.assign(el, { clientId, redirectUri: REDIRECT, imsOrigin: IMS });
    host.append(el);
    customElements.define('adobe-sign-in-late', class extends AdobeSignInElement {});
    await el.updateComplete;
    expect([el.clientId, el.redirectUri, el.imsOrigin]).to.deep.equal([clientId, REDIRECT, IMS]);
    expect(el.signedIn).to.equal(true);
    expect(el.token?.clientId).to.equal(clientId);
    expect(el.hasAttribute('signed-in')).to.equal(true);
  });
});

describe('useAdobeSession()', () => {
  const popups = withCleanPage();
  let host: HTMLElement;
  let root: Root;
  const render = (node: Parameters<Root['render']>[0]) => flushSync(() => root.render(node));
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    root.unmount();
    host.remove();
  });

  /** A component that renders from the hook, and records every value it rendered with. */
  const seenBy = (options: SessionOptions) => {
    const renders: AdobeSessionState[] = [];
    const Who = () => {
      const state = useAdobeSession(options);
      renders.push(state);
      return createElement(
        'p',
        { className: 'who' },
        state.signedIn ? `Signed in as ${state.profile?.name ?? '…'}` : 'Signed out',
      );
    };
    return { Who, renders };
  };

  it('renders signed out, then the token and who signed in, under StrictMode, from two components alike', async () => {
    const clientId = await newClient();
    const options = { clientId, imsOrigin: IMS };
    const [one, two] = [seenBy(options), seenBy(options)];
    render(
      createElement(
        StrictMode,
        null,
        createElement(one.Who),
        createElement(two.Who),
        createElement(AdobeSignIn, { clientId, redirectUri: REDIRECT, imsOrigin: IMS, scope: 'openid,profile' }),
      ),
    );
    const texts = () => [...host.querySelectorAll('.who')].map((p) => p.textContent);
    expect(texts()).to.deep.equal(['Signed out', 'Signed out']);
    const el = host.querySelector('adobe-sign-in')!;
    await el.updateComplete;
    await click(el.shadowRoot!.querySelector('button')!);
    await waitFor(() => texts().every((t) => t === 'Signed in as Test User'), 'both components to show who');
    const last = one.renders.at(-1)!;
    expect(last).to.include({ signedIn: true });
    expect(last.token).to.equal(getSession(options).token);
    expect(last.session).to.equal(getSession(options));
    // One value per change: the same object between changes, the same one in both components.
    expect(new Set(one.renders).size).to.be.at.most(3);
    expect(two.renders.at(-1)).to.equal(last);

    last.session!.signOut();
    await waitFor(() => texts().every((t) => t === 'Signed out'), 'both components to sign out');
    expect(popups.opened).to.have.length(1);
  });

  it('starts signed in from a stored token, and throws config_error for an untrusted IMS', async () => {
    const clientId = await newClient();
    storeToken(tokenFor(clientId, 3600_000));
    const { Who, renders } = seenBy({ clientId, imsOrigin: IMS });
    render(createElement(Who));
    expect(renders.at(-1)!.signedIn).to.equal(true);

    const errors: unknown[] = [];
    const bad = seenBy({ clientId, imsOrigin: 'https://attacker.example' });
    const errorRoot = createRoot(document.createElement('div'), { onUncaughtError: (e) => errors.push(e) });
    flushSync(() => errorRoot.render(createElement(bad.Who)));
    errorRoot.unmount();
    expect((errors[0] as AuthError | undefined)?.code).to.equal('config_error');
  });
});
