// Drives the local IMS from Node the way a browser would: follows redirects by hand and keeps cookies.
import { createHash, randomBytes } from 'node:crypto';

export const b64url = (buf) => buf.toString('base64url');
export const pkcePair = () => {
  const verifier = b64url(randomBytes(32));
  return { verifier, challenge: b64url(createHash('sha256').update(verifier).digest()) };
};

export class Browser {
  cookies = new Map();
  async fetch(url, init = {}) {
    const headers = { ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair.split('=');
      if (/expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
    return res;
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

export const exchange = (origin, { clientId, code, verifier, redirectUri, origin: requestOrigin }) =>
  fetch(`${origin}/ims/token/v3?client_id=${encodeURIComponent(clientId)}`, {
    method: 'POST',
    headers: requestOrigin ? { origin: requestOrigin } : {},
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      ...(verifier == null ? {} : { code_verifier: verifier }),
      client_id: clientId,
      redirect_uri: redirectUri,
    }),
  });
