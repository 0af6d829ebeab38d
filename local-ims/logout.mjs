// IMS's sign-out, /ims/logout/v1, both ways imslib calls it: a page redirected there with `client_id` and
// `redirect_uri` (its session cookie ends the session, then back to a registered origin), or a POST of `client_id`
// and `access_token` (the token's session ends; the page stays where it is). oidc-provider's RP-Initiated Logout
// asks the user to confirm and takes neither form.
import { readBody, send, sendJson } from './http.mjs';
import { errorPage } from './pages.mjs';

const expiredCookies = ['_session', '_session.sig', '_session.legacy', '_session.legacy.sig'].map(
  (n) => `${n}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax`,
);

/** @returns the handler of /ims/logout/v1 */
export function createLogout({ provider, origin, stats, inspector, switchesFor, cors: corsRule }) {
  return async (req, res, url) => {
    if (req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const clientId = form.get('client_id') ?? url.searchParams.get('client_id');
      stats(clientId).logoutRequests++;
      const cors = await corsRule.headersFor(req, clientId);
      const token = await provider.AccessToken.find(form.get('access_token') ?? '');
      if (!token || token.clientId !== clientId) return sendJson(res, 400, { error: 'invalid_token' }, cors);
      const session = token.sessionUid && (await provider.Session.findByUid(token.sessionUid));
      await session?.destroy();
      stats(clientId).logouts++;
      inspector?.note(clientId, 'logout', { via: 'POST with the access token' });
      // The session has ended; only the answer is late.
      const late = switchesFor(clientId).logoutDelayMs;
      if (late) await new Promise((r) => setTimeout(r, late));
      return send(res, 200, '', cors);
    }
    const clientId = url.searchParams.get('client_id') ?? '';
    const client = await provider.Client.find(clientId);
    const back = url.searchParams.get('redirect_uri');
    if (!client || !back || !client.redirectUris.some((u) => new URL(u).origin === new URL(back, origin).origin)) {
      return send(res, 400, errorPage({ error: 'invalid_request', description: 'Unknown client_id or redirect_uri.' }));
    }
    const ctx = provider.createContext(req, res);
    const session = await provider.Session.get(ctx);
    await session.destroy();
    stats(clientId).logouts++;
    inspector?.note(clientId, 'logout', { via: 'redirect' });
    send(res, 302, '', { location: back, 'set-cookie': expiredCookies });
  };
}
