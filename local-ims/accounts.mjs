// Who signs in at the local IMS: one user per server, the built-in test user unless startLocalIms() is given another,
// and how oidc-provider and the login screen find them.

/** The built-in test user; the demo page shows these. */
export const TEST_USER = Object.freeze({
  sub: 'A1B2C3D4E5F6@AdobeID',
  email: 'test.user@example.com',
  email_verified: true,
  password: 'adobe-test',
  name: 'Test User',
  given_name: 'Test',
  family_name: 'User',
  account_type: 'type1',
});

/**
 * A server's user: the test user, with what `user` says instead (`{sub, name, given_name, family_name, email}`); its
 * password stays the test user's.
 */
export function createAccounts(user = {}) {
  const u = { ...TEST_USER, ...user };
  return {
    user: u,
    userBySub: (sub) => (sub === u.sub ? u : undefined),
    /** The user a login form names, when its password is theirs. */
    userByLogin: (email, password) =>
      email?.trim().toLowerCase() === u.email.toLowerCase() && password === u.password ? u : undefined,
    /** oidc-provider's findAccount: the claims userinfo and the id_token pick from (by scope), never the password. */
    findAccount: (_ctx, sub) => {
      if (sub !== u.sub) return undefined;
      const { password: _password, ...claims } = u;
      return { accountId: sub, claims: () => claims };
    },
  };
}
