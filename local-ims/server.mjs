// A local stand-in for Adobe IMS, built on oidc-provider (a certified OpenID Provider), serving IMS's paths on one
// origin. It really checks PKCE (S256 only), redirect URIs and single use of codes, and behaves like IMS where IMS
// differs from a plain OpenID provider:
// - its issuer is its origin (IMS's discovery says `https://ims-na1.adobelogin.com`);
// - a client has Redirect URI Patterns (regular expressions) and a Default Redirect URI; an authorize request whose
//   redirect_uri matches no pattern is answered at the default, as IMS does;
// - userinfo gives `sub` for `openid`, names for `profile`, email for `email`, nothing more for `AdobeID`;
// - /ims/logout/v1 ends the IMS session, as a redirect (client_id, redirect_uri) or a token-authenticated POST;
// - `idp_flow=social.deep_link.web&provider_id=…` shows a stand-in for the social provider's screen.
import './quiet-runtime-warning.mjs';
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import MemoryAdapter from 'oidc-provider/lib/adapters/memory_adapter.js';
import { autoPage, consentPage, errorPage, loginPage, socialPage } from './pages.mjs';
import { createInspector } from './inspector.mjs';

/** The built-in test user; the demo page shows these. */
export const TEST_USER = {
  sub: 'A1B2C3D4E5F6@AdobeID',
  email: 'test.user@example.com',
  email_verified: true,
  password: 'adobe-test',
  name: 'Test User',
  given_name: 'Test',
  family_name: 'User',
  account_type: 'type1',
};

const users = new Map([[TEST_USER.sub, TEST_USER]]);

/**
 * Behaviour that tests and demos can switch on, globally or for one client id:
 * - coop: send `Cross-Origin-Opener-Policy: same-origin` on the IMS's pages (severs `window.opener`)
 * - auto: sign the test user in and consent without screens
 * - deny: with auto, press Cancel instead (the user refuses: `error=access_denied`)
 * - tokenDelayMs: answer the token endpoint this late
 * - tokenFailure: '500' (JSON server_error), '429' (with Retry-After: 5), 'html' (an HTML 502 page)
 * - tokenTtl: seconds the tokens it issues last (a day by default, as IMS's)
 * - iss: what to send as RFC 9207's `iss` instead of the issuer ('' leaves it out)
 * - authorizeNoContent: the authorize endpoint answers 204, so a page sent there does not leave
 */
export const SWITCHES = [
  'coop',
  'auto',
  'deny',
  'tokenDelayMs',
  'tokenFailure',
  'tokenTtl',
  'iss',
  'authorizeNoContent',
];

/** A request's body, read the way oidc-provider reads it (so the inspector sees it too). */
const readBody = async (req) => {
  const chunks = [];
  for await (const chunk of req.iterator({ destroyOnReturn: false })) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
};

const parseSwitches = (params) => {
  const s = {};
  for (const [k, v] of params) {
    if (!SWITCHES.includes(k)) throw new Error(`unknown switch ${k}`);
    s[k] = ['tokenDelayMs', 'tokenTtl'].includes(k)
      ? Number(v)
      : k === 'tokenFailure'
        ? v || undefined
        : k === 'iss'
          ? v
          : v === 'true' || v === '1';
  }
  return s;
};

/** A regular expression that matches exactly `uri`. */
const exactly = (uri) => `^${uri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

/**
 * Starts the local IMS.
 * @param {object} o
 * @param {number} [o.port] 0 picks a free port
 * @param {string} [o.host] the name in its URLs, `localhost` by default
 * @param {string} [o.publicOrigin] the origin it is reached at, when a proxy puts it on another one
 * @param {Array<{client_id: string, redirect_uris?: string[], redirect_uri_patterns?: string[],
 *   default_redirect_uri?: string}>} [o.clients] registered public clients: exact redirect URIs, or Redirect URI
 *   Patterns (regular expressions) and a Default Redirect URI, as a Developer Console credential has them
 * @param {{prefix: string, redirect_uris: string[]}} [o.dynamicClients] any client id with this prefix exists,
 *   with these redirect URIs: tests give each case its own client, and so its own switches
 * @param {object} [o.switches] switches for every client (see SWITCHES)
 * @param {boolean} [o.controls] serve POST /__ims/switches?client_id=… and GET /__ims/stats for tests and the demo
 * @param {boolean} [o.inspector] serve the flow inspector's events at GET /__ims/inspector (see inspector.mjs)
 */
export async function startLocalIms({
  port = 8001,
  host = 'localhost',
  publicOrigin,
  clients = [],
  dynamicClients,
  switches = {},
  controls = false,
  inspector: inspecting = false,
} = {}) {
  const inspector = inspecting ? createInspector() : undefined;
  const server = createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const origin = publicOrigin ?? `http://${host}:${server.address().port}`;
  const issuer = origin;
  const clientSwitches = new Map();
  const counters = new Map();
  /** What IMS did for a client (for tests: "no exchange happened", "the login screen was shown"). */
  const stats = (clientId) => {
    if (!counters.has(clientId)) {
      counters.set(clientId, { tokenRequests: 0, revocations: 0, logouts: 0, screens: [], authorize: null });
    }
    return counters.get(clientId);
  };
  const switchesFor = (clientId) => ({ ...switches, ...clientSwitches.get(clientId) });

  /** Each client's Redirect URI Patterns and Default Redirect URI. */
  const redirects = (c) => {
    const patterns = (c.redirect_uri_patterns ?? c.redirect_uris.map(exactly)).map((p) => new RegExp(p));
    return { patterns, fallback: c.default_redirect_uri ?? c.redirect_uris[0] };
  };
  const redirectsOf = new Map(clients.map((c) => [c.client_id, redirects(c)]));
  const redirectsFor = (clientId) =>
    redirectsOf.get(clientId) ??
    (dynamicClients && clientId?.startsWith(dynamicClients.prefix) ? redirects(dynamicClients) : undefined);

  const clientMeta = (c) => {
    const uris = [
      ...new Set([...(c.redirect_uris ?? []), ...(c.default_redirect_uri ? [c.default_redirect_uri] : [])]),
    ];
    return {
      client_id: c.client_id,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: uris,
      post_logout_redirect_uris: uris,
    };
  };

  class Adapter extends MemoryAdapter {
    async find(id) {
      if (this.model === 'Client' && dynamicClients && id.startsWith(dynamicClients.prefix)) {
        return clientMeta({ client_id: id, redirect_uris: dynamicClients.redirect_uris });
      }
      return super.find(id);
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
    clientBasedCORS: (_ctx, requestOrigin, client) =>
      client.redirectUris.some((u) => new URL(u).origin === requestOrigin),
    findAccount: (_ctx, sub) => {
      const u = users.get(sub);
      if (!u) return undefined;
      const { password: _password, ...claims } = u;
      return { accountId: sub, claims: () => claims };
    },
    interactions: { url: (_ctx, interaction) => `/ims/interaction/${interaction.uid}` },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(out);
    },
  });
  provider.proxy = false;
  // A redirect URI is allowed when one of the client's patterns matches it, as in IMS.
  provider.Client.prototype.redirectUriAllowed = function (uri) {
    const r = redirectsFor(this.clientId);
    return !!r && (uri === r.fallback || r.patterns.some((p) => p.test(uri)));
  };
  const callback = provider.callback();

  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
    res.end(body);
  };

  /** Signs the session's user through login and consent; returns where the browser goes next. */
  const finish = async (req, res, details, accountId) => {
    if (details.prompt.name === 'login') {
      return provider.interactionResult(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
    }
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    const d = details.prompt.details;
    if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(' '));
    if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(d.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    return provider.interactionResult(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  };

  const interaction = async (req, res, details, uid, action) => {
    if (details.uid !== uid)
      return send(res, 400, errorPage({ error: 'invalid_request', description: 'Unknown sign-in.' }));
    const clientId = details.params.client_id;
    const sw = switchesFor(clientId);
    const coop = sw.coop ? { 'cross-origin-opener-policy': 'same-origin' } : {};
    const redirect = (to) => send(res, 303, '', { location: to, ...coop });
    const show = (screen, html) => {
      stats(clientId).screens.push(screen);
      inspector?.note(clientId, 'screen', { screen });
      return send(res, 200, html, coop);
    };
    const form = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : new URLSearchParams();
    const social =
      details.params.idp_flow === 'social.deep_link.web' && details.prompt.name === 'login'
        ? String(details.params.provider_id ?? 'social')
        : undefined;

    if (action === 'cancel' || (action === 'auto' && sw.deny)) {
      return redirect(
        await provider.interactionResult(req, res, {
          error: 'access_denied',
          error_description: 'The user cancelled sign-in.',
        }),
      );
    }
    if (action === 'auto' && sw.auto) return redirect(await finish(req, res, details, TEST_USER.sub));
    if (!action && sw.auto) return show(social ? `social:${social}` : 'auto', autoPage({ uid }));

    if (social) {
      // The social provider signs in its user (here, always the test user); IMS then goes on as usual.
      if (action === 'social') return redirect(await finish(req, res, details, TEST_USER.sub));
      return show(`social:${social}`, socialPage({ uid, clientId, provider: social }));
    }
    if (details.prompt.name === 'login') {
      if (action === 'login') {
        const u = [...users.values()].find((x) => x.email === form.get('email')?.trim().toLowerCase());
        if (u && u.password === form.get('password')) return redirect(await finish(req, res, details, u.sub));
        return show(
          'login',
          loginPage({ uid, clientId, error: 'That email and password do not match.', email: form.get('email') ?? '' }),
        );
      }
      return show('login', loginPage({ uid, clientId }));
    }
    if (action === 'consent') return redirect(await finish(req, res, details, details.session.accountId));
    const scopes = [...new Set(String(details.params.scope).split(/[\s,]+/))];
    return show('consent', consentPage({ uid, clientId, scopes, email: users.get(details.session.accountId)?.email }));
  };

  /** Which client each sign-in (by state) is for: the answer, sent when a sign-in resumes, names only the state. */
  const clientOfState = new Map();

  /** The `iss` switch: the authorization response, on its way out, with another `iss` or none. */
  const rewriteIss = (res) => {
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name, value) => {
      if (String(name).toLowerCase() === 'location' && /[?&]iss=/.test(value)) {
        const to = new URL(value);
        const clientId = clientOfState.get(to.searchParams.get('state'));
        const iss = switchesFor(clientId).iss;
        if (iss) to.searchParams.set('iss', iss);
        else if (iss === '') to.searchParams.delete('iss');
        value = to.href;
        inspector?.answer(clientId, to);
      }
      return setHeader(name, value);
    };
  };

  server.on('request', async (req, res) => {
    const url = new URL(req.url, origin);
    const clientId = url.searchParams.get('client_id');
    try {
      if (controls && url.pathname === '/__ims/switches' && req.method === 'POST') {
        const body = new URLSearchParams(await readBody(req));
        if (clientId) clientSwitches.set(clientId, parseSwitches(body));
        return send(res, 204, '', { 'access-control-allow-origin': '*' });
      }
      if (inspector && url.pathname === '/__ims/inspector') return inspector.serve(req, res, url);
      if (controls && url.pathname === '/__ims/stats') {
        return send(res, 200, JSON.stringify(stats(clientId)), {
          'content-type': 'application/json',
          'access-control-allow-origin': '*',
        });
      }
      if (clientId && req.method === 'POST' && (url.pathname === '/ims/token/v3' || url.pathname === '/ims/revoke')) {
        stats(clientId)[url.pathname === '/ims/revoke' ? 'revocations' : 'tokenRequests']++;
      }
      if (inspector && clientId) inspect(req, res, url, clientId);
      const m = /^\/ims\/interaction\/([\w-]+)(?:\/(login|consent|cancel|auto|social))?$/.exec(url.pathname);
      if (m) return await interaction(req, res, await provider.interactionDetails(req, res), m[1], m[2]);

      if (url.pathname === '/ims/logout/v1') return await logout(req, res, url);

      if (url.pathname === '/ims/token/v3' && req.method === 'POST' && clientId) {
        const sw = switchesFor(clientId);
        if (sw.tokenDelayMs) await new Promise((r) => setTimeout(r, sw.tokenDelayMs));
        if (sw.tokenFailure) return await failToken(req, res, sw.tokenFailure, clientId);
      }
      if (url.pathname.startsWith('/ims/authorize/v2')) rewriteIss(res);
      if (url.pathname === '/ims/authorize/v2') {
        if (switchesFor(clientId).authorizeNoContent) return send(res, 204, '');
        if (switchesFor(clientId).coop) res.setHeader('cross-origin-opener-policy', 'same-origin');
        clientOfState.set(url.searchParams.get('state'), clientId);
        stats(clientId).authorize = Object.fromEntries(url.searchParams);
        inspector?.authorize(clientId, Object.fromEntries(url.searchParams));
        // IMS takes comma-separated scopes ("AdobeID,openid"); OpenID Connect separates them with spaces.
        if (url.searchParams.has('scope'))
          url.searchParams.set('scope', url.searchParams.get('scope').replace(/,/g, ' '));
        // The user is to cancel at a screen: show one even where the IMS session would let the sign-in through.
        if (switchesFor(clientId).deny) url.searchParams.set('prompt', 'login');
        // A redirect_uri that matches none of the client's patterns: IMS answers at the Default Redirect URI.
        const r = redirectsFor(clientId);
        const asked = url.searchParams.get('redirect_uri');
        if (r && !(asked && r.patterns.some((p) => p.test(asked)))) url.searchParams.set('redirect_uri', r.fallback);
        req.url = url.pathname + url.search;
      }
      // IMS serves its discovery document under /ims.
      if (url.pathname === '/ims/.well-known/openid-configuration') req.url = '/.well-known/openid-configuration';
      if (url.pathname.startsWith('/ims/') || req.url.startsWith('/.well-known/')) return callback(req, res);
      send(res, 404, errorPage({ error: 'not_found', description: url.pathname }));
    } catch (e) {
      send(res, 500, errorPage({ error: 'server_error', description: e.message }));
    }
  });

  /** Tells the inspector of the token, userinfo, revoke and logout requests, once they are answered. */
  const inspect = (req, res, url, clientId) => {
    const kind = { '/ims/token/v3': 'token', '/ims/userinfo/v2': 'userinfo', '/ims/revoke': 'revoke' }[url.pathname];
    if (!kind || req.method !== (kind === 'userinfo' ? 'GET' : 'POST')) return;
    const body = kind === 'userinfo' ? Promise.resolve(null) : inspector.body(req);
    res.once('finish', async () => {
      const form = await body;
      if (kind === 'token') inspector.token(clientId, form, res.statusCode);
      else inspector.note(clientId, kind, { status: res.statusCode, token: form?.get('token') ?? undefined });
    });
  };

  /** The CORS headers for a client's own origins, so a page can read an answer. */
  const corsFor = async (req, clientId) => {
    const client = await provider.Client.find(clientId ?? '');
    const requestOrigin = req.headers.origin;
    return client && requestOrigin && client.redirectUris.some((u) => new URL(u).origin === requestOrigin)
      ? { 'access-control-allow-origin': requestOrigin, 'access-control-expose-headers': 'retry-after', vary: 'origin' }
      : {};
  };

  /** Answers the token endpoint as a failing IMS would, with CORS so the page can read the failure. */
  const failToken = async (req, res, kind, clientId) => {
    await readBody(req);
    const cors = await corsFor(req, clientId);
    if (kind === '500') {
      return send(res, 500, JSON.stringify({ error: 'server_error', error_description: 'IMS is having trouble.' }), {
        'content-type': 'application/json',
        ...cors,
      });
    }
    if (kind === '429') {
      return send(res, 429, JSON.stringify({ error: 'too_many_requests', error_description: 'Slow down.' }), {
        'content-type': 'application/json',
        'retry-after': '5',
        ...cors,
      });
    }
    return send(res, 502, '<!doctype html><title>502 Bad Gateway</title><h1>Bad Gateway</h1>', cors);
  };

  const expiredCookies = ['_session', '_session.sig', '_session.legacy', '_session.legacy.sig'].map(
    (n) => `${n}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax`,
  );

  /**
   * IMS's sign-out, both ways imslib calls it: a page redirected here with `client_id` and `redirect_uri` (its
   * session cookie ends the session, then back to a registered origin), or a POST of `client_id` and `access_token`
   * (the token's session ends; the page stays where it is).
   */
  const logout = async (req, res, url) => {
    if (req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const clientId = form.get('client_id') ?? url.searchParams.get('client_id');
      const cors = await corsFor(req, clientId);
      const token = await provider.AccessToken.find(form.get('access_token') ?? '');
      if (!token || token.clientId !== clientId) {
        return send(res, 400, JSON.stringify({ error: 'invalid_token' }), {
          'content-type': 'application/json',
          ...cors,
        });
      }
      const session = token.sessionUid && (await provider.Session.findByUid(token.sessionUid));
      await session?.destroy();
      stats(clientId).logouts++;
      inspector?.note(clientId, 'logout', { via: 'POST with the access token' });
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

  return {
    origin,
    issuer,
    provider,
    stats,
    /** Sets the switches of one client id (replacing the ones it had). */
    setSwitches: (clientId, s) => clientSwitches.set(clientId, s),
    close: () =>
      new Promise((resolve) => {
        inspector?.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
