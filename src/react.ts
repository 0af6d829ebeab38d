'use client';
// React wrappers: <AdobeSignIn onToken={…} onSignOut={…}> and <AdobeAuthRedirect onToken={…}>. They attach listeners themselves,
// so events reach React also where a bare tag's `ontoken` prop does not (Next.js after hydration). Importing this
// module registers the tags; "use client" lets a Next.js server component render the wrappers.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { AdobeSignIn as AdobeSignInElement } from './adobe-sign-in.js';
import { AdobeAuthRedirect as AdobeAuthRedirectElement } from './adobe-auth-redirect.js';
import type { AuthErrorDetail, ProfileDetail, SignOutDetail, TokenDetail, TokenExpiringDetail } from './events.js';
import type { Session } from './session.js';
import { getSession, type SessionOptions } from './sessions.js';
import './define.js';

const token = 'token' as EventName<CustomEvent<TokenDetail>>;
const authError = 'auth-error' as EventName<CustomEvent<AuthErrorDetail>>;

export const AdobeSignIn = createComponent({
  react: React,
  tagName: 'adobe-sign-in',
  elementClass: AdobeSignInElement,
  displayName: 'AdobeSignIn',
  events: {
    onToken: token,
    onAuthError: authError,
    onSignOut: 'sign-out' as EventName<CustomEvent<SignOutDetail>>,
    onTokenExpiring: 'token-expiring' as EventName<CustomEvent<TokenExpiringDetail>>,
    onProfile: 'profile' as EventName<CustomEvent<ProfileDetail>>,
  },
});

export const AdobeAuthRedirect = createComponent({
  react: React,
  tagName: 'adobe-auth-redirect',
  elementClass: AdobeAuthRedirectElement,
  displayName: 'AdobeAuthRedirect',
  events: { onToken: token, onAuthError: authError },
});

/** What a component renders from: signed in or not, the token, who signed in, and the session itself. */
export interface AdobeSessionState {
  signedIn: boolean;
  token: TokenDetail | null;
  profile: ProfileDetail | null;
  /** The session (null while rendering on a server): `signOut()`, `fetch()`. */
  session: Session | null;
}

const SIGNED_OUT: AdobeSessionState = { signedIn: false, token: null, profile: null, session: null };

/** Each session's current state, one object until its token or profile changes: React compares snapshots by identity. */
const snapshots = new WeakMap<Session, AdobeSessionState>();
const snapshotOf = (session: Session | null): AdobeSessionState => {
  if (!session) return SIGNED_OUT;
  let last = snapshots.get(session);
  if (!last || last.token != session.token || last.profile != session.profile) {
    snapshots.set(
      session,
      (last = { signedIn: !!session.token, token: session.token, profile: session.profile, session }),
    );
  }
  return last;
};

/**
 * The session of these settings, as state: a component re-renders when its token or profile changes, and every
 * component sees the same value (React's `useSyncExternalStore`, so StrictMode and concurrent rendering do not
 * tear). On a server, and while hydrating, it is signed out. Throws `config_error` as `getSession()` does.
 */
export const useAdobeSession = (options: SessionOptions): AdobeSessionState => {
  const { clientId, environment, imsOrigin, storage } = options;
  const session = React.useMemo(
    () => (typeof window == 'undefined' ? null : getSession({ clientId, environment, imsOrigin, storage })),
    [clientId, environment, imsOrigin, storage],
  );
  const subscribe = React.useCallback(
    (onChange: () => void) => {
      const types = ['token', 'sign-out', 'profile'];
      for (const t of types) session?.addEventListener(t, onChange);
      return () => types.forEach((t) => session?.removeEventListener(t, onChange));
    },
    [session],
  );
  return React.useSyncExternalStore(
    subscribe,
    () => snapshotOf(session),
    () => SIGNED_OUT,
  );
};

export type { SessionOptions } from './sessions.js';
export type { AuthErrorDetail, ProfileDetail, SignOutDetail, TokenDetail, TokenExpiringDetail } from './events.js';
