// Helpers for the element tests: the local IMS's controls, real clicks, popup capture, waiting.
import { sendMouse } from '@web/test-runner-commands';
import { fixture } from '@open-wc/testing';
import type { Token } from '../../src/oauth/token-request.js';
import { tokenKey, type Transaction } from '../../src/oauth/storage.js';
import type { AdobeSignIn } from '../../src/adobe-sign-in.js';

declare global {
  /** What web-test-runner.config.mjs tells the pages of this run, in /__test-env.js. */
  var __TEST_ENV__: { ims: string } | undefined;
}

/** The origin of the local IMS of this run (its port is picked free when the run starts). */
export const IMS: string = (() => {
  if (!globalThis.__TEST_ENV__) throw new Error('no /__test-env.js on this page: it tells where the local IMS is');
  return globalThis.__TEST_ENV__.ims;
})();
export const FIXTURES = new URL('/test/fixtures/', location.origin).href;
export const REDIRECT = FIXTURES + 'redirect.html';

export interface Switches {
  auto?: boolean;
  deny?: boolean;
  coop?: boolean;
  tokenFailure?: '500' | '429' | 'html';
  tokenDelayMs?: number;
  /** expires_in of the tokens it issues, in seconds. */
  tokenTtl?: number;
  /** What to send as `iss` instead of its issuer; '' leaves it out. */
  iss?: string;
  /** The authorize endpoint answers 204: a page sent there stays where it is. */
  authorizeNoContent?: boolean;
  /** /ims/revoke also revokes the token's grant: the user's other tokens of the client and codes being exchanged. */
  revokeGrant?: boolean;
  /**
   * The userinfo endpoint fails: `500` (JSON server_error), `html` (an HTML 502 page), `garbage` (200, not JSON),
   * `other-sub` (the claims with another user's sub), `hang` (no answer).
   */
  userinfo?: '500' | 'html' | 'garbage' | 'other-sub' | 'hang';
  /** The userinfo endpoint answers this late. */
  userinfoDelayMs?: number;
  /** The logout endpoint answers this late. */
  logoutDelayMs?: number;
}

/** A client id of its own for one test, with the local IMS behaving as `switches` say. */
export const newClient = async (switches: Switches = { auto: true }): Promise<string> => {
  const id = `test-${crypto.randomUUID()}`;
  await setSwitches(id, switches);
  return id;
};

/** Sets the switches of an existing client id. */
export const setSwitches = async (clientId: string, switches: Switches): Promise<void> => {
  const body = new URLSearchParams(Object.entries(switches).map(([k, v]) => [k, String(v)]));
  await fetch(`${IMS}/__ims/switches?client_id=${clientId}`, { method: 'POST', body });
};

export interface ImsStats {
  tokenRequests: number;
  revocations: number;
  logouts: number;
  logoutRequests: number;
  /** Userinfo requests (preflights not counted). */
  userinfoRequests: number;
  /** Requests to the stand-in API under /api/ with this client's token or key (preflights not counted). */
  apiRequests: number;
  /** The screens IMS showed this client's users, in order: `login`, `consent`, `social:google`… */
  screens: string[];
  /** The parameters of the client's last authorize request. */
  authorize: Record<string, string> | null;
}

/** What the local IMS did for a client. */
export const imsStats = async (clientId: string): Promise<ImsStats> =>
  (await fetch(`${IMS}/__ims/stats?client_id=${clientId}`)).json();

/** Where tokens of the local IMS are kept, for `clientId`. */
export const tokenKeyFor = (clientId: string, ims = IMS) => tokenKey(ims, clientId);

/** Puts a token in storage, as an earlier sign-in would have, for an element with ims-origin=IMS. */
export const storeToken = (token: Token, storage: Storage = sessionStorage, ims = IMS) =>
  storage.setItem(tokenKey(ims, token.clientId), JSON.stringify(token));

/** A token for `clientId` that expires `ms` from now (a negative `ms`: already expired). */
export const tokenFor = (clientId: string, ms = 60000, accessToken = 'at'): Token => ({
  accessToken,
  tokenType: 'bearer',
  expiresIn: Math.max(1, Math.round(ms / 1000)),
  expiresAt: Date.now() + ms,
  clientId,
});

/** The state of the sign-in under way on this page: the key of its transaction in sessionStorage. */
export const pendingState = (): string =>
  Object.keys(sessionStorage)
    .find((k) => k.startsWith('adobe-auth:tx:'))!
    .slice('adobe-auth:tx:'.length);

/** A real mouse click in the middle of an element: a user gesture, as the popup blocker wants. */
export const click = async (el: Element): Promise<void> => {
  const r = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
};

/** Records the windows `window.open` returns while a test runs. */
export const capturePopups = () => {
  const real = window.open;
  const opened: Window[] = [];
  window.open = (...args: Parameters<typeof window.open>) => {
    const w = real.apply(window, args);
    if (w) opened.push(w);
    return w;
  };
  return { opened, restore: () => (window.open = real) };
};

/**
 * For a describe block whose tests open popups: each test starts with empty sessionStorage and Lit warnings failing
 * it, and its popups are recorded in `opened` and closed after it.
 */
export const withCleanPage = () => {
  const popups: { opened: Window[] } = { opened: [] };
  let restore: () => void;
  failOnLitWarnings();
  beforeEach(() => {
    sessionStorage.clear();
    ({ opened: popups.opened, restore } = capturePopups());
  });
  afterEach(() => {
    restore();
    for (const w of popups.opened) w.close();
  });
  return popups;
};

/** Resolves once `check` returns (or resolves to) a truthy value; errors count as not yet (a window that is cross-origin for now). */
export const waitFor = async <T>(check: () => T | Promise<T>, what: string, ms = 15000): Promise<NonNullable<T>> => {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Waits until an earlier click no longer counts as a user gesture (it lasts a few seconds), so window.open is blocked. */
export const userActivationExpired = async (): Promise<void> => {
  const activation = (navigator as { userActivation?: { isActive: boolean } }).userActivation;
  if (activation) await waitFor(() => !activation.isActive, 'user activation to expire', 10000);
  else await sleep(5500);
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens a same-origin window with a real click, as a user would (the popup blocker is on). */
export const openWindow = async (url: string): Promise<Window> => {
  const button = document.createElement('button');
  button.textContent = 'open';
  let w: Window | null = null;
  button.onclick = () => (w = window.open(url, '_blank', 'popup,width=600,height=600'));
  document.body.append(button);
  try {
    await click(button);
    return await waitFor(() => w, 'the window to open');
  } finally {
    button.remove();
  }
};

type Recorded = Window & {
  events: { type: string; detail: Record<string, unknown> }[];
  tokenRequests: string[];
  answer: string;
};
/** A fixture window's record of events and token requests (see fixtures/record.js). */
export const recorded = (w: Window) => w as Recorded;

// Lit's dev-mode warnings, collected from the moment this module loads (some come when a class is defined).
export const litWarnings: string[] = [];
/** Elements whose Lit warnings a test makes on purpose: collected as any other, but not printed into the run's log. */
export const expectedLitWarningsOf = new Set<string>();
const realWarn = console.warn;
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (/lit\.dev\/msg\//.test(text) && !/lit\.dev\/msg\/dev-mode/.test(text)) {
    litWarnings.push(text);
    if ([...expectedLitWarningsOf].some((tag) => text.includes(`Element ${tag} `))) return;
  }
  realWarn.apply(console, args);
};

/** Fails each test after which Lit has warned (but for the notice that dev mode is on). */
export const failOnLitWarnings = () =>
  afterEach(() => {
    const w = litWarnings.splice(0);
    if (w.length) throw new Error(`Lit warned: ${w.join('\n')}`);
  });

/** An <adobe-sign-in> of the local IMS for `clientId`, on the page until the test ends; more attributes as a query. */
export const signInElement = (clientId: string, attrs = ''): Promise<AdobeSignIn> => {
  const el = document.createElement('adobe-sign-in');
  for (const [k, v] of [
    ['client-id', clientId],
    ['redirect-uri', REDIRECT],
    ['ims-origin', IMS],
    ...new URLSearchParams(attrs),
  ]) {
    el.setAttribute(k, v);
  }
  return fixture<AdobeSignIn>(el);
};

/**
 * A sign-in transaction as <adobe-sign-in> saves it, for tests that play IMS's answer on a redirect page: by default
 * a popup sign-in whose redirect URI is this page, keeping its token in memory.
 */
export const transaction = (ims: string, extra: Partial<Transaction> = {}): Transaction => ({
  verifier: 'v'.repeat(43),
  clientId: 'client-1',
  redirectUri: location.origin + location.pathname,
  ims,
  returnTo: location.href,
  mode: 'popup',
  storage: 'memory',
  createdAt: Date.now(),
  ...extra,
});

/** The <adobe-sign-in> of a fixture window (fixtures/start.html), once it is up. */
export const signInOf = (w: Window): Promise<AdobeSignIn> =>
  waitFor(() => {
    const el = w.document.querySelector('adobe-sign-in') as AdobeSignIn | null;
    return el?.shadowRoot && el;
  }, 'the element of the window');

/** The events a fixture window has recorded once it is back on a page whose path ends with `path`, and loaded. */
export const eventsBackOn = (w: Window, path: string) =>
  waitFor(
    () =>
      w.location.pathname.endsWith(path) && w.document.readyState === 'complete' && recorded(w).events.length
        ? recorded(w).events
        : undefined,
    `an event on ${path}`,
  );

/**
 * Records every event of the kit that `el` fires, as "type", "type:reason" (sign-out) or "type:code" (auth-error), in
 * order.
 */
export const recordEvents = (el: EventTarget): string[] => {
  const seen: string[] = [];
  for (const type of ['token', 'sign-out', 'auth-error', 'token-expiring', 'profile'] as const) {
    el.addEventListener(type, (e) => {
      const d = (e as CustomEvent).detail;
      seen.push(type + (d?.reason ? `:${d.reason}` : d?.code ? `:${d.code}` : ''));
    });
  }
  return seen;
};

/** A same-origin frame on this page (fixtures/blank.html), removed after the test. */
export const sameOriginFrame = async (): Promise<HTMLIFrameElement> => {
  const frame = document.createElement('iframe');
  frame.src = FIXTURES + 'blank.html';
  const loaded = new Promise((r) => (frame.onload = r));
  document.body.append(frame);
  await loaded;
  afterEachOnce(() => frame.remove());
  return frame;
};

const cleanups: (() => void)[] = [];
/** Runs `fn` after the current test, once. */
export const afterEachOnce = (fn: () => void) => cleanups.push(fn);
afterEach(() => {
  for (const fn of cleanups.splice(0)) fn();
});

/** The events a fixture window has recorded, once it has recorded `n` of them. */
export const eventsIn = (w: Window, n = 1) =>
  waitFor(() => (recorded(w).events?.length >= n ? recorded(w).events : undefined), `${n} event(s) in the window`);
