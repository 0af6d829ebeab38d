import { h, say, sheet } from './dom.js';
import { ENGLISH } from './labels.js';
import { LocalizedElement } from './localized-element.js';
import { completeRedirect, type RedirectResult } from './oauth/exchange.js';
import { imsOriginFor } from './oauth/ims.js';
import { postOnChannel, postToOpener } from './oauth/handoff.js';
import { saveOutcome, sessionStore } from './oauth/storage.js';
import { toAuthError } from './oauth/errors.js';
import { emit, errorDetail } from './events.js';

/**
 * The redirect page's half of sign-in: exchanges the code IMS sent back for a token, stores it and fires `token`;
 * then, in a popup, hands the token to the page that opened it and closes; in a full page, goes back to where sign-in
 * started. Needs no attributes: the sign-in transaction carries its settings.
 *
 * @summary Completes Sign in with Adobe on the redirect page.
 * @tagname adobe-auth-redirect
 * @fires {CustomEvent<TokenDetail>} token - Signed in: the same detail as `<adobe-sign-in>`'s. Cancelable:
 * `preventDefault()` stays on the redirect page (no close, no return).
 * @fires {CustomEvent<AuthErrorDetail>} auth-error - Sign-in failed: `{code, message, description?, status?,
 * retryAfter?}`, as `<adobe-sign-in>`'s.
 * @slot working - Shown during the exchange, "Signing you in…" by default, in the page's language.
 * @slot done - Shown once signed in, "Signed in." by default, in the page's language.
 * @slot error - Shown before the error message, "Sign-in failed:" by default, in the page's language.
 * @csspart status - The status line (`role="status"`).
 * @csspart message - The error message, always set as text, never as HTML.
 */
export class AdobeAuthRedirect extends LocalizedElement {
  static override styles = sheet(`
    :host {
      display: block;
    }
    :host([hidden]),
    slot,
    [part='message'] {
      display: none;
    }
    :host([status='working']) [name='working'],
    :host([status='done']) [name='done'],
    :host([status='error']) :is([name='error'], [part='message']) {
      display: inline;
    }
  `);

  static override properties = {
    clientId: { attribute: 'client-id' },
    redirectUri: { attribute: 'redirect-uri' },
    environment: {},
    imsOrigin: { attribute: 'ims-origin' },
    status: { reflect: true },
  };

  /** Optional: refuse (`config_error`) a sign-in started with another client id. */
  declare clientId?: string | null;
  /** Optional: the same for the redirect URI. */
  declare redirectUri?: string | null;
  /** Optional: the same for the IMS environment (`prod` or `stage`). */
  declare environment?: 'prod' | 'stage' | null;
  /** Optional: the same for the IMS origin. */
  declare imsOrigin?: string | null;
  /**
   * `idle` (no sign-in answer in the URL), `working`, `done` or `error`; reflected for styling.
   * @readonly
   */
  declare status: 'idle' | 'working' | 'done' | 'error';

  #message = h('span', { part: 'message' });
  #status = h(
    'div',
    { part: 'status', role: 'status', 'aria-live': 'polite' },
    h('slot', { name: 'working' }, ENGLISH.working),
    h('slot', { name: 'done' }, ENGLISH.done),
    h('slot', { name: 'error' }, ENGLISH.failed),
    ' ',
    this.#message,
  );
  #started = false;

  constructor() {
    super();
    this.status = 'idle';
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    root.append(this.#status);
    return root;
  }

  protected override updated(): void {
    const [working, done, failed] = this.#status.children;
    say(working, this.labels_.working);
    say(done, this.labels_.done);
    say(failed, this.labels_.failed);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Once per element: moving or re-attaching it must not exchange again.
    if (!this.#started) {
      this.#started = true;
      void this.#run();
    }
  }

  async #run(): Promise<void> {
    this.status = 'working';
    let ims: string | null = null;
    try {
      if (this.imsOrigin || this.environment) ims = imsOriginFor(this.environment, this.imsOrigin);
    } catch (e) {
      return this.#report({ error: toAuthError(e) });
    }
    this.#report(await completeRedirect({ clientId: this.clientId, redirectUri: this.redirectUri, ims }));
  }

  #report(r: RedirectResult): void {
    const { state, transaction: tx, token, error } = r;
    if (r.handedOff || (!token && !error)) {
      this.status = r.handedOff ? 'done' : 'idle';
      if (r.handedOff) close();
      return;
    }
    this.status = token ? 'done' : 'error';
    // As text: an IdP's error_description is never parsed as HTML.
    this.#message.textContent = error?.message ?? '';
    const stay = token ? !emit(this, 'token', token, true) : !emit(this, 'auth-error', errorDetail(error!));
    // No sign-in of this origin: perhaps IMS answered here, at a Default Redirect URI of another origin than the
    // opener's. The error (no secret in it) goes to the opener whatever its origin, so its button does not wait.
    if (!tx && state) postToOpener({ type: 'adobe-auth', state, error: errorDetail(error!) }, '*');
    if (!tx || !state) return;
    const outcome = token ? { token } : { error: errorDetail(error!) };
    if (tx.mode == 'popup') {
      // A token goes to the opener by postMessage only. Without an opener (it never took the code) it was stored
      // here, and the popup stays open to say so.
      const handed = postToOpener({ type: 'adobe-auth', state, ...outcome });
      if (!handed && error) postOnChannel({ type: 'adobe-auth', state, error: outcome.error! });
      if (!stay && (handed || error)) close();
      return;
    }
    let back: URL | undefined;
    try {
      back = new URL(tx.returnTo, location.href);
    } catch {
      // not a URL: stay here
    }
    // Only back into this origin: never an open redirector.
    if (stay || back?.origin !== location.origin) return;
    try {
      saveOutcome(sessionStore(), tx.ims, tx.clientId, outcome);
    } catch {
      // the start page will still find a stored token, only without an event
    }
    location.replace(back);
  }
}
