// One sign-in, from the click to the session's new token: the transaction, the popup (or the whole page) to IMS, and
// the redirect page's hand-off back. The session owns it (one at a time; sign-out ends it). No Lit here:
// `<adobe-sign-in>` starts it and shows its progress.
import { checkIssuer } from './oauth/callback.js';
import { AuthError, answeredElsewhere, configError, errorDetail, toAuthError } from './oauth/errors.js';
import { exchangeOnce } from './oauth/exchange.js';
import { listenForHandoff, postOnChannel, type Handoff } from './oauth/handoff.js';
import { authorizeUrl, sendsIss } from './oauth/ims.js';
import { challengeFor, randomString } from './oauth/pkce.js';
import { revokeToken, type Token } from './oauth/token-request.js';
import {
  asToken,
  limits,
  pruneTransactions,
  saveTransaction,
  sessionStore,
  takeTransaction,
  type Transaction,
} from './oauth/storage.js';
import { openPopup, watchClosed } from './popup.js';
import { english, type Language } from './labels.js';
import type { Flow, Session } from './session.js';

/** The settings of a sign-in that `<adobe-sign-in>` takes as they are (it passes itself). */
export interface SignInSettings {
  scope: string;
  /** An IMS locale the page set; else the one of the element's language, once its labels are here. */
  locale?: string | null;
  /** @internal */
  language_: Language | Promise<Language>;
  prompt?: string | null;
  mode: 'popup' | 'redirect';
  popupFallback: 'redirect' | 'none';
}

/** A full-page sign-in that is still here after this long did not leave (a dismissed prompt, a 204): idle again. */
const STAYED_MS = 3000;

/**
 * Follows the sign-in of `state` into `session` until it ends: takes what the redirect page hands over, exchanges a
 * code here when that is what comes, and reports failures to `onError`.
 */
const follow = (
  session: Session,
  state: string,
  popup: Window | null,
  owner: unknown,
  onError: (e: AuthError) => void,
): Flow => {
  const storage = sessionStore();
  const cleanups: (() => void)[] = [];
  let ended = false;
  const busy = (on: boolean) => {
    flow.busy = on;
    session.notify_('busy', on);
  };
  const stopListening = () => {
    for (const c of cleanups.splice(0)) c();
  };
  const finish = () => {
    stopListening();
    session.flows_.delete(flow);
    if (flow.busy) busy(false);
  };
  const fail = (e: unknown) => {
    popup?.close();
    finish();
    onError(toAuthError(e));
  };
  const flow: Flow = {
    owner_: owner,
    busy: false,
    popup,
    end() {
      ended = true;
      popup?.close();
      finish();
    },
  };

  /** What the redirect page sent: a token (by postMessage only), a code to exchange here, or an error. */
  const take = async (msg: Handoff, origin: string) => {
    if ('ack' in msg) return;
    const mine = takeTransaction(storage, state);
    if (!mine) return; // taken already: a message sent twice
    stopListening();
    try {
      if (origin != location.origin) throw answeredElsewhere(origin, mine.redirectUri);
      if ('error' in msg) throw new AuthError(msg.error.code, msg.error.message, msg.error);
      let token: Token | null;
      if ('token' in msg) {
        token = asToken(msg.token, mine.clientId);
        if (!token) throw new AuthError('invalid_response', 'Not a token of this client.');
      } else {
        checkIssuer(msg.iss, mine.ims, mine.sendsIss);
        postOnChannel({ type: 'adobe-auth', state, ack: true });
        busy(true);
        token = await exchangeOnce(state, mine, msg.code);
      }
      // Signed out (or given up) while the code was being exchanged: the user does not want this token.
      if (ended) return revokeToken(mine.ims, token);
      finish();
      session.signedIn_(token);
    } catch (e) {
      if (!ended) fail(e);
    }
  };

  session.flows_.add(flow);
  cleanups.push(listenForHandoff(state, popup, take));
  if (popup) {
    busy(true);
    cleanups.push(
      () => popup.close(),
      // Idle again, but still listening: under COOP a result may come after the popup read closed.
      watchClosed(popup, () => {
        busy(false);
        onError(new AuthError('popup_closed', 'The popup was closed.'));
      }),
    );
  }
  // A popup left open past the transaction's lifetime is closed, and says so; one already closed ends quietly.
  const expire = setTimeout(
    () =>
      popup && !popup.closed
        ? fail(new AuthError('timeout', 'Sign-in took too long: the popup was closed.'))
        : finish(),
    limits.transactionMs,
  );
  cleanups.push(() => clearTimeout(expire));
  return flow;
};

/**
 * Starts a sign-in into `session`. Call it inside the click handler: the popup opens before any `await`. One sign-in
 * at a time per session: while one is under way, another call brings its popup forward and does nothing else. Throws
 * (`storage_unavailable`, `popup_blocked`) before anything opens. `extra`: more authorize parameters
 * (`authorize-params`); `owner`: the element, which hears the errors through `onError`.
 */
export const startSignIn = (
  o: SignInSettings,
  session: Session,
  redirectUri: string,
  extra: URLSearchParams,
  onError: (e: AuthError) => void,
): void => {
  const running = session.busyFlow_();
  if (running) return running.popup?.focus();
  // A sign-in still listened for (after popup_closed, say) gives way to this one.
  session.endFlows_();
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
    scope: o.scope,
    sendsIss: sendsIss(session.ims),
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
  const flow = follow(session, state, popup, o, onError);
  if (!popup) {
    flow.busy = true;
    session.notify_('busy', true);
  }

  // The locale of the language the button speaks: English's while another language's labels are still loading, so
  // a translations file that is slow, or never answers, holds no sign-in back.
  const language = o.language_;
  const locale = o.locale || ('then' in language ? english : language).locale;
  challengeFor(verifier).then(
    (codeChallenge) => {
      if (!session.flows_.has(flow)) return;
      const url = authorizeUrl({
        ...tx,
        scope: o.scope,
        locale,
        // After a sign-out that ended the IMS session, IMS asks for credentials even if it kept its session.
        prompt: o.prompt || (session.relogin_() ? 'login' : null),
        state,
        codeChallenge,
        extra,
      });
      if (popup) {
        if (!popup.closed) popup.location.href = url;
        return;
      }
      // Back from IMS may restore this page from the back-forward cache: idle again, not busy.
      addEventListener('pageshow', flow.end, { once: true });
      const stayed = setTimeout(flow.end, STAYED_MS);
      addEventListener('pagehide', () => clearTimeout(stayed), { once: true });
      location.assign(url);
    },
    () => {
      flow.end();
      onError(configError('PKCE needs WebCrypto: https or localhost.'));
    },
  );
};

/**
 * A page reloaded while its popup was at IMS listens again for the popup sign-ins its sessionStorage still holds for
 * `session`: the popup hands its result to whatever page is now its opener. Not busy (the popup is out of reach);
 * errors go to every element of the session.
 */
export const resumeSignIns = (session: Session): void => {
  let pending: [string, Transaction][] = [];
  try {
    pending = pruneTransactions(sessionStore());
  } catch {
    // storage is unavailable: nothing to resume
  }
  for (const [state, tx] of pending) {
    if (
      tx.mode == 'popup' &&
      tx.clientId == session.clientId &&
      tx.ims == session.ims &&
      tx.storage == session.storage
    ) {
      follow(session, state, null, null, (e) => session.notify_('auth-error', errorDetail(e)));
    }
  }
};
