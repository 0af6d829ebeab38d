import { imsUrl } from './ims.js';
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

/** The most of userinfo's answer kept: claims beyond this (a name of a megabyte) are not a profile to show or store. */
const LONGEST_PROFILE = 16384;

/**
 * `value` as who holds `token`, frozen: claims with a `sub`, the user its id token names when it has one; else null.
 * A profile from storage, from another tab or from IMS passes here.
 */
export const profileOf = (value: unknown, token: Token): Profile | null => {
  const p = value as Profile | null;
  const sub = subOf(token.idToken);
  return p && typeof p.sub == 'string' && (!sub || sub === p.sub) ? Object.freeze(p) : null;
};

/**
 * Asks `{ims}/ims/userinfo/v2` who holds `token`. Null for anything but claims of the user the id token names: an
 * error, HTML, garbage, another `sub`, an answer too long to be a profile. Never throws: who signed in is extra, the
 * sign-in stands without it.
 */
export const fetchProfile = async (ims: string, token: Token): Promise<Profile | null> => {
  try {
    const res = await fetch(imsUrl(ims, 'userinfo/v2', token.clientId), {
      headers: { authorization: `Bearer ${token.accessToken}` },
      credentials: 'omit',
    });
    const text = await res.text();
    return res.ok && text.length <= LONGEST_PROFILE ? profileOf(JSON.parse(text), token) : null;
  } catch {
    return null;
  }
};
