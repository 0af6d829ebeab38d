import { h, say, sheet } from './dom.js';
import { ENGLISH } from './labels.js';
import { LocalizedElement } from './localized-element.js';
import { configError, toAuthError } from './oauth/errors.js';
import { extraAuthorizeParams } from './oauth/ims.js';
import type { StorageKind } from './oauth/storage.js';
import type { Profile } from './oauth/userinfo.js';
import { timerAt, type SessionChange } from './session.js';
import { getSession, type SessionOptions } from './sessions.js';
import { SessionController } from './session-controller.js';
import { startSignIn } from './sign-in-flow.js';
import { emit, errorDetail, type TokenDetail } from './events.js';

let button: HTMLElement | undefined;

/** A claim as the text to show: a string, cut at 100 characters; anything else is none. */
const asText = (claim: unknown): string =>
  typeof claim == 'string' ? (claim.length > 100 ? `${claim.slice(0, 99)}…` : claim) : '';

/**
 * A "Sign in with Adobe" button: OAuth 2.0 authorization code flow with PKCE against Adobe IMS, in a popup or the
 * whole page. Once signed in, it offers sign-out. Every `<adobe-sign-in>` of the same IMS, client id and storage
 * shares one session: they show the same state, and with `storage="local"` so do the origin's other tabs.
 *
 * @summary Sign in with Adobe.
 * @tagname adobe-sign-in
 * @fires {CustomEvent<TokenDetail>} token - Gained a token, by its own sign-in or another element's or tab's:
 * `{accessToken, tokenType, expiresIn, expiresAt, scope?, idToken?, clientId}`. A token restored on load fires nothing.
 * @fires {CustomEvent<AuthErrorDetail>} auth-error - Sign-in failed: `{code, message, description?, status?,
 * retryAfter?}`; `status` and `retryAfter` (seconds) when the token endpoint answered an HTTP error such as 429.
 * @fires {CustomEvent<SignOutDetail>} sign-out - Lost its token: `{clientId, reason}`, `reason` being `user` (this
 * element's button or `signOut()`), `elsewhere` (another element, tab or `getSession().signOut()`), `expired`, or
 * `rejected` (an API answered `session.fetch()` with 401).
 * @fires {CustomEvent<ProfileDetail>} profile - Who signed in arrived for a new token: IMS's userinfo claims (`sub`, `name`,
 * `email`, …), when `scope` names `profile` or `email`. A profile restored on load fires nothing.
 * @fires {CustomEvent<TokenExpiringDetail>} token-expiring - Once per token, `renew-before` seconds before it expires:
 * `{clientId, expiresAt}`. Call `signIn()` from a user gesture to renew it.
 * @slot - The sign-in label: "Sign in with Adobe" by default (see `text`), in the page's language.
 * @slot sign-out - The sign-out label, "Sign out" by default, in the page's language.
 * @slot user - Who is signed in, shown beside the sign-out button: the profile's name (else its email) by default.
 * @csspart button - The `<button>`.
 * @csspart user - Who is signed in (signed in, with a profile or slotted content).
 * @cssprop [--adobe-sign-in-background=#1473e6] - Button background.
 * @cssprop [--adobe-sign-in-color=#fff] - Button text colour.
 * @cssprop [--adobe-sign-in-radius=16px] - Button corner radius.
 */
export class AdobeSignIn extends LocalizedElement {
  // The custom properties' defaults are fallbacks, not set on :host: a value set on an ancestor reaches the button.
  static override styles = sheet(`
    :host {
      display: inline-block;
    }
    :host([hidden]) {
      display: none;
    }
    button {
      font: inherit;
      font-weight: 700;
      padding: 0.4em 1.1em;
      border: 0;
      border-radius: var(--adobe-sign-in-radius, 16px);
      background: var(--adobe-sign-in-background, #1473e6);
      color: var(--adobe-sign-in-color, #fff);
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
    :host(:not([signed-in])) :is(slot[name='sign-out'], [part='user']) {
      display: none;
    }
    [part='user'] {
      margin-inline-end: 0.5em;
    }
  `);

  static override properties = {
    clientId: { attribute: 'client-id' },
    redirectUri: { attribute: 'redirect-uri' },
    scope: {},
    environment: {},
    imsOrigin: { attribute: 'ims-origin' },
    locale: {},
    text: {},
    prompt: {},
    authorizeParams: { attribute: 'authorize-params' },
    mode: {},
    popupFallback: { attribute: 'popup-fallback' },
    storage: {},
    renewBefore: { attribute: 'renew-before', type: Number },
    endSession: { attribute: 'end-session', type: Boolean },
    disabled: { type: Boolean, reflect: true },
    busy: { type: Boolean, reflect: true },
    signedIn: { type: Boolean, reflect: true, attribute: 'signed-in' },
  };

  /** The IMS client id of an "OAuth Single-Page App" credential. Required. */
  declare clientId?: string | null;
  /** Absolute URL of the page with `<adobe-auth-redirect>`, registered with the client. Required. */
  declare redirectUri?: string | null;
  /** Scopes, comma- or space-separated (Creative Cloud APIs: `openid,creative_sdk`). */
  declare scope: string;
  /** Which Adobe IMS: `prod` or `stage`. */
  declare environment: 'prod' | 'stage';
  /**
   * An IMS origin that overrides `environment`: Adobe's, or loopback (`http://localhost:8001`, the local IMS). Any
   * other origin must first be allowed by the page's script with `trustImsOrigin()`, else `config_error`.
   */
  declare imsOrigin?: string | null;
  /**
   * Locale of the labels and of the IMS screens, in IMS form (`fr_FR`). Without it the element speaks the nearest
   * `lang` (its own, an ancestor's, `<html lang>`), else the browser's language, and IMS gets that language's locale.
   */
  declare locale?: string | null;
  /**
   * The label's wording: `signin` "Sign in with Adobe", `continue` "Continue with Adobe" or `signup` "Sign up with
   * Adobe", each in the element's language. Only the words: a sign-up page also sets
   * `authorize-params="idp_flow=create_account"`.
   */
  declare text: 'signin' | 'continue' | 'signup';
  /** Sent to IMS as `prompt` (`login`, `none`, …). */
  declare prompt?: string | null;
  /**
   * More authorize parameters, as a query string: `idp_flow=social.deep_link.web&provider_id=google` (social
   * sign-in), `idp_flow=create_account` (sign-up), `dctx_id=…`. Naming one the kit sets is `config_error`.
   */
  declare authorizeParams?: string | null;
  /** Sign in in a popup, or with the whole page (`redirect`). */
  declare mode: 'popup' | 'redirect';
  /** When the popup is blocked: sign in with the whole page (`redirect`), or fire `auth-error` `popup_blocked` (`none`). */
  declare popupFallback: 'redirect' | 'none';
  /**
   * Where the token is kept: `session` (this tab, until it closes), `local` (every tab of the origin, kept in step)
   * or `memory` (this page only, gone on reload). Sign-in transactions are in sessionStorage whatever this says.
   */
  declare storage: StorageKind;
  /** Seconds before expiry at which `token-expiring` fires. */
  declare renewBefore: number;
  /**
   * Sign-out also asks IMS to end the user's IMS session, and the next sign-in asks for credentials (`prompt=login`).
   */
  declare endSession: boolean;
  /** No new sign-in or sign-out while set; a sign-in already under way still completes. */
  declare disabled: boolean;
  /**
   * Set by the element while a sign-in is under way (the button has `aria-busy="true"`).
   * @readonly
   */
  declare busy: boolean;
  /**
   * Set by the element while its session holds an unexpired token.
   * @readonly
   */
  declare signedIn: boolean;

  // Made once, then cloned: a page may hold many of these.
  #button = (button ??= h(
    'button',
    { part: 'button', type: 'button' },
    h('slot', {}, ENGLISH.signin),
    h('slot', { name: 'sign-out' }, ENGLISH.signout),
  )).cloneNode(true) as HTMLButtonElement;
  #session = new SessionController(this, (change, mine) => this.#handleChange(change, mine));
  #user?: HTMLElement;
  #expiring?: ReturnType<typeof setTimeout>;
  #warned?: string;
  #said = ENGLISH;
  #saidText = 'signin';

  constructor() {
    super();
    this.scope = 'AdobeID,openid';
    this.text = 'signin';
    this.environment = 'prod';
    this.mode = 'popup';
    this.popupFallback = 'redirect';
    this.storage = 'session';
    this.renewBefore = 300;
    this.endSession = false;
    this.disabled = false;
    this.busy = false;
    this.signedIn = false;
    this.#button.addEventListener('click', () => (this.signedIn ? this.signOut() : this.signIn()));
  }

  /** The current token of this element's session, or null; frozen. A stored, unexpired token is restored on load. */
  get token(): TokenDetail | null {
    return this.#session.session_?.token ?? null;
  }

  /**
   * Who signed in: IMS's userinfo claims (`sub`, `name`, `email`, …), frozen, when `scope` names `profile` or
   * `email`; null before they arrive, without such a scope, or signed out.
   */
  get profile(): Profile | null {
    return this.#session.session_?.profile ?? null;
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    root.append(this.#button);
    return root;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#scheduleExpiring();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#expiring);
    // A framework moving the element takes it out and puts it back in the same task: only a removal stops sign-in.
    setTimeout(() => {
      if (this.isConnected) return;
      this.#session.session_?.endFlows_(this);
      this.busy = false;
    });
  }

  override willUpdate(): void {
    super.willUpdate();
    let session = null;
    try {
      // The same settings give the same session: only a change of IMS, client id or storage changes it.
      session = getSession(this as SessionOptions);
    } catch {
      // no session to show; signIn() reports what is wrong
    }
    const before = this.#session.session_;
    if (before && before != session && before.endFlows_(this)) {
      this.#fail(configError('client-id, ims-origin or storage changed during sign-in.'));
    }
    this.#session.use_(session);
    this.signedIn = !!this.token;
    this.busy = !!session?.busyFlow_(this);
    this.#scheduleExpiring();
  }

  /**
   * Starts sign-in. Call it from a click handler: the popup opens before any `await`, so the popup blocker lets it
   * through. Does nothing while disabled; while a sign-in of the session is under way, brings its popup forward.
   */
  signIn(): void {
    if (this.disabled) return;
    try {
      const session = getSession(this as SessionOptions);
      const redirectUri = this.redirectUri;
      if (!redirectUri || !/^https?:\/\/[^/]/.test(redirectUri)) {
        throw configError('redirect-uri must be an absolute http(s) URL.');
      }
      startSignIn(this, session, redirectUri, extraAuthorizeParams(this.authorizeParams), (e) => this.#fail(e));
    } catch (e) {
      this.#fail(e);
    }
  }

  /**
   * Signs out of this element's session (every element and tab of it follows): ends a sign-in under way, forgets the
   * token and revokes it.
   */
  signOut(): void {
    if (!this.disabled) this.#session.session_?.signOut(this, this);
  }

  #handleChange([type, detail]: SessionChange, mine: boolean): void {
    // At once, not at the next update: a page reads `busy` right after calling signIn().
    this.busy = !!this.#session.session_?.busyFlow_(this);
    if (type == 'sign-out') {
      // To the element that asked, a sign-out is its user's; to the others, it happened elsewhere.
      const reason = mine ? 'user' : detail.reason == 'user' ? 'elsewhere' : detail.reason;
      emit(this, type, { clientId: detail.clientId, reason });
    } else if (type != 'busy') emit(this, type, detail as never);
  }

  /** `token-expiring`, once per token, `renew-before` seconds before it expires. */
  #scheduleExpiring(): void {
    clearTimeout(this.#expiring);
    const token = this.token;
    if (!token || token.accessToken == this.#warned || !this.isConnected) return;
    this.#expiring = timerAt(token.expiresAt - (this.renewBefore || 0) * 1000, () => {
      this.#warned = token.accessToken;
      emit(this, 'token-expiring', { clientId: token.clientId, expiresAt: token.expiresAt });
    });
  }

  #fail(e: unknown): void {
    emit(this, 'auth-error', errorDetail(toAuthError(e)));
  }

  protected override updated(): void {
    const l = this.labels_;
    const text = this.text == 'continue' || this.text == 'signup' ? this.text : 'signin';
    // The cloned button already says "Sign in with Adobe" and "Sign out": most elements never need to relabel.
    if (l != this.#said || text != this.#saidText) {
      const [signIn, signOut] = this.#button.children;
      say(signIn, l[text]);
      say(signOut, l.signout);
      this.#said = l;
      this.#saidText = text;
    }
    this.#button.disabled = this.disabled;
    if (this.busy) this.#button.setAttribute('aria-busy', 'true');
    else this.#button.removeAttribute('aria-busy');
    const p = this.profile;
    if (this.signedIn && !this.#user) {
      // Made the first time it is needed: most elements on a page never sign in.
      // dir="auto": the name is isolated from the text around it, in its own direction.
      this.#user = h('span', { part: 'user', dir: 'auto' }, h('slot', { name: 'user' }));
      this.#user.addEventListener('slotchange', () => this.requestUpdate());
      this.#button.before(this.#user);
    }
    if (this.#user) {
      const slot = this.#user.firstChild as HTMLSlotElement;
      const who = asText(p?.name) || asText(p?.email);
      say(slot, who);
      // The name isolated (U+2068…U+2069): its bidi controls cannot turn the sentence around it.
      this.#user.title = who && l.user.replace('{name}', () => `\u2068${who}\u2069`);
      this.#user.hidden = !who && !slot.assignedNodes().length;
    }
  }
}
