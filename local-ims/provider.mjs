// The oidc-provider configuration behind the local IMS: IMS's paths under /ims, its scopes and userinfo claims by
// scope, day-long access tokens and no refresh token, public clients that must use PKCE S256 (the registered ones
// and, for tests, any client id with a prefix), and redirect URIs allowed by the client's patterns.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import MemoryAdapter from 'oidc-provider/lib/adapters/memory_adapter.js';
import { errorPage } from './pages.mjs';
import { allowsRedirect, registeredRedirectUris } from './redirect-uris.mjs';

/** A public client as oidc-provider registers it: every redirect URI it is given, and its default, are exact URIs. */
const clientMeta = (c) => {
  const uris = registeredRedirectUris(c);
  return {
    client_id: c.client_id,
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: uris,
    post_logout_redirect_uris: uris,
  };
};

/**
 * @param {object} o
 * @param {string} o.issuer
 * @param {object[]} o.clients see startLocalIms
 * @param {{prefix: string, redirect_uris: string[]}} [o.dynamicClients]
 * @param {(clientId: string) => {patterns: RegExp[], fallback: string} | undefined} o.redirectsFor
 * @param {(clientId: string) => object} o.switchesFor the switches of a client (tokenTtl and revokeGrant act here)
 * @param {(client: object, origin: string) => boolean} o.isClientOrigin whether a page there may read its answers
 * @param {Function} o.findAccount who signs in (accounts.mjs)
 */
/** How long a session's old id still finds it after a finished sign-in has replaced it. */
const SESSION_ID_GRACE_MS = 10_000;

export function createProvider({
  issuer,
  clients,
  dynamicClients,
  redirectsFor,
  switchesFor,
  isClientOrigin,
  findAccount,
}) {
  class Adapter extends MemoryAdapter {
    async find(id) {
      if (this.model === 'Client' && dynamicClients && id.startsWith(dynamicClients.prefix)) {
        return clientMeta({ client_id: id, redirect_uris: dynamicClients.redirect_uris });
      }
      return super.find(id);
    }

    // Finishing a sign-in gives the browser's IMS session a new id, and oidc-provider forgets the old one at once. A
    // second tab whose sign-in finishes at the same moment still sends the old id, and would land on an error page
    // ("interaction session and authentication session mismatch"); on IMS it gets its code. Here the old id is kept
    // for a few seconds. A sign-out still ends the session at once.
    async destroy(id) {
      if (this.model === 'Session' && Provider.ctx?.oidc?.route === 'resume') {
        setTimeout(() => super.destroy(id), SESSION_ID_GRACE_MS).unref();
        return;
      }
      return super.destroy(id);
    }

    // oidc-provider's revocation endpoint destroys the token named, then every token and code of its grant, which
    // would end a sign-in of the same user and client in another tab, or one whose code is still being exchanged.
    // IMS revokes the token named only; the revokeGrant switch brings back the grant-wide revocation.
    async revokeByGrantId(grantId) {
      const ctx = Provider.ctx;
      if (ctx?.oidc.route === 'revocation' && !switchesFor(ctx.oidc.client?.clientId).revokeGrant) return;
      return super.revokeByGrantId(grantId);
    }
  }

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    adapter: Adapter,
    clients: clients.map(clientMeta),
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'local-ims' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    routes: {
      authorization: '/ims/authorize/v2',
      token: '/ims/token/v3',
      userinfo: '/ims/userinfo/v2',
      revocation: '/ims/revoke',
      jwks: '/ims/keys',
    },
    responseTypes: ['code'],
    // Authorize parameters IMS knows beyond OpenID's: the local IMS acts on idp_flow and provider_id.
    extraParams: ['idp_flow', 'provider_id', 'dctx_id', 'locale'],
    scopes: ['openid', 'AdobeID', 'profile', 'email', 'creative_sdk'],
    // IMS's userinfo: names with `profile`, email with `email`; `AdobeID` alone gives no personal data.
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'account_type'],
      email: ['email', 'email_verified'],
    },
    // IMS access tokens last a day; no refresh token for single-page apps.
    ttl: {
      AccessToken: (_ctx, _token, client) => switchesFor(client.clientId).tokenTtl || 24 * 3600,
      Grant: 14 * 24 * 3600,
      AuthorizationCode: 300,
      IdToken: 3600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true, allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId },
      rpInitiatedLogout: { enabled: false },
      userinfo: { enabled: true },
    },
    clientBasedCORS: (_ctx, requestOrigin, client) => isClientOrigin(client, requestOrigin),
    findAccount,
    interactions: { url: (_ctx, interaction) => `/ims/interaction/${interaction.uid}` },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(out);
    },
  });
  provider.proxy = false;
  // A redirect URI is allowed when one of the client's patterns matches it, as in IMS.
  provider.Client.prototype.redirectUriAllowed = function (uri) {
    return allowsRedirect(redirectsFor(this.clientId), uri);
  };
  return provider;
}
