// Registers <adobe-sign-in> and <adobe-auth-redirect>, skipping a tag this page already has.
import { AdobeSignIn } from './adobe-sign-in.js';
import { AdobeAuthRedirect } from './adobe-auth-redirect.js';

for (const [tag, el] of [
  ['adobe-sign-in', AdobeSignIn],
  ['adobe-auth-redirect', AdobeAuthRedirect],
] as const) {
  if (!customElements.get(tag)) customElements.define(tag, el);
}

declare global {
  interface HTMLElementTagNameMap {
    'adobe-sign-in': AdobeSignIn;
    'adobe-auth-redirect': AdobeAuthRedirect;
  }
}

// The event map (`document.addEventListener('token', (e) => e.detail.accessToken)`) comes with these types.
export type { TokenDetail, AuthErrorDetail, SignOutDetail, TokenExpiringDetail, ProfileDetail } from './events.js';
export type { AdobeSignIn, AdobeAuthRedirect };
