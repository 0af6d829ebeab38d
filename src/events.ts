import type { Token } from './oauth/token-request.js';
import type { AuthErrorDetail } from './oauth/errors.js';
import type { SignOutReason } from './session.js';

/** Detail of the `auth-error` event. */
export type { AuthErrorDetail };

/** Detail of the `token` event: the access token and what IMS said about it. */
export type TokenDetail = Token;

/** Detail of the `sign-out` event. */
export interface SignOutDetail {
  clientId: string;
  /** `user`: this element's button or `signOut()`; `elsewhere`: another element or tab; `expired`. */
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
  }
}

/** Fires a bubbling, composed CustomEvent; returns false when a listener cancelled a cancelable one. */
export const emit = <K extends 'token' | 'auth-error' | 'sign-out' | 'token-expiring'>(
  target: EventTarget,
  name: K,
  detail: GlobalEventHandlersEventMap[K]['detail'],
  cancelable = false,
): boolean => target.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, cancelable, detail }));

/** The auth-error detail of an error (an AuthError among them), without its other fields. */
export const errorDetail = (e: AuthErrorDetail): AuthErrorDetail => ({
  code: e.code,
  message: e.message,
  ...(e.description ? { description: e.description } : {}),
});
