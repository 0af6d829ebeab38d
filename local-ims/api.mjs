// A stand-in for an Adobe API behind Adobe's API gateway, under /api/ on the local IMS's origin (GET /api/hello, or
// any method and path under /api/), for pages that call an API with their token. It takes what the gateway takes: a
// live access token of this IMS (issued, not expired, not revoked) as `Authorization: Bearer …` and `x-api-key`, the
// token's client id; it answers what it was asked. Anything else gets the gateway's own error_code and message.
// Beside it, the demo's control POST /__ims/revoke-tokens?client_id=… revokes every live token of a client at IMS.
import { readBody, send, sendJson } from './http.mjs';

/** The gateway's answers, as Adobe documents them (Experience Platform's API troubleshooting guide). */
const refusals = {
  keyMissing: [403, { error_code: '403000', message: 'Api Key is required' }],
  keyInvalid: [403, { error_code: '403003', message: 'Api Key is invalid' }],
  tokenMissing: [403, { error_code: '403010', message: 'Oauth token is missing.' }],
  tokenInvalid: [401, { error_code: '401013', message: 'Oauth token is not valid' }],
};

/** The gateway's refusal of a request, or undefined when it lets it through. The key is looked at first. */
const verdict = (apiKey, keyClient, bearer, token) => {
  if (!apiKey) return refusals.keyMissing;
  if (!keyClient) return refusals.keyInvalid;
  if (!bearer) return refusals.tokenMissing;
  if (!token) return refusals.tokenInvalid;
  if (apiKey !== token.clientId) return refusals.keyInvalid;
  return undefined;
};

const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const HEADERS = 'authorization, x-api-key, content-type';

/**
 * @param {object} ims
 * @param {import('oidc-provider').default} ims.provider
 * @param {(clientId: string) => {apiRequests: number}} ims.stats
 * @param {object} [ims.inspector]
 * @param {ReturnType<import('./cors.mjs').createCors>} ims.cors
 * @returns `{handle, revokeTokensOf}`: the handler of /api/…, and the control's revocation
 */
export function createApi({ provider, stats, inspector, cors: corsRule }) {
  /** The access tokens oidc-provider has saved and not destroyed, by client: the memory adapter lists none. */
  const live = new Map();
  provider.on('access_token.saved', (t) => {
    if (!live.has(t.clientId)) live.set(t.clientId, new Set());
    live.get(t.clientId).add(t.jti);
  });
  provider.on('access_token.destroyed', (t) => live.get(t.clientId)?.delete(t.jti));

  const revokeTokensOf = async (clientId) => {
    for (const jti of [...(live.get(clientId) ?? [])]) await (await provider.AccessToken.find(jti))?.destroy();
  };

  const handle = async (req, res, url) => {
    const origin = req.headers.origin;
    if (req.method === 'OPTIONS') {
      // A preflight carries neither token nor key: any page a client of this IMS signs in on may go on.
      const cors = corsRule.isAnyClientOrigin(origin)
        ? {
            'access-control-allow-origin': origin,
            'access-control-allow-methods': METHODS,
            'access-control-allow-headers': HEADERS,
          }
        : {};
      return send(res, 204, '', { ...cors, vary: 'origin' });
    }
    await readBody(req);
    const authorization = req.headers.authorization;
    const apiKey = req.headers['x-api-key'];
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const token = bearer && (await provider.AccessToken.find(bearer));
    const keyClient = apiKey ? await provider.Client.find(apiKey) : undefined;
    const client = (token && (await provider.Client.find(token.clientId))) || keyClient;

    const [status, body] = verdict(apiKey, keyClient, bearer, token) ?? [
      200,
      { ok: true, clientId: token.clientId, sub: token.accountId, method: req.method, path: url.pathname },
    ];
    if (client) {
      stats(client.clientId).apiRequests++;
      inspector?.note(client.clientId, 'api', {
        method: req.method,
        path: url.pathname,
        authorization,
        apiKey,
        status,
      });
    }
    const cors = corsRule.isClientOrigin(client, origin) ? { 'access-control-allow-origin': origin } : {};
    return sendJson(res, status, body, { ...cors, vary: 'origin' });
  };

  return { handle, revokeTokensOf };
}
