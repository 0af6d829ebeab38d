import { AuthError } from './errors.js';

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
  /** `{ims}/ims/token/v3`. */
  tokenEndpoint: string;
  clientId: string;
  code: string;
  verifier: string;
  redirectUri: string;
  fetch?: typeof fetch;
  /** Abort after this many milliseconds: `timeout`. Default 30 s. */
  timeoutMs?: number;
  now?: () => number;
}

const retryAfterOf = (res: Response): number | undefined => {
  const h = res.headers.get('retry-after');
  if (!h) return undefined;
  const s = /^\d+$/.test(h) ? +h : (Date.parse(h) - Date.now()) / 1000;
  return Number.isFinite(s) ? Math.max(0, Math.ceil(s)) : undefined;
};

const str = (v: unknown): string | undefined => (typeof v == 'string' && v ? v : undefined);

/**
 * Exchanges an authorization code and its PKCE verifier for an access token.
 * The body is a form and no header is set, so the browser sends a CORS simple request (no preflight).
 * Every failure rejects with an AuthError: the IdP's own `error`, `network_error`, `timeout` or `invalid_response`;
 * an HTTP error keeps its `status` and `retryAfter`.
 */
export const requestToken = async (r: TokenRequest): Promise<Token> => {
  const url = new URL(r.tokenEndpoint);
  url.searchParams.set('client_id', r.clientId);
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
    res = await (r.fetch ?? fetch)(url, { method: 'POST', body, signal: ctl.signal, credentials: 'omit' });
    text = await res.text();
  } catch (e) {
    throw ctl.signal.aborted
      ? new AuthError('timeout', `The token endpoint did not answer within ${ms} ms.`)
      : new AuthError('network_error', `The token endpoint could not be reached: ${(e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  const http = { status: res.status, retryAfter: retryAfterOf(res) };
  let json: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed == 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch {
    // not JSON: handled below
  }
  const error = str(json?.error);
  if (error) {
    const description = str(json?.error_description);
    throw new AuthError(error, description ?? `The token endpoint answered ${error} (HTTP ${res.status}).`, {
      description,
      ...http,
    });
  }
  if (!res.ok || !json) {
    throw new AuthError(
      'invalid_response',
      `The token endpoint answered HTTP ${res.status} with ${json ? 'no error code' : 'no JSON'}` +
        (http.retryAfter != null ? `; retry after ${http.retryAfter} s.` : '.'),
      http,
    );
  }
  const accessToken = str(json.access_token);
  const expiresIn = json.expires_in;
  if (!accessToken || typeof expiresIn != 'number' || !(expiresIn > 0)) {
    throw new AuthError('invalid_response', 'The token endpoint answered without access_token and expires_in.', http);
  }
  return {
    accessToken,
    tokenType: str(json.token_type) ?? 'bearer',
    expiresIn,
    expiresAt: (r.now ?? Date.now)() + expiresIn * 1000,
    scope: str(json.scope),
    idToken: str(json.id_token),
    clientId: r.clientId,
  };
};
