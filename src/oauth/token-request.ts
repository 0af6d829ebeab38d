import { AuthError } from './errors.js';
import { imsUrl } from './ims.js';

/** An access token as the `token` event carries it. */
export interface Token {
  accessToken: string;
  tokenType: string;
  /** Lifetime in seconds, as IMS sent it. */
  expiresIn: number;
  /** When it expires, in epoch milliseconds. */
  expiresAt: number;
  scope?: string;
  idToken?: string;
  clientId: string;
}

export interface TokenRequest {
  /** The IMS that issued the code: the request goes to its `/ims/token/v3`. */
  ims: string;
  clientId: string;
  code: string;
  verifier: string;
  redirectUri: string;
  /** The scope asked for: the token's scope when IMS names none (RFC 6749 5.1: then it granted just that). */
  scope?: string;
  fetch?: typeof fetch;
  /** Abort after this many milliseconds: `timeout`. Default 30 s. */
  timeoutMs?: number;
  now?: () => number;
}

const str = (v: unknown): string | undefined => (typeof v == 'string' && v ? v : undefined);

/** Seconds, from a `Retry-After` header or, as imslib reads it, a JSON `retryAfter` field (IMS sends seconds). */
const retryAfterOf = (header: string | null, body: unknown): number | undefined => {
  const v = header ?? body;
  return /^\s*\d+\s*$/.test(v as string) ? +(v as string) : undefined;
};

/**
 * Reads the token endpoint's answer: a token, or an AuthError (the IdP's own `error`, else `invalid_response`) that
 * keeps the HTTP status and the wait a 429 asks for. Never throws anything but an AuthError.
 */
export const tokenFromResponse = (
  status: number,
  retryAfterHeader: string | null,
  text: string,
  clientId: string,
  now: number,
  asked?: string,
): Token => {
  let json: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed == 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch {
    // not JSON: handled below
  }
  const http = { status, retryAfter: retryAfterOf(retryAfterHeader, json?.retryAfter) };
  const error = str(json?.error);
  if (error) {
    const description = str(json?.error_description);
    throw new AuthError(error, description ?? `The token endpoint answered ${error} (HTTP ${status}).`, {
      description,
      ...http,
    });
  }
  const accessToken = str(json?.access_token);
  // IMS may send expires_in as a numeric string; imslib accepts that too. Beyond 2^31 s (68 years) it is not a
  // lifetime but garbage, and would make expiresAt infinite.
  const e = json?.expires_in;
  const expiresIn = typeof e == 'number' || typeof e == 'string' ? +e : NaN;
  if (status < 200 || status > 299 || !accessToken || !(expiresIn > 0 && expiresIn < 2 ** 31)) {
    throw new AuthError('invalid_response', `The token endpoint answered HTTP ${status}, no token.`, http);
  }
  return Object.freeze({
    accessToken,
    tokenType: str(json!.token_type) ?? 'bearer',
    expiresIn,
    expiresAt: now + expiresIn * 1000,
    scope: str(json!.scope) ?? asked,
    idToken: str(json!.id_token),
    clientId,
  });
};

/**
 * Exchanges an authorization code and its PKCE verifier for an access token at `{ims}/ims/token/v3`.
 * The body is a form and no header is set, so the browser sends a CORS simple request (no preflight).
 * Every failure rejects with an AuthError: the IdP's own `error`, `network_error`, `timeout` or `invalid_response`.
 */
export const requestToken = async (r: TokenRequest): Promise<Token> => {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: r.code,
    code_verifier: r.verifier,
    client_id: r.clientId,
    redirect_uri: r.redirectUri,
  });
  const ctl = new AbortController();
  const ms = r.timeoutMs ?? 30000;
  const timer = setTimeout(() => ctl.abort(), ms);
  let res: Response;
  let text: string;
  try {
    res = await (r.fetch ?? fetch)(imsUrl(r.ims, 'token/v3', r.clientId), {
      method: 'POST',
      body,
      signal: ctl.signal,
      credentials: 'omit',
    });
    text = await res.text();
  } catch (e) {
    throw ctl.signal.aborted
      ? new AuthError('timeout', `No answer from the token endpoint in ${ms} ms.`)
      : new AuthError('network_error', `Token endpoint unreachable: ${(e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  return tokenFromResponse(
    res.status,
    res.headers.get('retry-after'),
    text,
    r.clientId,
    (r.now ?? Date.now)(),
    r.scope,
  );
};

/**
 * Tells the IMS that issued `token` to forget it: `/ims/revoke`, and with `endSession` also `/ims/logout/v1`, which
 * ends the user's IMS session. Form posts, no credentials: CORS simple requests, sent with `keepalive` so they finish
 * if the page goes away, and without it when the browser refuses that. Failures are ignored: the token is forgotten
 * here all the same.
 */
/** Whether the page is being left: from its pagehide to a pageshow that brings it back from the back-forward cache. */
let leaving = false;
const left = (e: Event) => (leaving = e.type == 'pagehide');

export const revokeToken = (ims: string, token: Token, endSession = false): void => {
  addEventListener('pagehide', left);
  addEventListener('pageshow', left);
  const post = (path: string, body: Record<string, string>) => {
    const send = (keepalive: boolean) =>
      fetch(imsUrl(ims, path, token.clientId), {
        method: 'POST',
        body: new URLSearchParams({ client_id: token.clientId, ...body }),
        keepalive,
        credentials: 'omit',
      });
    // keepalive lets it finish if the page goes away; a browser refuses it when the page's own beacons and keepalive
    // requests hold their 64 KiB in flight: then it goes as a plain request, while the page lives. One that fails as
    // the page is left or its window closes was cut off with it, after it went: not sent again.
    return send(true)
      .catch((): unknown => !leaving && !closed && send(false))
      .catch(() => {});
  };
  let sent = false;
  const revoke = () => {
    if (sent) return;
    sent = true;
    removeEventListener('pagehide', revoke);
    void post('revoke', { token: token.accessToken });
  };
  if (!endSession) return revoke();
  // Logout first, as it needs a live token; the revoke follows its answer, or a second, or the page going away,
  // whichever comes first: a logout that hangs, or a page that leaves at once, still revokes.
  addEventListener('pagehide', revoke);
  setTimeout(revoke, 1000);
  void post('logout/v1', { access_token: token.accessToken }).then(revoke);
};
