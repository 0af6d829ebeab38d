// Redirect URI Patterns and the Default Redirect URI, as a Developer Console credential has them: a redirect_uri is
// allowed when one of the client's patterns (regular expressions) matches it, and an authorize request whose
// redirect_uri matches none is answered at the default, where a plain OpenID provider would refuse it.

/** A regular expression that matches exactly `uri`. */
export const exactly = (uri) => `^${uri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

/** The exact URIs a client is registered with: its redirect URIs and its default (oidc-provider's redirect_uris). */
export const registeredRedirectUris = (c) => [
  ...new Set([...(c.redirect_uris ?? []), ...(c.default_redirect_uri ? [c.default_redirect_uri] : [])]),
];

/** A client given exact redirect URIs has them as its patterns, and the first one as its default. */
const rulesOf = (c) => {
  const patterns = (c.redirect_uri_patterns ?? c.redirect_uris.map(exactly)).map((p) => new RegExp(p));
  return { patterns, fallback: c.default_redirect_uri ?? c.redirect_uris[0] };
};

/** Each client's patterns and default, registered clients' and dynamic ones'; undefined for an unknown client. */
export function redirectRules(clients, dynamicClients) {
  const registered = new Map(clients.map((c) => [c.client_id, rulesOf(c)]));
  return (clientId) =>
    registered.get(clientId) ??
    (dynamicClients && clientId?.startsWith(dynamicClients.prefix) ? rulesOf(dynamicClients) : undefined);
}

/**
 * The longest redirect_uri tested against a client's patterns. A longer one (no page needs it) matches none: it bounds
 * what a pattern that backtracks costs the server per request.
 */
const LONGEST = 1024;

export const matchesPattern = (rules, uri) => !!uri && uri.length <= LONGEST && rules.patterns.some((p) => p.test(uri));

/** Whether a client may be answered at `uri`: its default, or one its patterns match. */
export const allowsRedirect = (rules, uri) => !!rules && (uri === rules.fallback || matchesPattern(rules, uri));
