// One sign-in, from the click to the session's new token: the transaction, the popup (or the whole page) to IMS, and
// the redirect page's hand-off back. No Lit here: `<adobe-sign-in>` starts it and shows its progress.
import { checkIssuer } from './oauth/callback.js';
import { AuthError, toAuthError } from './oauth/errors.js';
import { listenForHandoff, postOnChannel, type Handoff } from './oauth/handoff.js';
import { authorizeUrl } from './oauth/ims.js';
import { challengeFor, randomString } from './oauth/pkce.js';
import { requestToken } from './oauth/token-request.js';
import {
  TRANSACTION_TTL_MS,
  saveTransaction,
  sessionStore,
  takeTransaction,
  type Transaction,
} from './oauth/storage.js';
import { openPopup, watchClosed } from './popup.js';
import type { Session } from './session.js';

/** The settings of a sign-in that `<adobe-sign-in>` takes as they are (it passes itself). */
export interface SignInSettings {
  scope: string;
  locale?: string | null;
  prompt?: string | null;
  mode: 'popup' | 'redirect';
  popupFallback: 'redirect' | 'none';
}

export interface FlowEvents {
  /** A sign-in is under way (a popup open, a page leaving), or no longer. */
  busy(on: boolean): void;
  error(e: AuthError): void;
}

/** A full-page sign-in that is still here after this long did not leave (a dismissed prompt, a 204): idle again. */
const STAYED_MS = 3000;

/**
 * Starts a sign-in into `session`. Call it inside the click handler: the popup opens before any `await`. Throws
 * (`storage_unavailable`, `popup_blocked`) before anything opens. Returns a function that stops it and closes its
 * popup. `extra`: more authorize parameters (`authorize-params`).
 */
export const startSignIn = (
  o: SignInSettings,
  session: Session,
  redirectUri: string,
  extra: URLSearchParams,
  on: FlowEvents,
): (() => void) => {
  const storage = sessionStore();
  const state = randomString(16);
  const verifier = randomString();
  const tx: Transaction = {
    verifier,
    clientId: session.clientId,
    redirectUri,
    ims: session.ims,
    returnTo: location.href,
    // Anything but `redirect` is a popup, as before.
    mode: o.mode == 'redirect' ? 'redirect' : 'popup',
    storage: session.storage,
    createdAt: Date.now(),
  };
  // Saved before window.open: a popup gets a copy of sessionStorage as it is when opened.
  saveTransaction(storage, state, tx);
  const popup = tx.mode == 'popup' ? openPopup() : null;
  if (tx.mode == 'popup' && !popup) {
    if (o.popupFallback == 'none') {
      takeTransaction(storage, state);
      throw new AuthError('popup_blocked', 'The browser blocked the popup.');
    }
    saveTransaction(storage, state, { ...tx, mode: 'redirect' });
  }

  let done = false;
  const cleanups: (() => void)[] = [];
  const stop = () => {
    done = true;
    for (const c of cleanups.splice(0)) c();
    on.busy(false);
  };
  const fail = (e: unknown) => {
    popup?.close();
    stop();
    on.error(toAuthError(e));
  };

  /** What the redirect page sent: a token (by postMessage only), a code to exchange here, or an error. */
  const take = async (msg: Handoff) => {
    if ('ack' in msg) return;
    const mine = takeTransaction(storage, state);
    if (!mine) return; // taken already: a message sent twice
    stop();
    try {
      if ('error' in msg) throw new AuthError(msg.error.code, msg.error.message, msg.error);
      if ('token' in msg) {
        if (msg.token?.clientId !== mine.clientId)
          throw new AuthError('invalid_response', 'A token for another client.');
        return session.signedIn(msg.token);
      }
      checkIssuer(msg.iss, mine.ims);
      postOnChannel({ type: 'adobe-auth', state, ack: true });
      on.busy(true);
      const token = await requestToken({ ...mine, code: msg.code });
      on.busy(false);
      session.signedIn(token);
    } catch (e) {
      fail(e);
    }
  };

  on.busy(true);
  if (popup) {
    cleanups.push(
      () => popup.close(),
      listenForHandoff(state, popup, take),
      // Idle again, but still listening: under COOP a result may come after the popup read closed.
      watchClosed(popup, () => {
        on.busy(false);
        on.error(new AuthError('popup_closed', 'The popup was closed.'));
      }),
    );
    const expire = setTimeout(stop, TRANSACTION_TTL_MS);
    cleanups.push(() => clearTimeout(expire));
  }
  challengeFor(verifier).then(
    (codeChallenge) => {
      if (done) return;
      const url = authorizeUrl({
        ...tx,
        scope: o.scope,
        locale: o.locale,
        prompt: o.prompt,
        state,
        codeChallenge,
        extra,
      });
      if (popup) {
        if (!popup.closed) popup.location.href = url;
        return;
      }
      // Back from IMS may restore this page from the back-forward cache: idle again, not busy.
      addEventListener('pageshow', stop, { once: true });
      const stayed = setTimeout(stop, STAYED_MS);
      addEventListener('pagehide', () => clearTimeout(stayed), { once: true });
      location.assign(url);
    },
    () => fail(new AuthError('config_error', 'PKCE needs WebCrypto: https or localhost.')),
  );
  return () => {
    popup?.close();
    stop();
  };
};
