// A local stand-in for Adobe IMS, built on oidc-provider (a certified OpenID Provider), serving IMS's paths
// on one origin. It really checks PKCE (S256 only), redirect URIs and single use of codes.
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import MemoryAdapter from 'oidc-provider/lib/adapters/memory_adapter.js';
import { autoPage, consentPage, errorPage, loginPage } from './pages.mjs';

/** The built-in test user; the demo page shows these. */
export const TEST_USER = {
  sub: 'A1B2C3D4E5F6@AdobeID',
  email: 'test.user@example.com',
  password: 'adobe-test',
  name: 'Test User',
  given_name: 'Test',
  family_name: 'User',
};

const users = new Map([[TEST_USER.sub, TEST_USER]]);

/**
 * Behaviour that tests and demos can switch on, globally or for one client id:
 * - coop: send `Cross-Origin-Opener-Policy: same-origin` on the IMS's pages (severs `window.opener`)
 * - auto: sign the test user in and consent without screens
 * - deny: with auto, press Cancel instead (the user refuses: `error=access_denied`)
 * - tokenDelayMs: answer the token endpoint this late
 * - tokenFailure: '500' (JSON server_error), '429' (with Retry-After: 5), 'html' (an HTML 502 page)
 */
export const SWITCHES = ['coop', 'auto', 'deny', 'tokenDelayMs', 'tokenFailure'];

const readBody = (req) =>
  new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });

const parseSwitches = (params) => {
  const s = {};
  for (const [k, v] of params) {
    if (!SWITCHES.includes(k)) throw new Error(`unknown switch ${k}`);
    s[k] = k === 'tokenDelayMs' ? Number(v) : k === 'tokenFailure' ? v || undefined : v === 'true' || v === '1';
  }
  return s;
};

/**
 * Starts the local IMS.
 * @param {object} o
 * @param {number} [o.port] 0 picks a free port
 * @param {string} [o.host] the name in its URLs, `localhost` by default
 * @param {Array<{client_id: string, redirect_uris: string[]}>} [o.clients] registered public clients
 * @param {{prefix: string, redirect_uris: string[]}} [o.dynamicClients] any client id with this prefix exists,
 *   with these redirect URIs: tests give each case its own client, and so its own switches
 * @param {object} [o.switches] switches for every client (see SWITCHES)
 * @param {boolean} [o.controls] serve POST /__ims/switches?client_id=… for tests
 */
export async function startLocalIms({
  port = 8001,
  host = 'localhost',
  clients = [],
  dynamicClients,
  switches = {},
  controls = false,
} = {}) {
  const server = createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const origin = `http://${host}:${server.address().port}`;
  const issuer = `${origin}/ims`;
  const clientSwitches = new Map();
  const counters = new Map();
  /** How often a client called the token and revoke endpoints (for tests: "no exchange happened"). */
  const stats = (clientId) => {
    if (!counters.has(clientId)) counters.set(clientId, { tokenRequests: 0, revocations: 0 });
    return counters.get(clientId);
  };
  const switchesFor = (clientId) => ({ ...switches, ...clientSwitches.get(clientId) });

  const clientMeta = (c) => ({
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    post_logout_redirect_uris: c.redirect_uris,
    ...c,
  });

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
      authorization: '/authorize/v2',
      token: '/token/v3',
      userinfo: '/userinfo/v2',
      revocation: '/revoke',
      jwks: '/keys',
    },
    responseTypes: ['code'],
    scopes: ['openid', 'AdobeID', 'profile', 'email', 'creative_sdk'],
    claims: {
      openid: ['sub'],
      AdobeID: ['email', 'name', 'given_name', 'family_name'],
      profile: ['name', 'given_name', 'family_name'],
      email: ['email'],
    },
    // IMS access tokens last a day; no refresh token for single-page apps.
    ttl: {
      AccessToken: 24 * 3600,
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

  const interaction = async (req, res, uid, action) => {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid)
      return send(res, 400, errorPage({ error: 'invalid_request', description: 'Unknown sign-in.' }));
    const clientId = details.params.client_id;
    const sw = switchesFor(clientId);
    const coop = sw.coop ? { 'cross-origin-opener-policy': 'same-origin' } : {};
    const redirect = (to) => send(res, 303, '', { location: to, ...coop });
    const form = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : new URLSearchParams();

    if (action === 'cancel' || (action === 'auto' && sw.deny)) {
      return redirect(
        await provider.interactionResult(req, res, {
          error: 'access_denied',
          error_description: 'The user cancelled sign-in.',
        }),
      );
    }
    if (action === 'auto' && sw.auto) return redirect(await finish(req, res, details, TEST_USER.sub));
    if (!action && sw.auto) return send(res, 200, autoPage({ uid }), coop);

    if (details.prompt.name === 'login') {
      if (action === 'login') {
        const u = [...users.values()].find((x) => x.email === form.get('email')?.trim().toLowerCase());
        if (u && u.password === form.get('password')) return redirect(await finish(req, res, details, u.sub));
        return send(
          res,
          200,
          loginPage({ uid, clientId, error: 'That email and password do not match.', email: form.get('email') ?? '' }),
          coop,
        );
      }
      return send(res, 200, loginPage({ uid, clientId }), coop);
    }
    if (action === 'consent') return redirect(await finish(req, res, details, details.session.accountId));
    const scopes = [...new Set(String(details.params.scope).split(/[\s,]+/))];
    return send(
      res,
      200,
      consentPage({ uid, clientId, scopes, email: users.get(details.session.accountId)?.email }),
      coop,
    );
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
      if (controls && url.pathname === '/__ims/stats') {
        return send(res, 200, JSON.stringify(stats(clientId)), {
          'content-type': 'application/json',
          'access-control-allow-origin': '*',
        });
      }
      if (clientId && req.method === 'POST' && (url.pathname === '/ims/token/v3' || url.pathname === '/ims/revoke')) {
        stats(clientId)[url.pathname === '/ims/revoke' ? 'revocations' : 'tokenRequests']++;
      }
      const m = /^\/ims\/interaction\/([\w-]+)(?:\/(login|consent|cancel|auto))?$/.exec(url.pathname);
      if (m) return await interaction(req, res, m[1], m[2]);

      if (url.pathname === '/ims/logout/v1') return await logout(req, res, url);

      if (url.pathname === '/ims/token/v3' && req.method === 'POST' && clientId) {
        const sw = switchesFor(clientId);
        if (sw.tokenDelayMs) await new Promise((r) => setTimeout(r, sw.tokenDelayMs));
        if (sw.tokenFailure) return await failToken(req, res, sw.tokenFailure, clientId);
      }
      if (url.pathname === '/ims/authorize/v2' && switchesFor(clientId).coop) {
        res.setHeader('cross-origin-opener-policy', 'same-origin');
      }
      if (url.pathname.startsWith('/ims/')) {
        // IMS takes comma-separated scopes ("AdobeID,openid"); OpenID Connect separates them with spaces.
        if (url.pathname === '/ims/authorize/v2' && url.searchParams.has('scope')) {
          url.searchParams.set('scope', url.searchParams.get('scope').replace(/,/g, ' '));
        }
        req.originalUrl = url.pathname + url.search;
        req.url = url.pathname.slice('/ims'.length) + url.search;
        return callback(req, res);
      }
      send(res, 404, errorPage({ error: 'not_found', description: url.pathname }));
    } catch (e) {
      send(res, 500, errorPage({ error: 'server_error', description: e.message }));
    }
  });

  /** Answers the token endpoint as a failing IMS would, with CORS so the page can read the failure. */
  const failToken = async (req, res, kind, clientId) => {
    await readBody(req);
    const client = await provider.Client.find(clientId);
    const requestOrigin = req.headers.origin;
    const cors =
      client && requestOrigin && client.redirectUris.some((u) => new URL(u).origin === requestOrigin)
        ? {
            'access-control-allow-origin': requestOrigin,
            'access-control-expose-headers': 'retry-after',
            vary: 'origin',
          }
        : {};
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

  /** IMS-style sign-out: ends the IMS session and goes straight back to a registered redirect URI. */
  const logout = async (req, res, url) => {
    const client = await provider.Client.find(url.searchParams.get('client_id') ?? '');
    const back = url.searchParams.get('redirect_uri');
    if (!client || !back || !client.redirectUris.some((u) => new URL(u).origin === new URL(back, origin).origin)) {
      return send(res, 400, errorPage({ error: 'invalid_request', description: 'Unknown client_id or redirect_uri.' }));
    }
    const ctx = provider.createContext(req, res);
    const session = await provider.Session.get(ctx);
    await session.destroy();
    const expired = 'Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax';
    send(res, 302, '', {
      location: back,
      'set-cookie': ['_session', '_session.sig', '_session.legacy', '_session.legacy.sig'].map(
        (n) => `${n}=; ${expired}`,
      ),
    });
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
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
