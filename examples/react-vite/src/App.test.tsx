// The app rendered signed in, as its unit tests see it (Vitest, in jsdom and in happy-dom): adobe-auth-elements/testing
// signs its session in with a made-up token and user, and out again; no request goes to any IMS.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { signInForTest, signOutForTest } from 'adobe-auth-elements/testing';
import { App } from './App';
import { CLIENT_ID, IMS_ORIGIN } from './ims';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const session = { clientId: CLIENT_ID, imsOrigin: IMS_ORIGIN };
const status = () => document.querySelector('[role=status]')!.textContent;

let root: Root;
const render = async () => {
  root = createRoot(document.body.appendChild(document.createElement('div')));
  await act(() => root.render(<App />));
};

beforeEach(() => vi.stubGlobal('fetch', vi.fn()));
afterEach(async () => {
  await act(() => root.unmount());
  signOutForTest(session);
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

it('shows who signed in, and signs out', async () => {
  await render();
  expect(status()).toBe('Signed out');
  await act(() => {
    signInForTest({ ...session, profile: { name: 'Ada Lovelace', email: 'ada@example.com' } });
  });
  expect(status()).toMatch(/^Signed in until /);
  expect(document.body.textContent).toContain('Signed in as Ada Lovelace');
  const button = document.querySelector('adobe-sign-in')!;
  await button.updateComplete;
  expect(button.hasAttribute('signed-in')).toBe(true);
  await act(() => signOutForTest(session));
  expect(status()).toBe('Signed out');
  expect(fetch).not.toHaveBeenCalled();
});

it('renders signed in from the start when the session is', async () => {
  signInForTest(session);
  await render();
  expect(status()).toMatch(/^Signed in until /);
});
