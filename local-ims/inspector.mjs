// The flow inspector: what the local IMS received and answered, as server-sent events, for the demo page to show
// step by step (GET /__ims/inspector?client_id=…). It sees the real secrets; the page shortens them on screen.
import { createHash } from 'node:crypto';

/** BASE64URL(SHA256(verifier)), RFC 7636's S256. */
export const s256 = (verifier) => createHash('sha256').update(verifier).digest('base64url');

export function createInspector() {
  const listeners = new Set();
  /** The challenge of each sign-in by state, then by code once IMS has answered with one. */
  const challenges = new Map();

  /** The latest events, for a page that comes back from IMS (a full-page sign-in) and asks for what it missed. */
  const recent = [];
  /** Each event's number, so a page that asks for what it missed can leave out what it has shown already. */
  let seq = 0;
  const note = (clientId, type, data = {}, at = Date.now()) => {
    const event = { type, clientId, at, ...data, seq: ++seq };
    recent.push(event);
    if (recent.length > 200) recent.shift();
    for (const l of listeners)
      if (!l.clientId || l.clientId === clientId) l.res.write(`data: ${JSON.stringify(event)}\n\n`);
  };

  return {
    note,

    /**
     * An EventSource connection: every event from now on, of one client id when the query names one; with
     * `since` (epoch ms), the recent ones after it first. `headers`: who may read it (server.mjs).
     */
    serve(req, res, url, headers = {}) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', ...headers });
      res.write(': the local IMS flow inspector\n\n');
      const listener = { res, clientId: url.searchParams.get('client_id') };
      const since = Number(url.searchParams.get('since'));
      for (const e of since ? recent : []) {
        if (e.at > since && (!listener.clientId || e.clientId === listener.clientId)) {
          res.write(`data: ${JSON.stringify(e)}\n\n`);
        }
      }
      listeners.add(listener);
      req.on('close', () => listeners.delete(listener));
    },

    authorize(clientId, params) {
      challenges.set(params.state, { challenge: params.code_challenge, method: params.code_challenge_method });
      note(clientId, 'authorize', params);
    },

    /** IMS sends the browser back to the redirect URI: with a code (remembered with its challenge) or an error. */
    answer(clientId, location) {
      const q = location.searchParams;
      if (q.has('code')) challenges.set(q.get('code'), challenges.get(q.get('state')));
      note(clientId, 'answer', { redirect_uri: location.origin + location.pathname, ...Object.fromEntries(q) });
    },

    /**
     * The token request, with the check IMS made: S256 of the verifier against the challenge of its code. `at`: when
     * it arrived, since the page's token event can come before the answer's end is noted.
     */
    token(clientId, form, status, at) {
      const pkce = challenges.get(form.get('code'));
      const verifier = form.get('code_verifier') ?? '';
      note(clientId, 'token', {
        code: form.get('code'),
        code_verifier: verifier,
        redirect_uri: form.get('redirect_uri'),
        status,
        challenge: pkce?.challenge,
        method: pkce?.method,
        s256: s256(verifier),
        at,
      });
    },

    /** Tells of a token, userinfo or revoke request, once it is answered; other requests are left alone. */
    watch(req, res, url, clientId) {
      const kind = { '/ims/token/v3': 'token', '/ims/userinfo/v2': 'userinfo', '/ims/revoke': 'revoke' }[url.pathname];
      if (!kind || req.method !== (kind === 'userinfo' ? 'GET' : 'POST')) return;
      const arrived = Date.now();
      const body = kind === 'userinfo' ? Promise.resolve(null) : this.body(req);
      res.once('finish', async () => {
        const form = await body;
        if (kind === 'token') this.token(clientId, form, res.statusCode, arrived);
        else note(clientId, kind, { status: res.statusCode, token: form?.get('token') ?? undefined });
      });
    },

    /**
     * The body of a request as oidc-provider reads it (through `req.iterator`), without taking it from oidc-provider:
     * resolves once it has been read.
     */
    body(req) {
      return new Promise((resolve) => {
        const iterator = req.iterator.bind(req);
        req.iterator = (options) =>
          (async function* () {
            const chunks = [];
            for await (const chunk of iterator(options)) {
              chunks.push(chunk);
              yield chunk;
            }
            resolve(new URLSearchParams(Buffer.concat(chunks).toString()));
          })();
      });
    },

    close() {
      for (const l of listeners) l.res.end();
    },
  };
}
