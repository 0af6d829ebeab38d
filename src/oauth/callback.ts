import { AuthError } from './errors.js';
import { sendsIss } from './ims.js';

/** What IMS put on the redirect URI: a code, or the IdP's error as an AuthError; `iss` when it said who it is. */
export type Callback = { state: string; iss?: string } & ({ code: string } | { error: AuthError });

/** The parameters of a sign-in answer. */
export const CALLBACK_PARAMS = ['code', 'state', 'error', 'error_description', 'iss'];

/**
 * Reads `?code&state` or `?error&error_description&state` (and RFC 9207's `iss`) from a redirect URL's query.
 * Returns null when the query holds none of them (the page was opened directly).
 * Malformed input throws instead of guessing: both a code and an error, a repeated parameter, a code with no state;
 * an error with no state throws the IdP's own error.
 */
export const parseCallback = (search: string | URLSearchParams): Callback | null => {
  const q = new URLSearchParams(search);
  if (!CALLBACK_PARAMS.some((n) => q.has(n))) return null;
  const [code, state, error, description, iss] = CALLBACK_PARAMS.map((n) => q.get(n) ?? undefined);
  if (CALLBACK_PARAMS.some((n) => q.getAll(n).length > 1) || !code == !error) {
    throw new AuthError('invalid_response', `Not a sign-in answer (one code or one error, each once): ${q}`);
  }
  if (!state) {
    // An IdP's error with no state is still its error to report; it is tied to no sign-in, and nothing is exchanged.
    if (error) {
      throw new AuthError(
        error,
        `IMS answered ${error}: ${description || error} (with no state: not tied to a sign-in of this page).`,
        {
          description,
        },
      );
    }
    throw new AuthError('state_mismatch', 'The answer has no state.');
  }
  return error
    ? { state, iss, error: new AuthError(error, description || error, { description }) }
    : { state, iss, code: code! };
};

/**
 * RFC 9207: the answer must come from the IMS the sign-in went to. `iss` names it (its origin, or that origin's
 * `/ims`, as IMS-shaped OpenID providers put it); an answer without `iss` passes only from an IMS not known to send it.
 * `mustSend`: what the sign-in recorded, as the page that started it knew (its `trustImsOrigin()` calls).
 */
export const checkIssuer = (iss: string | undefined, ims: string, mustSend = sendsIss(ims)): void => {
  if (iss == null ? mustSend : iss.replace(/(\/ims)?\/?$/, '') != ims) {
    throw new AuthError('issuer_mismatch', `The sign-in answer's iss is ${iss}, not ${ims}.`);
  }
};
