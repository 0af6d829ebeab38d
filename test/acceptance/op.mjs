// An OpenID Provider configured unlike the local IMS, for the acceptance test: oidc-provider's own development screens
// (any login, a consent page, "[ Cancel ]"), space-separated OpenID scopes only (no AdobeID), one-hour tokens, one
// fixed public client, and nothing but the IMS-shaped routes. It shares no code with local-ims/ but the module that
// keeps oidc-provider's warning about Node 20 out of the test output.
import '../../local-ims/quiet-runtime-warning.mjs';
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

/**
 * @param {{port: number, origin?: string, clientId: string, redirectUris: string[]}} o `origin`: where browsers
 *   reach it, when that is not the port it listens on
 * @returns {Promise<{origin: string, coop: boolean, tokenRequests: number, close(): Promise<void>}>}
 *   set `coop` to send `Cross-Origin-Opener-Policy: same-origin` on every page
 */
export async function startOp({ port, origin = `http://127.0.0.1:${port}`, clientId, redirectUris }) {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const provider = new Provider(`${origin}/ims`, {
    clients: [
      {
        client_id: clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'ES256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    routes: {
      authorization: '/authorize/v2',
      token: '/token/v3',
      userinfo: '/userinfo/v2',
      revocation: '/revoke',
      jwks: '/keys',
    },
    scopes: ['openid', 'profile', 'email'],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, name: sub, email: `${sub}@example.org` }) }),
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Grant: 3600, Interaction: 600, Session: 3600 },
    features: { devInteractions: { enabled: true }, revocation: { enabled: true } },
  });
  provider.on('server_error', (_ctx, e) => console.error('acceptance OP:', e));

  const callback = provider.callback();
  const op = {
    origin,
    coop: false,
    tokenRequests: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url, origin);
    if (!url.pathname.startsWith('/ims/')) {
      res.writeHead(404).end();
      return;
    }
    if (url.pathname === '/ims/token/v3' && req.method === 'POST') op.tokenRequests++;
    if (op.coop) res.setHeader('cross-origin-opener-policy', 'same-origin');
    // Mounted under /ims: the provider sees the path below it and builds its URLs from originalUrl.
    req.originalUrl = req.url;
    req.url = req.url.slice('/ims'.length);
    callback(req, res);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  server.unref();
  return op;
}
