import { CALLBACK_PARAMS, checkIssuer, parseCallback } from './callback.js';
import { AuthError, answeredElsewhere, configError, toAuthError } from './errors.js';
import { channelFor, postOnChannel } from './handoff.js';
import { claimState, keepToken, sessionStore, takeTransaction, type Transaction } from './storage.js';
import { requestToken, type Token, type TokenRequest } from './token-request.js';

export interface ExchangeOptions {
  /** The redirect URL to read; the page's own by default, whose `code` and `state` are then removed from the address bar. */
  url?: string;
  /** Where the transaction is; the page's sessionStorage by default. The token goes where the sign-in asked. */
  storage?: Storage;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Settings the transaction must match, as `<adobe-auth-redirect>` attributes pin them. */
  clientId?: string | null;
  redirectUri?: string | null;
  ims?: string | null;
  /** How long to wait for the opener to take a code it exchanges itself. Default 1500 ms. */
  handoffWaitMs?: number;
}

/** What became of a redirect: nothing to do (no `code`/`error` in the URL), a token, or an error. */
export interface RedirectResult {
  state?: string;
  transaction?: Transaction | null;
  token?: Token;
  error?: AuthError;
  /** The code went to the opener, which holds the verifier and exchanges it. */
  handedOff?: boolean;
}

/** Removes the sign-in answer from the address bar, so a reload, a bookmark or a Referer cannot carry it on. */
const stripAddressBar = () => {
  const url = new URL(location.href);
  for (const p of CALLBACK_PARAMS) url.searchParams.delete(p);
  history.replaceState(history.state, '', url);
};

/** Offers a code to the page that opened this one, on the state's channel; resolves true if it took it within `ms`. */
const handOffCode = (state: string, code: string, iss: string | undefined, ms: number): Promise<boolean> =>
  new Promise((resolve) => {
    const ch = channelFor(state);
    const done = (took: boolean) => {
      ch.close();
      clearTimeout(timer);
      resolve(took);
    };
    const timer = setTimeout(done, ms, false);
    ch.onmessage = (e) => (e.data as { ack?: boolean } | null)?.ack && e.data.state === state && done(true);
    postOnChannel({ type: 'adobe-auth', state, code, iss });
  });

/**
 * Exchanges the code of the sign-in `state` names once over all tabs: a duplicated tab holds a copy of the
 * transaction, and a second exchange of one code would fail, and may make IMS revoke the first token. `claimed`: the
 * claim, when the caller started it earlier.
 */
export const exchangeOnce = async (
  state: string,
  tx: Transaction,
  code: string,
  more: Pick<TokenRequest, 'fetch' | 'timeoutMs'> = {},
  claimed = claimState(state + tx.createdAt),
): Promise<Token> => {
  if (!(await claimed)) {
    throw new AuthError('state_mismatch', 'This answer was used in another tab.');
  }
  return requestToken({ ...tx, ...more, code });
};

/** The URL without its query and fragment: where IMS sent the answer. */
const landing = (url: URL) => url.origin + url.pathname;

/**
 * The redirect page's whole job: reads the answer, takes the transaction once, checks who sent it, exchanges the code
 * and stores the token. Never throws: the outcome, including a typed error, is in the result.
 */
export const completeRedirect = async (o: ExchangeOptions = {}): Promise<RedirectResult> => {
  let state: string | undefined;
  let transaction: Transaction | null = null;
  const wait = o.handoffWaitMs ?? 1500;
  try {
    const url = new URL(o.url ?? location.href);
    if (o.url == null && CALLBACK_PARAMS.some((p) => url.searchParams.has(p))) stripAddressBar();
    const cb = parseCallback(url.search);
    if (!cb) return {};
    state = cb.state;
    transaction = takeTransaction(o.storage ?? sessionStore(), state);
    if (!transaction) {
      // A browser that does not copy sessionStorage into popups leaves the verifier with the opener; a forged or
      // replayed state has no taker. No request is made here either way.
      if ('code' in cb && (await handOffCode(state, cb.code, cb.iss, wait))) return { state, handedOff: true };
      throw new AuthError(
        'state_mismatch',
        `No sign-in of ${location.origin} awaits this answer: a stale or forged link, or the credential's Default ` +
          `Redirect URI is on another origin.`,
      );
    }
    const tx = transaction;
    // A popup cut off from its opener (COOP) hands the code to the opener, which claims it. Otherwise the claim starts
    // now, while the answer is checked: the lock it takes is slow to come while a page loads (tens of milliseconds).
    const handsOff = tx.mode == 'popup' && !window.opener;
    const claimed = handsOff ? undefined : claimState(state + tx.createdAt);
    // Awaited below; a failure before that is reported for what it is.
    claimed?.catch(() => {});
    checkIssuer(cb.iss, tx.ims, tx.sendsIss);
    if ('error' in cb) throw cb.error;
    for (const key of ['clientId', 'redirectUri', 'ims'] as const) {
      if (o[key] && o[key] !== tx[key]) throw configError(`The sign-in was started with another ${key}.`);
    }
    // IMS sends an answer for a redirect_uri its credential does not match to the Default Redirect URI instead.
    if (landing(url) != landing(new URL(tx.redirectUri))) throw answeredElsewhere(landing(url), tx.redirectUri);
    // A popup cut off from its opener (COOP) cannot hand a token over safely: the opener exchanges the code.
    if (handsOff && (await handOffCode(state, cb.code, cb.iss, wait))) {
      return { state, transaction, handedOff: true };
    }
    const token = await exchangeOnce(state, tx, cb.code, { fetch: o.fetch, timeoutMs: o.timeoutMs }, claimed);
    // A popup hands the token to its opener, which stores it; elsewhere it is stored here.
    if (tx.mode != 'popup' || !window.opener) keepToken(tx, token);
    return { state, transaction, token };
  } catch (e) {
    return { state, transaction, error: toAuthError(e) };
  }
};

/**
 * The redirect page's exchange as one call, named after the Embed SDK method Adobe's docs have the redirect page call:
 * reads `code`/`state` from the URL, takes the transaction, exchanges the code and stores the token.
 * Resolves with the token; rejects with an AuthError (`state_mismatch` when there is nothing to exchange).
 */
export const exchangeAuthCodeForToken = async (options?: ExchangeOptions): Promise<Token> => {
  const r = await completeRedirect(options);
  if (r.token) return r.token;
  throw (
    r.error ??
    (r.handedOff
      ? new AuthError('missing_verifier', 'No verifier here: the opener exchanges the code.')
      : new AuthError('state_mismatch', 'No sign-in answer in this URL.'))
  );
};
