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
];

/** The switches a form body names (`auto=1&tokenDelayMs=300`); an unknown one throws. */
export const parseSwitches = (params) => {
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
  return send(res, 502, '<!doctype html><title>502 Bad Gateway</title><h1>Bad Gateway</h1>', cors);
};
