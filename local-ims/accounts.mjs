// The local IMS's one user, and how oidc-provider and the login screen find it.

/** The built-in test user; the demo page shows these. */
export const TEST_USER = {
  sub: 'A1B2C3D4E5F6@AdobeID',
  email: 'test.user@example.com',
  email_verified: true,
  password: 'adobe-test',
  name: 'Test User',
  given_name: 'Test',
  family_name: 'User',
  account_type: 'type1',
};

const users = new Map([[TEST_USER.sub, TEST_USER]]);

export const userBySub = (sub) => users.get(sub);

/** The user a login form names, when its password is theirs. */
export const userByLogin = (email, password) => {
  const u = [...users.values()].find((x) => x.email === email?.trim().toLowerCase());
  return u && u.password === password ? u : undefined;
};

/** oidc-provider's findAccount: the claims userinfo and the id_token pick from (by scope), never the password. */
export const findAccount = (_ctx, sub) => {
  const u = users.get(sub);
  if (!u) return undefined;
  const { password: _password, ...claims } = u;
  return { accountId: sub, claims: () => claims };
};
