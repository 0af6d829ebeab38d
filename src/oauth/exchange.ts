import { parseCallback } from './callback.js';
import { AuthError, toAuthError } from './errors.js';
import { channelFor, sendHandoff } from './handoff.js';
import { saveToken, sessionStore, takeTransaction, type Transaction } from './storage.js';
import { requestToken, type Token } from './token-request.js';

export interface ExchangeOptions {
  /** The redirect URL to read; the page's own by default, whose `code` and `state` are then removed from the address bar. */
  url?: string;
  /** Where the transaction is and the token goes; the page's sessionStorage by default. */
  storage?: Storage;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Settings the transaction must match, as `<adobe-auth-redirect>` attributes pin them. */
  clientId?: string | null;
  redirectUri?: string | null;
  tokenEndpoint?: string | null;
  /** How long to wait for an opener to take a code the page has no verifier for. Default 1500 ms. */
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

const CALLBACK_PARAMS = ['code', 'state', 'error', 'error_description', 'iss'];

/** Removes the sign-in answer from the address bar, so a reload or a bookmark cannot replay it. */
const stripAddressBar = () => {
  const url = new URL(location.href);
  for (const p of CALLBACK_PARAMS) url.searchParams.delete(p);
  history.replaceState(history.state, '', url);
};

/** Offers a code to the page that opened this one and resolves true if it took it within `ms`. */
const handOffCode = (state: string, code: string, ms: number): Promise<boolean> =>
  new Promise((resolve) => {
    const ch = channelFor(state);
    const done = (took: boolean) => {
      ch.close();
      clearTimeout(timer);
      resolve(took);
    };
    const timer = setTimeout(done, ms, false);
    ch.onmessage = (e) => (e.data as { ack?: boolean } | null)?.ack && e.data.state === state && done(true);
    sendHandoff({ type: 'adobe-auth', state, code });
  });

/**
 * The redirect page's whole job: reads the answer, takes the transaction once, exchanges the code and stores the token.
 * Never throws: the outcome, including a typed error, is in the result.
 */
export const completeRedirect = async (o: ExchangeOptions = {}): Promise<RedirectResult> => {
  let state: string | undefined;
  let transaction: Transaction | null = null;
  try {
    const url = new URL(o.url ?? location.href);
    if (o.url == null && CALLBACK_PARAMS.some((p) => url.searchParams.has(p))) stripAddressBar();
    const cb = parseCallback(url.search);
    if (!cb) return {};
    state = cb.state;
    const storage = o.storage ?? sessionStore();
    transaction = takeTransaction(storage, state);
    if (!transaction) {
      // A browser that does not copy sessionStorage into popups leaves the verifier with the opener; a forged or
      // replayed state has no taker. No request is made here either way.
      if ('code' in cb && (await handOffCode(state, cb.code, o.handoffWaitMs ?? 1500)))
        return { state, handedOff: true };
      throw new AuthError('state_mismatch', 'This sign-in answer does not belong to a sign-in started here.');
    }
    if ('error' in cb) throw cb.error;
    for (const [key, pinned] of [
      ['clientId', o.clientId],
      ['redirectUri', o.redirectUri],
      ['tokenEndpoint', o.tokenEndpoint],
    ] as const) {
      if (pinned && pinned !== transaction[key]) {
        throw new AuthError('config_error', `The sign-in was started with another ${key} than this page's.`);
      }
    }
    const token = await requestToken({ ...transaction, code: cb.code, fetch: o.fetch, timeoutMs: o.timeoutMs });
    saveToken(storage, token);
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
      ? new AuthError('missing_verifier', 'This page has no verifier: the page that opened sign-in exchanges the code.')
      : new AuthError('state_mismatch', 'There is no sign-in answer in this URL.'))
  );
};
