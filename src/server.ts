// adobe-auth-elements/server: an app's server checks the access token a page sends it. verifyAdobeToken() asks the
// IMS that issued it (POST /ims/validate_token/v1, as Adobe's own libraries do: IMS documents no token format), then
// checks what a server must check itself: that the token was issued to this app's client id (the audience: IMS says
// "valid" for any Adobe app's token), that it is an access token, and that it has not expired. No DOM, no Node API:
// fetch and the language only (Node ≥ 20, Deno, Workers). Never in the CDN file, nor in the package's main entry.
import { AuthError } from './oauth/errors.js';
import { imsOriginFor } from './oauth/ims.js';
import { unverifiedClaims } from './server/decode.js';

export { AuthError, type AuthErrorCode } from './oauth/errors.js';
export { trustImsOrigin } from './oauth/ims.js';

/** Who a verified token is for, as IMS says. */
export interface AdobeTokenClaims {
  /** The user (`user_id`): the same id as the `sub` of their profile. */
  userId: string;
  /** The client id it was issued to: one of `clientId` of the options. */
  clientId: string;
  /** Its scopes (IMS gives them comma-separated). */
  scope: string[];
  /** When IMS issued it (ms since the epoch). */
  createdAt: number;
  /** When it expires (ms since the epoch). */
  expiresAt: number;
  /** `access_token`. */
  type: string;
  /** Every claim IMS gave, as it gave them. */
  raw: Readonly<Record<string, unknown>>;
}

export interface VerifyOptions {
  /** The app's client id (or ids, when several apps' pages call this server): a token issued to any other is refused. */
  clientId: string | readonly string[];
  /** `prod` (default) or `stage`: which of Adobe's IMS. */
  environment?: 'prod' | 'stage';
  /** The IMS's origin, by the rule of the browser: Adobe's, loopback (the local IMS), or one `trustImsOrigin()` allowed. */
  imsOrigin?: string;
  /**
   * How long a passed check is reused for the same token, in ms: at most 60,000 (the default), never past the token's
   * expiry; 0 asks IMS every time. The cost: a token revoked meanwhile passes until then.
   */
  cacheMs?: number;
  /** The fetch to ask IMS with (a proxy's, a test's); the runtime's by default. */
  fetch?: typeof fetch;
}

/** How long IMS may take to answer before the check fails as `network_error`. */
const TIMEOUT_MS = 10_000;
const MAX_CACHE_MS = 60_000;
/** Entries the cache holds at most; the oldest go first. */
const CACHE_SIZE = 10_000;
/** A value longer than this is not an access token (IMS's are about 1,000 characters). */
const MAX_TOKEN = 16_384;

const cache = new Map<string, { claims: AdobeTokenClaims; until: number }>();

const fail = (code: string, message: string, status?: number) => new AuthError(code, message, status ? { status } : {});

const str = (v: unknown) => (typeof v == 'string' ? v : undefined);

/** IMS's claims in the kit's names; IMS writes its times as milliseconds in strings. */
const claimsOf = (raw: Record<string, unknown>): AdobeTokenClaims => {
  const createdAt = Number(raw.created_at);
  return Object.freeze({
    userId: str(raw.user_id) ?? '',
    clientId: str(raw.client_id) ?? '',
    scope: (str(raw.scope) ?? '').split(/[\s,]+/).filter(Boolean),
    createdAt,
    expiresAt: createdAt + Number(raw.expires_in),
    type: str(raw.type) ?? '',
    raw: Object.freeze({ ...raw }),
  });
};

/** Refuses claims that are not an unexpired access token of one of `clients`. */
const check = (c: AdobeTokenClaims, clients: readonly string[], now: number): AdobeTokenClaims => {
  if (c.type != 'access_token') throw fail('invalid_token', `Not an access token: its type is ${c.type || 'missing'}.`);
  if (!clients.includes(c.clientId)) {
    throw fail('wrong_client', `The token was issued to another client id (${c.clientId || 'none'}).`);
  }
  if (!(c.expiresAt > now)) throw fail('expired', 'The token has expired.');
  if (!c.userId) throw fail('invalid_token', 'The token names no user.');
  return c;
};

/**
 * Checks an access token a page sent: resolves with its claims when IMS says it is valid and it was issued to
 * `clientId`, unexpired; rejects with an AuthError whose `code` is `invalid_token` (not valid, revoked, not a token),
 * `wrong_client` (another client id's), `expired`, `network_error` (IMS could not be asked or gave no answer that
 * could be read: never a pass) or `config_error` (options wrong, or an IMS origin the trust rule refuses: nothing
 * sent).
 */
export const verifyAdobeToken = async (token: unknown, options: VerifyOptions): Promise<AdobeTokenClaims> => {
  const { clientId, environment, imsOrigin, cacheMs = MAX_CACHE_MS, fetch: send = fetch } = options ?? {};
  const clients = typeof clientId == 'string' ? [clientId] : Array.isArray(clientId) ? [...clientId] : [];
  if (!clients.length || !clients.every((c) => typeof c == 'string' && c)) {
    throw fail('config_error', 'verifyAdobeToken needs the clientId the tokens must be issued to.');
  }
  const ims = imsOriginFor(environment, imsOrigin);
  if (typeof token != 'string' || !token || token.length > MAX_TOKEN || /\s/.test(token)) {
    throw fail('invalid_token', 'No access token.');
  }
  const now = Date.now();
  const key = `${ims} ${token}`;
  const keep = Math.min(Math.max(0, Number(cacheMs) || 0), MAX_CACHE_MS);
  const hit = keep ? cache.get(key) : undefined;
  if (hit && hit.until > now) return check(hit.claims, clients, now);
  cache.delete(key);

  // What the token says of itself (unverified) can only refuse it, and saves IMS a question.
  const said = unverifiedClaims(token);
  const own = said && claimsOf(said);
  if (own?.clientId && !clients.includes(own.clientId)) check(own, clients, now);
  if (own && own.expiresAt <= now) throw fail('expired', 'The token has expired.');

  const asClient = own && clients.includes(own.clientId) ? own.clientId : clients[0]!;
  let res: Response;
  try {
    res = await send(
      `${ims}/ims/validate_token/v1?${new URLSearchParams({ client_id: asClient, type: 'access_token' })}`,
      {
        method: 'POST',
        headers: { 'X-IMS-ClientId': asClient },
        body: new URLSearchParams({ type: 'access_token', client_id: asClient, token }),
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
    );
  } catch (e) {
    throw fail('network_error', `IMS could not be asked about the token: ${(e as Error).message}`);
  }
  let answer: { valid?: unknown; token?: unknown; reason?: unknown; error?: unknown; error_description?: unknown };
  try {
    answer = await res.json();
  } catch {
    answer = {};
  }
  if (res.status >= 400 && res.status < 500 && res.status != 429 && typeof answer?.error == 'string') {
    throw fail(
      'invalid_token',
      `IMS refused to check the token: ${answer.error}${answer.error_description ? ` (${answer.error_description})` : ''}`,
      res.status,
    );
  }
  if (!res.ok || typeof answer?.valid != 'boolean') {
    throw fail('network_error', `IMS gave no answer about the token (HTTP ${res.status}).`, res.status);
  }
  if (!answer.valid) {
    if (own && own.expiresAt <= Date.now()) throw fail('expired', 'The token has expired.');
    throw fail('invalid_token', `IMS says the token is not valid${answer.reason ? `: ${answer.reason}` : ''}.`);
  }
  // IMS's claims, or (an answer without them) the token's own, which IMS has just vouched for.
  const raw = answer.token && typeof answer.token == 'object' ? (answer.token as Record<string, unknown>) : said;
  if (!raw) throw fail('invalid_token', 'IMS gave no claims to check the client id against.');
  const claims = check(claimsOf(raw), clients, Date.now());
  if (keep) {
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, { claims, until: Math.min(Date.now() + keep, claims.expiresAt) });
  }
  return claims;
};

/** The token of an `Authorization: Bearer …` header, from a Fetch `Request` or Node's `IncomingMessage`; else null. */
export const bearerToken = (request: {
  headers: { get(name: string): string | null } | Record<string, string | string[] | undefined>;
}): string | null => {
  const h = request?.headers;
  const value = typeof h?.get == 'function' ? h.get('authorization') : (h as Record<string, unknown>)?.authorization;
  return (typeof value == 'string' && /^Bearer[ \t]+([^\s,]+)[ \t]*$/i.exec(value)?.[1]) || null;
};
