import type { Token } from './token-request.js';

/** Who signed in: IMS's userinfo claims, as it sends them (names with `profile`, the email with `email`). */
export interface Profile {
  sub: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  email_verified?: boolean;
  account_type?: string;
  [claim: string]: unknown;
}

/** Whether a scope (comma- or space-separated, as IMS takes it) asks for userinfo claims worth showing. */
export const wantsProfile = (scope = ''): boolean => /(^|[\s,])(profile|email)([\s,]|$)/.test(scope);

/** The `sub` an id token names, or undefined when there is no readable one. */
const subOf = (idToken?: string): string | undefined => {
  try {
    return JSON.parse(atob(idToken!.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub;
  } catch {
    return undefined;
  }
};

/**
 * Asks `{ims}/ims/userinfo/v2` who holds `token`. Null for anything but claims of the user the id token names: an
 * error, HTML, garbage, another `sub`. Never throws: who signed in is extra, the sign-in stands without it.
 */
export const fetchProfile = async (ims: string, token: Token): Promise<Profile | null> => {
  try {
    const res = await fetch(`${ims}/ims/userinfo/v2?client_id=${encodeURIComponent(token.clientId)}`, {
      headers: { authorization: `Bearer ${token.accessToken}` },
      credentials: 'omit',
    });
    const claims = (await res.json()) as Profile;
    const sub = subOf(token.idToken);
    return res.ok && typeof claims?.sub == 'string' && (!sub || sub === claims.sub) ? claims : null;
  } catch {
    return null;
  }
};
