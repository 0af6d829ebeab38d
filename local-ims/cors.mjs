// Which pages may read the local IMS's own answers (those oidc-provider does not write, and the stand-in API's): the
// origins of the client's redirect URIs, the rule oidc-provider's clientBasedCORS applies to its endpoints.
import { registeredRedirectUris } from './redirect-uris.mjs';

/** The redirect-URI origins of every registered client and of the dynamic ones: where a client's pages may be. */
export const redirectOrigins = (clients, dynamicClients) =>
  new Set(
    [...clients.flatMap(registeredRedirectUris), ...(dynamicClients?.redirect_uris ?? [])].map(
      (u) => new URL(u).origin,
    ),
  );

/** Whether `requestOrigin` is the origin of one of `client`'s redirect URIs. */
export const isClientOrigin = (client, requestOrigin) =>
  !!client && !!requestOrigin && client.redirectUris.some((u) => new URL(u).origin === requestOrigin);

/** The CORS headers for a client's own origins, so a page can read an answer; none for any other origin. */
export const clientCors = async (provider, req, clientId) => {
  const client = await provider.Client.find(clientId ?? '');
  const requestOrigin = req.headers.origin;
  return isClientOrigin(client, requestOrigin)
    ? { 'access-control-allow-origin': requestOrigin, 'access-control-expose-headers': 'retry-after', vary: 'origin' }
    : {};
};
