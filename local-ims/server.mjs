// A local stand-in for Adobe IMS, built on oidc-provider (a certified OpenID Provider), serving IMS's paths on one
// origin. It really checks PKCE (S256 only), redirect URIs and single use of codes, and behaves like IMS where IMS
// differs from a plain OpenID provider:
// - its issuer is its origin (IMS's discovery says `https://ims-na1.adobelogin.com`);
// - a client has Redirect URI Patterns (regular expressions) and a Default Redirect URI; an authorize request whose
//   redirect_uri matches no pattern is answered at the default, as IMS does (redirect-uris.mjs, authorize.mjs);
// - userinfo gives `sub` for `openid`, names for `profile`, email for `email`, nothing more for `AdobeID`;
// - /ims/logout/v1 ends the IMS session, as a redirect (client_id, redirect_uri) or a token-authenticated POST;
// - /ims/revoke revokes the token named, not its grant's other tokens and codes (provider.mjs);
// - access tokens are JWTs shaped like IMS's, and /ims/validate_token/v1 answers about them (tokens.mjs);
// - `idp_flow=social.deep_link.web&provider_id=…` shows a stand-in for the social provider's screen.
// Under /api/ it stands in for an Adobe API behind Adobe's gateway, which takes its tokens (api.mjs).
// This file starts it and routes each request; oidc-provider's configuration is in provider.mjs, the screens in
// interactions.mjs, the test switches in switches.mjs.
import './quiet-runtime-warning.mjs';
import { createServer } from 'node:http';
import { createApi } from './api.mjs';
import { createAuthorize } from './authorize.mjs';
import { createCors } from './cors.mjs';
import { readBody, send, sendJson } from './http.mjs';
import { createInspector } from './inspector.mjs';
import { createInteractions } from './interactions.mjs';
import { createLogout } from './logout.mjs';
import { errorPage } from './pages.mjs';
import { createProvider } from './provider.mjs';
import { imsShapedTokens } from './tokens.mjs';
import { redirectRules } from './redirect-uris.mjs';
import { failToken, failUserinfo, parseSwitches, userinfoOtherSub } from './switches.mjs';
import { createAccounts } from './accounts.mjs';
import { checkClients, checkPort } from './options.mjs';

export { TEST_USER } from './accounts.mjs';
export { LocalImsError } from './options.mjs';
export { SWITCHES, switchesFromEnvironment } from './switches.mjs';

/**
 * Starts the local IMS; resolves once it listens, with `{origin, close()}` and what tests read of it.
 * @param {object} o
 * @param {number} [o.port] 8001 by default; 0 picks a free port (`origin` says which)
 * @param {Array<{clientId: string, redirectUris?: string[], redirectUriPatterns?: string[],
 *   defaultRedirectUri?: string}>} [o.clients] its clients, as Developer Console credentials: exact redirect URIs,
 *   Redirect URI Patterns (regular expressions), and the Default Redirect URI (the first redirect URI unless given)
 * @param {{sub?: string, name?: string, given_name?: string, family_name?: string, email?: string}} [o.user] who
 *   signs in (the test user by default; the password stays `adobe-test`)
 * @param {boolean} [o.autoSignIn] IMS's screens pass without input: the user is signed in and consents
 * @param {object} [o.switches] switches for every client (see SWITCHES)
 * @param {string} [o.host] the name in its URLs, `localhost` by default
 * @param {string} [o.publicOrigin] the origin it is reached at, when a proxy puts it on another one
 * @param {{prefix: string, redirectUris: string[]}} [o.dynamicClients] any client id with this prefix exists, with
 *   these redirect URIs: tests give each case its own client, and so its own switches
 * @param {boolean} [o.controls] serve POST /__ims/switches?client_id=…, GET /__ims/stats and
 *   POST /__ims/revoke-tokens?client_id=… for tests and the demo (to its clients' pages and its own only)
 * @param {boolean} [o.inspector] serve the flow inspector's events at GET /__ims/inspector (see inspector.mjs)
 */
export async function startLocalIms({
  port = 8001,
  host = 'localhost',
  publicOrigin,
  clients: given = [],
  user,
  autoSignIn = false,
  dynamicClients: dynamic,
  switches: globalSwitches = {},
  controls = false,
  inspector: inspecting = false,
} = {}) {
  // Everything checked before anything listens.
  checkPort(port);
  const clients = checkClients(given);
  const dynamicClients = dynamic && { prefix: dynamic.prefix, redirect_uris: dynamic.redirectUris };
  const switches = { ...globalSwitches, ...(autoSignIn ? { auto: true } : {}) };
  const accounts = createAccounts(user);
  const inspector = inspecting ? createInspector() : undefined;
  const server = createServer();
  // Loopback only: a developer's tool, not a server for the network.
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const origin = publicOrigin ?? `http://${host}:${server.address().port}`;
  const issuer = origin;
  const clientSwitches = new Map();
  const counters = new Map();
  /** What IMS did for a client (for tests: "no exchange happened", "the login screen was shown"). */
  const stats = (clientId) => {
    if (!counters.has(clientId)) {
      counters.set(clientId, {
        tokenRequests: 0,
        revocations: 0,
        logouts: 0,
        /** Logout POSTs received, answered or refused (one that comes after the revoke finds no live token). */
        logoutRequests: 0,
        userinfoRequests: 0,
        apiRequests: 0,
        screens: [],
        authorize: null,
      });
    }
    return counters.get(clientId);
  };
  const switchesFor = (clientId) => ({ ...switches, ...clientSwitches.get(clientId) });
  const redirectsFor = redirectRules(clients, dynamicClients);

  const cors = createCors({ clients, dynamicClients, findClient: (id) => provider.Client.find(id) });
  const provider = createProvider({
    issuer,
    clients,
    dynamicClients,
    redirectsFor,
    switchesFor,
    isClientOrigin: cors.isClientOrigin,
    findAccount: accounts.findAccount,
  });
  provider.use(userinfoOtherSub(switchesFor));
  const tokens = imsShapedTokens(provider);
  const callback = provider.callback();
  const ims = { origin, provider, stats, switchesFor, redirectsFor, inspector, cors, accounts };
  const interaction = createInteractions(ims);
  const logout = createLogout(ims);
  const authorize = createAuthorize(ims);
  const api = createApi(ims);

  /**
   * Who may use its own endpoints (switches, stats, revocations, the inspector, which shows live tokens): a page of
   * one of its clients, one of its own, or a program that sends no Origin (a test, curl). Their answers are readable
   * by those pages only, never `*`. Null for any other page.
   */
  const ownEndpointHeaders = (req) => {
    const from = req.headers.origin;
    if (from === undefined) return {};
    return from === origin || cors.isAnyClientOrigin(from)
      ? { 'access-control-allow-origin': from, vary: 'origin' }
      : null;
  };

  server.on('request', async (req, res) => {
    const url = new URL(req.url, origin);
    const clientId = url.searchParams.get('client_id');
    try {
      if (url.pathname.startsWith('/__ims/')) {
        const allowed = ownEndpointHeaders(req);
        if (!allowed) {
          const description = "The local IMS's own endpoints answer its clients' pages only.";
          return send(res, 403, errorPage({ error: 'forbidden', description }));
        }
        if (controls && url.pathname === '/__ims/switches' && req.method === 'POST') {
          const body = new URLSearchParams(await readBody(req));
          if (clientId) clientSwitches.set(clientId, parseSwitches(body));
          return send(res, 204, '', allowed);
        }
        if (controls && url.pathname === '/__ims/revoke-tokens' && req.method === 'POST') {
          await readBody(req);
          if (clientId) await api.revokeTokensOf(clientId);
          return send(res, 204, '', allowed);
        }
        if (inspector && url.pathname === '/__ims/inspector') return inspector.serve(req, res, url, allowed);
        if (controls && url.pathname === '/__ims/stats') return sendJson(res, 200, stats(clientId), allowed);
      }
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return await api.handle(req, res, url);
      if (clientId && req.method === 'POST' && (url.pathname === '/ims/token/v3' || url.pathname === '/ims/revoke')) {
        stats(clientId)[url.pathname === '/ims/revoke' ? 'revocations' : 'tokenRequests']++;
      }
      if (clientId && url.pathname === '/ims/userinfo/v2' && req.method !== 'OPTIONS')
        stats(clientId).userinfoRequests++;
      if (inspector && clientId) inspector.watch(req, res, url, clientId);
      const m = /^\/ims\/interaction\/([\w-]+)(?:\/(login|consent|cancel|auto|social))?$/.exec(url.pathname);
      if (m) return await interaction(req, res, m[1], m[2]);

      if (url.pathname === '/ims/logout/v1') return await logout(req, res, url);
      if (url.pathname === '/ims/validate_token/v1') return await tokens.validateToken(req, res, url);

      if (url.pathname === '/ims/token/v3' && req.method === 'POST' && clientId) {
        const sw = switchesFor(clientId);
        if (sw.tokenDelayMs) await new Promise((r) => setTimeout(r, sw.tokenDelayMs));
        if (sw.tokenFailure) {
          return await failToken(req, res, sw.tokenFailure, await cors.headersFor(req, clientId));
        }
      }
      if (url.pathname === '/ims/userinfo/v2' && req.method !== 'OPTIONS' && clientId) {
        const sw = switchesFor(clientId);
        if (sw.userinfoDelayMs) await new Promise((r) => setTimeout(r, sw.userinfoDelayMs));
        if (sw.userinfo && failUserinfo(res, sw.userinfo, await cors.headersFor(req, clientId))) return;
      }
      if (url.pathname.startsWith('/ims/authorize/v2')) authorize.answer(res);
      if (url.pathname === '/ims/authorize/v2' && authorize.request(req, res, url, clientId)) return;
      // IMS serves its discovery document under /ims.
      if (url.pathname === '/ims/.well-known/openid-configuration') req.url = '/.well-known/openid-configuration';
      // A page that hung up while a delay switch held its request has no one to answer (and oidc-provider would
      // find its body gone and warn).
      if (req.destroyed) return;
      if (url.pathname === '/ims/revoke' && req.method === 'POST')
        return callback(await tokens.revocationRequest(req), res);
      if (url.pathname.startsWith('/ims/') || req.url.startsWith('/.well-known/')) return callback(req, res);
      send(res, 404, errorPage({ error: 'not_found', description: url.pathname }));
    } catch (e) {
      send(res, 500, errorPage({ error: 'server_error', description: e.message }));
    }
  });

  return {
    origin,
    issuer,
    provider,
    stats,
    /** Sets the switches of one client id (replacing the ones it had). */
    setSwitches: (clientId, s) => clientSwitches.set(clientId, s),
    /** The HTTP server, for a caller that watches every request (the bench counts them, preflights included). */
    server,
    close: () =>
      new Promise((resolve) => {
        inspector?.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
