'use client';
// React wrappers: <AdobeSignIn onToken={…} onSignOut={…}> and <AdobeAuthRedirect onToken={…}>. They attach listeners themselves,
// so events reach React also where a bare tag's `ontoken` prop does not (Next.js after hydration). Importing this
// module registers the tags; "use client" lets a Next.js server component render the wrappers.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { AdobeSignIn as AdobeSignInElement } from './adobe-sign-in.js';
import { AdobeAuthRedirect as AdobeAuthRedirectElement } from './adobe-auth-redirect.js';
import type { AuthErrorDetail, SignOutDetail, TokenDetail, TokenExpiringDetail } from './events.js';
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
  },
});

export const AdobeAuthRedirect = createComponent({
  react: React,
  tagName: 'adobe-auth-redirect',
  elementClass: AdobeAuthRedirectElement,
  displayName: 'AdobeAuthRedirect',
  events: { onToken: token, onAuthError: authError },
});

export type { AuthErrorDetail, SignOutDetail, TokenDetail, TokenExpiringDetail } from './events.js';
