// No side effects: importing this registers no tag (import `adobe-auth-elements/define` for that).
export { AdobeSignIn } from './adobe-sign-in.js';
export { AdobeAuthRedirect } from './adobe-auth-redirect.js';
export { exchangeAuthCodeForToken, type ExchangeOptions } from './oauth/exchange.js';
export { trustImsOrigin } from './oauth/ims.js';
export { trustApiOrigin } from './oauth/api.js';
export { getSession, type SessionOptions } from './sessions.js';
export type { Session } from './session.js';
export type { Profile } from './oauth/userinfo.js';
export { AuthError, type AuthErrorCode } from './oauth/errors.js';
export type { Token } from './oauth/token-request.js';
export type { TokenDetail, AuthErrorDetail, SignOutDetail, TokenExpiringDetail, ProfileDetail } from './events.js';
export type { SignOutReason } from './session.js';
export type { StorageKind } from './oauth/storage.js';
export * as oauth from './oauth/index.js';
