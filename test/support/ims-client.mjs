// Drives the local IMS from Node the way a browser would: follows redirects by hand and keeps cookies.
import { createHash, randomBytes } from 'node:crypto';

export const b64url = (buf) => buf.toString('base64url');
export const pkcePair = () => {
  const verifier = b64url(randomBytes(32));
  return { verifier, challenge: b64url(createHash('sha256').update(verifier).digest()) };
};

export class Browser {
  /** Cookies by name and path, as a browser keeps them: IMS scopes each sign-in's cookies to that sign-in's paths. */
  cookies = new Map();
  async fetch(url, init = {}) {
    const headers = { ...init.headers };
    const { pathname } = new URL(url);
    const sent = [...this.cookies.values()].filter(
      (c) => pathname === c.path || pathname.startsWith(`${c.path}/`) || c.path === '/',
    );
    if (sent.length) headers.cookie = sent.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attributes] = c.split(';');
      const [name, value] = pair.split('=');
      const path = attributes.map((a) => /^\s*path=(.*)$/i.exec(a)?.[1]).find(Boolean) ?? '/';
      if (/expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(`${name} ${path}`);
      else this.cookies.set(`${name} ${path}`, { name, value, path });
    }
    return res;
  }

  hasCookie(name) {
    return [...this.cookies.values()].some((c) => c.name === name);
  }

  /**
   * Follows redirects (and the test mode's self-submitting page) until the browser lands on `until`
   * or a page that is not a redirect. Returns every response on the way.
   */
  async navigate(url, until) {
    const seen = [];
    let res = await this.fetch(url);
    for (let i = 0; i < 20; i++) {
      seen.push({ url, res });
      const location = res.headers.get('location');
      if (location) {
        url = new URL(location, url).href;
        if (until && url.startsWith(until)) return { url, seen };
        res = await this.fetch(url);
        continue;
      }
      const html = res.status === 200 ? await res.text() : '';
      const auto = /<form id="auto" method="post" action="([^"]+)"/.exec(html);
      if (!auto) return { url, seen, html };
      url = new URL(auto[1], url).href;
      res = await this.fetch(url, { method: 'POST' });
    }
    throw new Error('too many redirects');
  }
}

export const authorizeUrl = (origin, p) =>
  `${origin}/ims/authorize/v2?` +
  new URLSearchParams({
    response_type: 'code',
    scope: 'AdobeID,openid',
    state: b64url(randomBytes(16)),
    code_challenge_method: 'S256',
    ...p,
  });

export const exchange = (origin, { clientId, code, verifier, redirectUri, origin: requestOrigin, signal }) =>
  fetch(`${origin}/ims/token/v3?client_id=${encodeURIComponent(clientId)}`, {
    method: 'POST',
    signal,
    headers: requestOrigin ? { origin: requestOrigin } : {},
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      ...(verifier == null ? {} : { code_verifier: verifier }),
      client_id: clientId,
      redirect_uri: redirectUri,
    }),
  });

/**
 * Signs the test user in at a local IMS without screens (the client's auto switch, with `switches` beside it), as
 * far as the code: resolves with it, its verifier and the browser, whose IMS session a next sign-in shares.
 */
export async function codeFor(ims, clientId, { redirectUri, scope, switches = {}, browser = new Browser() }) {
  ims.setSwitches(clientId, { auto: true, ...switches });
  const { verifier, challenge } = pkcePair();
  const start = authorizeUrl(ims.origin, {
    client_id: clientId,
    redirect_uri: redirectUri,
    code_challenge: challenge,
    ...(scope ? { scope } : {}),
  });
  const { url } = await browser.navigate(start, redirectUri);
  return { code: new URL(url).searchParams.get('code'), verifier, browser };
}

/** As codeFor, then the exchange: resolves with the access token and the browser. */
export async function tokenFor(ims, clientId, options) {
  const { code, verifier, browser } = await codeFor(ims, clientId, options);
  const res = await exchange(ims.origin, { clientId, code, verifier, redirectUri: options.redirectUri });
  if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}: ${await res.text()}`);
  return { accessToken: (await res.json()).access_token, browser };
}

/** What a page sends to revoke a token (client_id in the query and the body, as the kit does). */
export const revoke = (origin, clientId, token, headers = {}) =>
  fetch(`${origin}/ims/revoke?client_id=${encodeURIComponent(clientId)}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams({ client_id: clientId, token }),
  });

export const userinfo = (origin, clientId, token, init = {}) =>
  fetch(`${origin}/ims/userinfo/v2?client_id=${encodeURIComponent(clientId)}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
  });

/**
 * The flow inspector's events of one client, as the demo page reads them: `next(type)` resolves with the next event
 * of that type; `close()` hangs up. With `since` (epoch ms), the recent events after it come first, as a page back
 * from IMS asks for them.
 */
export async function inspectorEvents(origin, clientId, { since } = {}) {
  const ctl = new AbortController();
  const query = since ? `&since=${since}` : '';
  const res = await fetch(`${origin}/__ims/inspector?client_id=${encodeURIComponent(clientId)}${query}`, {
    signal: ctl.signal,
  });
  const events = [];
  const waiting = [];
  (async () => {
    let text = '';
    for await (const chunk of res.body.pipeThrough(new TextDecoderStream())) {
      text += chunk;
      let end;
      while ((end = text.indexOf('\n\n')) >= 0) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        if (block.startsWith('data: ')) events.push(JSON.parse(block.slice(6)));
      }
      for (const w of [...waiting]) w();
    }
  })().catch(() => {});
  return {
    next: (type, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${type} event in ${timeoutMs} ms`)), timeoutMs);
        const look = () => {
          const i = events.findIndex((e) => e.type === type);
          if (i < 0) return;
          waiting.splice(waiting.indexOf(look), 1);
          clearTimeout(timer);
          resolve(events.splice(i, 1)[0]);
        };
        waiting.push(look);
        look();
      }),
    close: () => ctl.abort(),
  };
}
