import type { Token } from './oauth/token-request.js';
import type { AuthErrorDetail } from './oauth/errors.js';
import type { SignOutReason } from './session.js';
import type { Profile } from './oauth/userinfo.js';

/** Detail of the `auth-error` event. */
export type { AuthErrorDetail };

/** Detail of the `token` event: the access token and what IMS said about it. */
export type TokenDetail = Token;

/** Detail of the `profile` event: who signed in, as IMS's userinfo claims. */
export type ProfileDetail = Profile;

/** Detail of the `sign-out` event. */
export interface SignOutDetail {
  clientId: string;
  /**
   * `user`: this element's button or `signOut()`; `elsewhere`: another element or tab; `expired`; `rejected`: an API
   * answered 401 for the token.
   */
  reason: SignOutReason;
}

/** Detail of the `token-expiring` event. */
export interface TokenExpiringDetail {
  clientId: string;
  /** When the token expires, in epoch milliseconds. */
  expiresAt: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    token: CustomEvent<TokenDetail>;
    'auth-error': CustomEvent<AuthErrorDetail>;
    'sign-out': CustomEvent<SignOutDetail>;
    'token-expiring': CustomEvent<TokenExpiringDetail>;
    profile: CustomEvent<ProfileDetail>;
  }
}

/** Fires a bubbling, composed CustomEvent; returns false when a listener cancelled a cancelable one. */
export const emit = <K extends 'token' | 'auth-error' | 'sign-out' | 'token-expiring' | 'profile'>(
  target: EventTarget,
  name: K,
  detail: GlobalEventHandlersEventMap[K]['detail'],
  cancelable = false,
): boolean => target.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, cancelable, detail }));

export { errorDetail } from './oauth/errors.js';
