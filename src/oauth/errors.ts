/** Codes this kit adds to the IdP's own (`access_denied`, `invalid_grant`, `login_required`, …). */
export type AuthErrorCode =
  | 'state_mismatch'
  | 'issuer_mismatch'
  | 'missing_verifier'
  | 'popup_blocked'
  | 'popup_closed'
  | 'network_error'
  | 'timeout'
  | 'invalid_response'
  | 'config_error'
  | 'storage_unavailable'
  // verifyAdobeToken (adobe-auth-elements/server): a token of another client id, or past its expiry.
  | 'wrong_client'
  | 'expired'
  // The IdP's codes pass through unchanged; `string & {}` keeps editor completion for the ones above.
  | (string & {});

/** Extra facts about a failed HTTP exchange. */
export interface AuthErrorInit {
  description?: string;
  /** HTTP status of the token endpoint's answer, when there was one. */
  status?: number;
  /** Seconds to wait before trying again, from the `Retry-After` header or the body's `retryAfter`. */
  retryAfter?: number;
}

/** The one error type of this kit: every failure has a `code` a program can switch on. */
export class AuthError extends Error {
  override name = 'AuthError';
  // Set by the constructor's Object.assign: declared, so that no field initializer runs first.
  declare readonly code: AuthErrorCode;
  declare readonly description?: string;
  declare readonly status?: number;
  declare readonly retryAfter?: number;

  constructor(code: AuthErrorCode, message: string, init: AuthErrorInit = {}) {
    super(message);
    Object.assign(this, { code, ...init });
  }
}

/** What an error looks like to a page: the `auth-error` event's detail, and what the redirect page passes on. */
export interface AuthErrorDetail {
  code: AuthErrorCode;
  message: string;
  /** The IdP's own `error_description`, when it gave one. */
  description?: string;
  /** The token endpoint's HTTP status, when it answered with an error (429, 503, …). */
  status?: number;
  /** Seconds to wait before signing in again, when the token endpoint said (a 429's `Retry-After`). */
  retryAfter?: number;
}

/** A page's or app's settings are wrong: `config_error`, saying what to fix. */
export const configError = (message: string): AuthError => new AuthError('config_error', message);

/** Anything thrown, as an AuthError: one that is not becomes `invalid_response` with its text. */
export const toAuthError = (e: unknown): AuthError =>
  e instanceof AuthError ? e : new AuthError('invalid_response', String(e));

/**
 * IMS sends an answer for a `redirect_uri` its credential's patterns do not match to the Default Redirect URI: this
 * says where it went, and what to fix.
 */
export const answeredElsewhere = (at: string, redirectUri: string): AuthError =>
  configError(
    `IMS answered at ${at}, not at redirect-uri ${redirectUri}: add it to the credential's Redirect URI Patterns.`,
  );

/** The auth-error detail of an error (an AuthError among them): its own fields, those that are set, nothing else. */
export const errorDetail = ({ code, message, description, status, retryAfter }: AuthErrorDetail): AuthErrorDetail =>
  JSON.parse(JSON.stringify({ code, message, description, status, retryAfter }));
