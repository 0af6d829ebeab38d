// Access tokens shaped like IMS's, and IMS's validate_token/v1 that an app's server asks about them.
//
// oidc-provider keeps each access token under an opaque id. IMS hands out JWTs instead: RS256, a header naming its
// certificate (`x5u`, `kid`, `itt: at`), and claims in IMS's own units: `type`, `client_id`, `user_id`, `as`, `scope`
// comma-separated, `created_at` and `expires_in` in milliseconds as strings. Here the token endpoint's answer carries
// such a JWT whose `id` is oidc-provider's id, and every place that looks a token up (userinfo, revoke, logout, the
// stand-in API, validate_token) finds it by that id once the JWT's signature is checked: one store, two faces.
import { generateKeyPairSync } from 'node:crypto';
import { Readable } from 'node:stream';
import { SignJWT, jwtVerify } from 'jose';
import { readBody, sendJson } from './http.mjs';

const KID = 'local-ims-key-at-1';

/**
 * @param {import('oidc-provider').default} provider
 * @returns `{validateToken, revocationRequest}`: the handler of POST /ims/validate_token/v1, and what a revocation
 *   request becomes before oidc-provider reads it
 */
export function imsShapedTokens(provider) {
  // The access tokens' own key, as IMS's are not among the id-token keys at /ims/keys.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  /** The JWT IMS would hand out for oidc-provider's access token `at`. */
  const sign = (at) =>
    new SignJWT({
      id: at.jti,
      type: 'access_token',
      client_id: at.clientId,
      user_id: at.accountId,
      as: 'ims-na1',
      sid: at.sessionUid,
      scope: String(at.scope ?? '')
        .split(' ')
        .filter(Boolean)
        .join(','),
      created_at: String(at.iat * 1000),
      expires_in: String((at.exp - at.iat) * 1000),
    })
      .setProtectedHeader({ alg: 'RS256', x5u: `${KID}.cer`, kid: KID, itt: 'at' })
      .sign(privateKey);

  /** The claims of a JWT this IMS signed, or undefined for anything else. */
  const claimsOf = async (value) => {
    if (typeof value !== 'string' || value.split('.').length !== 3) return undefined;
    try {
      const { payload, protectedHeader } = await jwtVerify(value, publicKey, { algorithms: ['RS256'] });
      return protectedHeader.kid === KID && typeof payload.id === 'string' ? payload : undefined;
    } catch {
      return undefined;
    }
  };

  // The token endpoint's answer: the JWT in place of the opaque id.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route === 'token' && ctx.status === 200 && typeof ctx.body?.access_token === 'string') {
      const at = await provider.AccessToken.find(ctx.body.access_token);
      if (at) ctx.body = { ...ctx.body, access_token: await sign(at) };
    }
  });

  // Every lookup by value takes the JWT (and, inside oidc-provider, the id it has just issued).
  const find = provider.AccessToken.find.bind(provider.AccessToken);
  provider.AccessToken.find = async (value, ...rest) => {
    const claims = await claimsOf(value);
    if (claims) return find(claims.id, ...rest);
    return value && typeof value === 'string' && value.length <= 64 && !value.includes('.')
      ? find(value, ...rest)
      : undefined;
  };

  /**
   * The revocation request `req` (POST /ims/revoke) with the JWT in its body replaced by its id: oidc-provider refuses
   * to revoke a token that looks like a JWT (it cannot know a structured token's id), IMS revokes its own.
   */
  const revocationRequest = async (req) => {
    const form = new URLSearchParams(await readBody(req));
    const claims = await claimsOf(form.get('token'));
    if (claims) form.set('token', claims.id);
    const body = Buffer.from(form.toString());
    return Object.assign(Readable.from([body]), {
      headers: { ...req.headers, 'content-length': String(body.length) },
      method: req.method,
      url: req.url,
      httpVersion: req.httpVersion,
      socket: req.socket,
      connection: req.socket,
    });
  };

  /**
   * POST /ims/validate_token/v1 with `client_id` (query or form), `type=access_token` and `token` (form), as IMS
   * takes it: `{valid: true, token: claims}` for a live token of that client, else `{valid: false, reason}`.
   */
  const validateToken = async (req, res, url) => {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'method_not_allowed' }, { allow: 'POST' });
    const form = new URLSearchParams(await readBody(req));
    const param = (name) => form.get(name) ?? url.searchParams.get(name);
    const clientId = param('client_id') ?? req.headers['x-ims-clientid'];
    if (!clientId) return sendJson(res, 400, { error: 'invalid_request', error_description: 'client_id missing' });
    if (param('type') !== 'access_token') {
      return sendJson(res, 400, { error: 'invalid_request', error_description: 'type must be access_token' });
    }
    const claims = await claimsOf(param('token'));
    const reason = !claims
      ? 'bad_token'
      : Number(claims.created_at) + Number(claims.expires_in) <= Date.now()
        ? 'token_expired'
        : claims.client_id !== clientId
          ? 'client_id_mismatch'
          : !(await find(claims.id))
            ? 'token_revoked'
            : undefined;
    return sendJson(res, 200, reason ? { valid: false, reason } : { valid: true, token: claims });
  };

  return { validateToken, revocationRequest };
}
