// Which pages may read the local IMS's answers: those on the origins of a client's redirect URIs, the rule
// oidc-provider's clientBasedCORS applies to its endpoints, for its endpoints, the local IMS's own answers and the
// stand-in API's. A Redirect URI Pattern (a regular expression) names no origin, so the origin of each redirect_uri a
// pattern lets through counts as the client's from then on: its redirect page must exchange the code.
import { registeredRedirectUris } from './redirect-uris.mjs';

/**
 * @param {object} o
 * @param {object[]} o.clients see startLocalIms
 * @param {{redirect_uris: string[]}} [o.dynamicClients]
 * @param {(clientId: string) => Promise<object | undefined>} o.findClient oidc-provider's Client.find
 */
export function createCors({ clients, dynamicClients, findClient }) {
  const registered = new Set(
    [...clients.flatMap(registeredRedirectUris), ...(dynamicClients?.redirect_uris ?? [])].map(
      (u) => new URL(u).origin,
    ),
  );
  /** By client id, the origins of the redirect URIs its patterns let through. */
  const patterned = new Map();

  /** Whether `origin` is one of `client`'s: a redirect URI's, or one its patterns let a redirect_uri through on. */
  const isClientOrigin = (client, origin) =>
    !!client &&
    !!origin &&
    (client.redirectUris.some((u) => new URL(u).origin === origin) || !!patterned.get(client.clientId)?.has(origin));

  return {
    isClientOrigin,

    /** Whether `origin` is the origin of any client's pages (a preflight names no client). */
    isAnyClientOrigin: (origin) => registered.has(origin) || [...patterned.values()].some((o) => o.has(origin)),

    /** A pattern of the client let `uri` through: its page may read the answers, as a registered URI's may. */
    patternAllowed(clientId, uri) {
      if (!URL.canParse(uri)) return;
      if (!patterned.has(clientId)) patterned.set(clientId, new Set());
      patterned.get(clientId).add(new URL(uri).origin);
    },

    /** The CORS headers for a client's own origins, so a page can read an answer; none for any other origin. */
    async headersFor(req, clientId) {
      const origin = req.headers.origin;
      return isClientOrigin(await findClient(clientId ?? ''), origin)
        ? { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'retry-after', vary: 'origin' }
        : {};
    },
  };
}
