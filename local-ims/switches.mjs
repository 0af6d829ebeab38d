// The switches tests and the demo turn on, globally or for one client id (POST /__ims/switches?client_id=…), and
// the failing answers they ask for.
import { readBody, send, sendJson } from './http.mjs';

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
 * - revokeGrant: /ims/revoke also revokes every other token and code of the token's grant, as oidc-provider does
 * - userinfo: '500' (JSON server_error), 'html' (an HTML 502 page), 'garbage' (200, not JSON), 'other-sub' (the
 *   token's claims with another user's `sub`), 'hang' (no answer until the IMS closes)
 * - userinfoDelayMs: answer the userinfo endpoint this late
 * - logoutDelayMs: a token-authenticated logout POST ends the session at once, and answers this late
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
  'revokeGrant',
  'userinfo',
  'userinfoDelayMs',
  'logoutDelayMs',
];

/** The switches `npm start` and `npm run ims` take from the environment, for every client. */
export const switchesFromEnvironment = (env) => ({
  coop: env.IMS_COOP === '1',
  auto: env.IMS_AUTO === '1',
  tokenDelayMs: Number(env.IMS_TOKEN_DELAY_MS ?? 0),
  tokenFailure: env.IMS_TOKEN_FAILURE || undefined,
});

/** How a switch's value is read from a form; the rest are booleans (`1` or `true`). */
const readers = {
  tokenDelayMs: Number,
  tokenTtl: Number,
  userinfoDelayMs: Number,
  logoutDelayMs: Number,
  tokenFailure: (v) => v || undefined,
  userinfo: (v) => v || undefined,
  iss: String,
};

/** The switches a form body names (`auto=1&tokenDelayMs=300`); an unknown one throws. */
export const parseSwitches = (params) => {
  const s = {};
  for (const [k, v] of params) {
    if (!SWITCHES.includes(k)) throw new Error(`unknown switch ${k}`);
    s[k] = (readers[k] ?? ((b) => b === 'true' || b === '1'))(v);
  }
  return s;
};

const badGateway = '<!doctype html><title>502 Bad Gateway</title><h1>Bad Gateway</h1>';

/** Answers the token endpoint as a failing IMS would, with CORS so the page can read the failure. */
export const failToken = async (req, res, kind, cors) => {
  await readBody(req);
  if (kind === '500') {
    return sendJson(res, 500, { error: 'server_error', error_description: 'IMS is having trouble.' }, cors);
  }
  if (kind === '429') {
    return sendJson(
      res,
      429,
      { error: 'too_many_requests', error_description: 'Slow down.' },
      { 'retry-after': '5', ...cors },
    );
  }
  return send(res, 502, badGateway, cors);
};

/** The `sub` the other-sub switch puts in userinfo: a user the token was not issued for. */
export const OTHER_SUB = 'F6E5D4C3B2A1@AdobeID';

const userinfoFailures = {
  500: (res, cors) => sendJson(res, 500, { error: 'server_error' }, cors),
  html: (res, cors) => send(res, 502, badGateway, cors),
  // Cut short, as a connection dropped behind a proxy leaves it.
  garbage: (res, cors) => send(res, 200, '{"sub":"A1B2', { 'content-type': 'application/json', ...cors }),
  // The connection stays open until the IMS closes: a page's own timeout is all that ends the wait.
  hang: () => {},
};

/**
 * Answers a userinfo request as a failing IMS would (the userinfo switch), with CORS so the page can read it; false
 * when the switch leaves the answer to oidc-provider (other-sub: userinfoOtherSub rewrites its answer).
 */
export const failUserinfo = (res, kind, cors) => {
  if (!Object.hasOwn(userinfoFailures, kind)) return false;
  userinfoFailures[kind](res, cors);
  return true;
};

/** oidc-provider middleware: its userinfo answer, with another user's `sub` when the client's switch says other-sub. */
export const userinfoOtherSub = (switchesFor) => async (ctx, next) => {
  await next();
  if (
    ctx.oidc?.route === 'userinfo' &&
    ctx.status === 200 &&
    switchesFor(ctx.oidc.client?.clientId).userinfo === 'other-sub'
  ) {
    ctx.body = { ...ctx.body, sub: OTHER_SUB };
  }
};
