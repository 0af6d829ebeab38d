import { ReactiveElement, css, type PropertyValues } from '@lit/reactive-element';
import { h } from './dom.js';
import { AuthError, toAuthError } from './oauth/errors.js';
import { challengeFor, randomString } from './oauth/pkce.js';
import { authorizeUrl, imsOriginFor, tokenEndpointFor } from './oauth/ims.js';
import { listenForHandoff, sendHandoff, type Handoff } from './oauth/handoff.js';
import {
  TRANSACTION_TTL_MS,
  clearToken,
  loadToken,
  saveToken,
  saveTransaction,
  sessionStore,
  takeOutcome,
  takeTransaction,
  type Transaction,
} from './oauth/storage.js';
import { requestToken, type Token } from './oauth/token-request.js';
import { emit, errorDetail, type TokenDetail } from './events.js';

/** How often a popup's `closed` is read, and how long after it reads true a result may still come before `popup_closed`. */
const POLL_MS = 500;
const GRACE_MS = 2000;

/**
 * A "Sign in with Adobe" button: OAuth 2.0 authorization code flow with PKCE against Adobe IMS, in a popup or the
 * whole page. Once signed in, it offers sign-out.
 *
 * @summary Sign in with Adobe.
 * @tagname adobe-sign-in
 * @fires {CustomEvent<TokenDetail>} token - Signed in: `{accessToken, tokenType, expiresIn, expiresAt, scope?, idToken?,
 * clientId}`.
 * @fires {CustomEvent<AuthErrorDetail>} auth-error - Sign-in failed: `{code, message, description?}`.
 * @fires {CustomEvent<SignOutDetail>} sign-out - The token was cleared: `{clientId}`.
 * @slot - The sign-in label, "Sign in with Adobe" by default.
 * @slot sign-out - The sign-out label, "Sign out" by default.
 * @csspart button - The `<button>`.
 * @cssprop [--adobe-sign-in-background=#1473e6] - Button background.
 * @cssprop [--adobe-sign-in-color=#fff] - Button text colour.
 * @cssprop [--adobe-sign-in-radius=16px] - Button corner radius.
 */
export class AdobeSignIn extends ReactiveElement {
  static override styles = css`
    :host {
      display: inline-block;
      --adobe-sign-in-background: #1473e6;
      --adobe-sign-in-color: #fff;
      --adobe-sign-in-radius: 16px;
    }
    :host([hidden]) {
      display: none;
    }
    button {
      font: inherit;
      font-weight: 700;
      padding: 0.4em 1.1em;
      border: 0;
      border-radius: var(--adobe-sign-in-radius);
      background: var(--adobe-sign-in-background);
      color: var(--adobe-sign-in-color);
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    :host([busy]) button {
      cursor: progress;
    }
    :host([signed-in]) slot:not([name]),
    :host(:not([signed-in])) slot[name='sign-out'] {
      display: none;
    }
  `;

  static override properties = {
    clientId: { attribute: 'client-id' },
    redirectUri: { attribute: 'redirect-uri' },
    scope: {},
    environment: {},
    imsOrigin: { attribute: 'ims-origin' },
    locale: {},
    prompt: {},
    mode: {},
    popupFallback: { attribute: 'popup-fallback' },
    disabled: { type: Boolean, reflect: true },
    busy: { type: Boolean, reflect: true },
    signedIn: { type: Boolean, reflect: true, attribute: 'signed-in' },
    token: { attribute: false },
  };

  /** The IMS client id of an "OAuth Single-Page App" credential. Required. */
  declare clientId: string | null;
  /** Absolute URL of the page with `<adobe-auth-redirect>`, registered with the client. Required. */
  declare redirectUri: string | null;
  /** Scopes, comma- or space-separated (Creative Cloud APIs: `openid,creative_sdk`). */
  declare scope: string;
  /** Which Adobe IMS: `prod` or `stage`. */
  declare environment: 'prod' | 'stage';
  /** An IMS origin that overrides `environment`, e.g. `http://localhost:8001` for the local IMS. */
  declare imsOrigin: string | null;
  /** Locale of the IMS screens, e.g. `fr_FR`. */
  declare locale: string | null;
  /** Sent to IMS as `prompt` (`login`, `none`, …). */
  declare prompt: string | null;
  /** Sign in in a popup, or with the whole page (`redirect`). */
  declare mode: 'popup' | 'redirect';
  /** When the popup is blocked: sign in with the whole page (`redirect`), or fire `auth-error` `popup_blocked` (`none`). */
  declare popupFallback: 'redirect' | 'none';
  /** No sign-in or sign-out while set. */
  declare disabled: boolean;
  /**
   * Set by the element while a sign-in is under way (the button has `aria-busy="true"`).
   * @readonly
   */
  declare busy: boolean;
  /**
   * Set by the element while it holds an unexpired token.
   * @readonly
   */
  declare signedIn: boolean;
  /**
   * The current token, or null. A stored, unexpired token is restored on load.
   * @readonly
   */
  declare token: TokenDetail | null;

  private button = h(
    'button',
    { part: 'button', type: 'button' },
    h('slot', {}, 'Sign in with Adobe'),
    h('slot', { name: 'sign-out' }, 'Sign out'),
  ) as HTMLButtonElement;
  private flow?: { state: string; stop: () => void };
  private expiryTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this.clientId = null;
    this.redirectUri = null;
    this.scope = 'AdobeID,openid';
    this.environment = 'prod';
    this.imsOrigin = null;
    this.locale = null;
    this.prompt = null;
    this.mode = 'popup';
    this.popupFallback = 'redirect';
    this.disabled = false;
    this.busy = false;
    this.signedIn = false;
    this.token = null;
    this.button.addEventListener('click', () => (this.signedIn ? this.signOut() : this.signIn()));
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    root.append(this.button);
    return root;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.flow?.stop();
    clearTimeout(this.expiryTimer);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('clientId')) this.restore();
    if (changed.has('token')) {
      this.signedIn = !!this.token;
      clearTimeout(this.expiryTimer);
      if (this.token) {
        const ms = this.token.expiresAt - Date.now();
        this.expiryTimer = setTimeout(() => (this.token = null), Math.min(ms, 2 ** 31 - 1));
      }
    }
  }

  /** Takes up the stored token of this client id, and the outcome of a full-page sign-in that has just come back. */
  private restore(): void {
    try {
      const storage = sessionStore();
      this.token = this.clientId ? loadToken(storage, this.clientId) : null;
      const outcome = this.clientId && takeOutcome(storage, this.clientId);
      // Report it once the page's own scripts have had a chance to listen.
      if (outcome) {
        const report = () =>
          setTimeout(() =>
            'token' in outcome
              ? emit(this, 'token', outcome.token)
              : emit(this, 'auth-error', errorDetail(outcome.error)),
          );
        if (document.readyState == 'loading') addEventListener('DOMContentLoaded', report, { once: true });
        else report();
      }
    } catch {
      // storage is unavailable: nothing to restore; signIn() reports it
    }
  }

  /**
   * Starts sign-in. Call it from a click handler: the popup opens before any `await`, so the popup blocker lets it
   * through. Does nothing while busy or disabled.
   */
  signIn(): void {
    if (this.busy || this.disabled) return;
    let popup: Window | null = null;
    try {
      const clientId = this.clientId;
      const redirectUri = this.redirectUri;
      if (!clientId) throw new AuthError('config_error', 'The client-id attribute is required.');
      if (!redirectUri || !/^https?:\/\/[^/]/.test(redirectUri)) {
        throw new AuthError('config_error', 'The redirect-uri attribute must be an absolute http(s) URL.');
      }
      const origin = imsOriginFor(this.environment, this.imsOrigin);
      const storage = sessionStore();
      const state = randomString(16);
      const verifier = randomString();
      const returnTo = location.href;
      const tx: Transaction = {
        verifier,
        clientId,
        redirectUri,
        tokenEndpoint: tokenEndpointFor(origin),
        returnTo,
        mode: this.mode == 'redirect' ? 'redirect' : 'popup',
        createdAt: Date.now(),
      };
      // A sign-in still listened for after popup_closed gives way to this one.
      this.flow?.stop();
      // Saved before window.open: a popup gets a copy of sessionStorage as it is when opened.
      saveTransaction(storage, state, tx);
      if (tx.mode == 'popup') popup = this.openPopup();
      if (tx.mode == 'popup' && !popup) {
        if (this.popupFallback == 'none') {
          takeTransaction(storage, state);
          throw new AuthError('popup_blocked', 'The browser blocked the sign-in popup.');
        }
        saveTransaction(storage, state, { ...tx, mode: 'redirect' });
      }
      this.busy = true;
      if (popup) this.watch(popup, state);
      challengeFor(verifier).then(
        (codeChallenge) => {
          const url = authorizeUrl({
            origin,
            clientId,
            redirectUri,
            scope: this.scope,
            state,
            codeChallenge,
            locale: this.locale,
            prompt: this.prompt,
          });
          if (popup) {
            if (!popup.closed) popup.location.href = url;
          } else {
            // Back from IMS may restore this page from the back-forward cache: idle again, not busy.
            addEventListener('pageshow', () => (this.busy = false), { once: true });
            location.assign(url);
          }
        },
        (e) => this.fail(new AuthError('config_error', `PKCE needs WebCrypto (a secure context): ${e}`), popup),
      );
    } catch (e) {
      this.fail(e, popup);
    }
  }

  /** Forgets the token, asks IMS to revoke it, and fires `sign-out`. */
  signOut(): void {
    const token = this.token;
    if (!token || this.disabled) return;
    try {
      clearToken(sessionStore(), token.clientId);
    } catch {
      // storage is unavailable: there is nothing stored to clear
    }
    this.token = null;
    try {
      fetch(
        new URL(
          `/ims/revoke?client_id=${encodeURIComponent(token.clientId)}`,
          imsOriginFor(this.environment, this.imsOrigin),
        ),
        {
          method: 'POST',
          body: new URLSearchParams({ token: token.accessToken, client_id: token.clientId }),
          keepalive: true,
          credentials: 'omit',
        },
      ).catch(() => {});
    } catch {
      // a bad ims-origin: the token is forgotten here all the same
    }
    emit(this, 'sign-out', { clientId: token.clientId });
  }

  private openPopup(): Window | null {
    const w = 500;
    const h = 650;
    const left = screenX + (outerWidth - w) / 2;
    const top = screenY + (outerHeight - h) / 2;
    const popup = open('about:blank', '_blank', `popup,width=${w},height=${h},left=${left},top=${top}`);
    return popup && !popup.closed ? popup : null;
  }

  /** Waits for the popup's result; a closed popup is only a hint, as COOP makes `closed` read true too early. */
  private watch(popup: Window, state: string): void {
    let closedAt = 0;
    const poll = setInterval(() => {
      if (!popup.closed) closedAt = 0;
      else if (!closedAt) closedAt = Date.now();
      else if (Date.now() - closedAt >= GRACE_MS) {
        // Idle again, but still listening: see below.
        clearInterval(poll);
        this.busy = false;
        emit(this, 'auth-error', { code: 'popup_closed', message: 'The sign-in popup was closed.' });
      }
    }, POLL_MS);
    // Listen on until the transaction would expire: under COOP a token may come after `popup_closed`.
    const expire = setTimeout(() => stop(), TRANSACTION_TTL_MS);
    const stop = () => {
      clearInterval(poll);
      clearTimeout(expire);
      unlisten();
      if (this.flow?.state === state) {
        this.flow = undefined;
        this.busy = false;
      }
    };
    const unlisten = listenForHandoff(state, popup, (msg) => {
      stop();
      void this.handle(msg, popup);
    });
    this.flow = { state, stop: () => (stop(), popup.close()) };
  }

  private async handle(msg: Handoff, popup: Window): Promise<void> {
    try {
      const storage = sessionStore();
      const tx = takeTransaction(storage, msg.state);
      let token: Token;
      if ('token' in msg) token = msg.token;
      else if ('code' in msg) {
        if (!tx) return; // not a sign-in of this page's: ignore
        sendHandoff({ type: 'adobe-auth', state: msg.state, ack: true }, popup);
        this.busy = true;
        try {
          token = await requestToken({ ...tx, code: msg.code });
        } finally {
          this.busy = false;
        }
      } else if ('error' in msg) throw new AuthError(msg.error.code, msg.error.message, msg.error);
      else return;
      saveToken(storage, token);
      this.token = token;
      emit(this, 'token', token);
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown, popup?: Window | null): void {
    popup?.close();
    this.flow?.stop();
    this.busy = false;
    emit(this, 'auth-error', errorDetail(toAuthError(e)));
  }

  protected override updated(): void {
    this.button.disabled = this.disabled;
    if (this.busy) this.button.setAttribute('aria-busy', 'true');
    else this.button.removeAttribute('aria-busy');
  }
}
