import { AuthError } from './errors.js';

/** What IMS put on the redirect URI: a code, or the IdP's error as an AuthError. */
export type Callback = { state: string; code: string } | { state: string; error: AuthError };

const names = ['code', 'state', 'error', 'error_description'];

/**
 * Reads `?code&state` or `?error&error_description&state` from a redirect URL's query.
 * Returns null when the query holds none of them (the page was opened directly).
 * Malformed input throws instead of guessing: both a code and an error, a repeated parameter, no state.
 */
export const parseCallback = (search: string | URLSearchParams): Callback | null => {
  const q = new URLSearchParams(search);
  if (!names.some((n) => q.has(n))) return null;
  for (const n of names) {
    if (q.getAll(n).length > 1) throw new AuthError('invalid_response', `The sign-in answer repeats "${n}".`);
  }
  const code = q.get('code');
  const error = q.get('error');
  const state = q.get('state');
  if (!state) throw new AuthError('state_mismatch', 'The sign-in answer has no state.');
  if (code && error) throw new AuthError('invalid_response', 'The sign-in answer has both a code and an error.');
  if (error) {
    const description = q.get('error_description') ?? undefined;
    return { state, error: new AuthError(error, description || error, { description }) };
  }
  if (!code) throw new AuthError('invalid_response', 'The sign-in answer has neither a code nor an error.');
  return { state, code };
};
