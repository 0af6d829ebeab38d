// The app's own server route, GET /api/me: it answers who signed in, for a token of this app's client id that IMS says
// is valid, and refuses anything else. The page calls it with session.fetch(), whose 401 signs the page out
// (`rejected`). Vite serves it beside the app (vite.config.ts), in development and in `vite preview`; any Node server
// mounts it the same way, e.g. `http.createServer(whoAmI(options))`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, verifyAdobeToken, type VerifyOptions } from 'adobe-auth-elements/server';

const send = (res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
};

/** The route, for the IMS and client id the app signs in with. */
export const whoAmI =
  (options: VerifyOptions) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const token = bearerToken(req);
    if (!token) return send(res, 401, { error: 'no_token' }, { 'www-authenticate': 'Bearer' });
    try {
      const { userId, clientId, scope, expiresAt } = await verifyAdobeToken(token, options);
      send(res, 200, { userId, clientId, scope, expiresAt });
    } catch (e) {
      const code = (e as { code?: string }).code;
      // IMS could not be asked: not the user's fault, and no reason to sign them out. A setup error is ours.
      if (code == 'network_error') return send(res, 503, { error: code });
      if (code == 'config_error') return send(res, 500, { error: code });
      // invalid_token, wrong_client, expired: the page must sign in again.
      send(res, 401, { error: code }, { 'www-authenticate': `Bearer error="invalid_token"` });
    }
  };
