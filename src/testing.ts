// adobe-auth-elements/testing: an app's unit tests render it signed in, without IMS. signInForTest() puts the real
// session of those settings into the signed-in state with a made-up token (no request, no WebCrypto: jsdom and
// happy-dom run it as a browser does); every element and getSession() of the settings shows it, and `token` (and
// `profile`) fire as for a real sign-in. Never in the CDN file, nor in the package's main entry.
import { getSession, type SessionOptions } from './sessions.js';
import { saveAt } from './oauth/storage.js';
import type { Token } from './oauth/token-request.js';
import type { Profile } from './oauth/userinfo.js';

/** The session to sign in (as `getSession()` names it), and what to sign it in with. */
export interface TestSignInOptions extends SessionOptions {
  /** Parts of the made-up token to set: `scope`, `expiresIn`, `accessToken`… (a day-long token by default). */
  token?: Partial<Omit<Token, 'clientId'>>;
  /** Who signed in: the claims `profile` carries (`sub` is made up when missing). */
  profile?: Partial<Profile>;
}

/**
 * Signs the session of these settings in with a made-up token, as if a user had just signed in; returns the token.
 * Its `session.fetch()` sends that token. Nothing is sent to any IMS, now or at sign-out (use signOutForTest()).
 */
export const signInForTest = ({ token: given = {}, profile, ...options }: TestSignInOptions): Token => {
  const session = getSession(options);
  const expiresIn = given.expiresIn ?? 86399;
  const token: Token = Object.freeze({
    accessToken: `test-${Math.random().toString(36).slice(2)}`,
    tokenType: 'bearer',
    expiresIn,
    expiresAt: Date.now() + expiresIn * 1000,
    scope: 'AdobeID,openid',
    ...given,
    clientId: session.clientId,
  });
  // Stored, and taken as another tab's sign-in is: the same events, and IMS asked nothing.
  const who = profile && { sub: 'test-user@AdobeID', ...profile };
  saveAt(session, token, who as Profile | undefined);
  session.sync_(JSON.stringify({ ...token, profile: who }));
  return session.token!;
};

/** Signs the session of these settings out, with reason `user`, telling no IMS. */
export const signOutForTest = (options: SessionOptions): void => getSession(options).forget_();
