// Test-server middleware: what the browser sends where, for the security tests.
// - GET /probe/referer/<id>.gif records the request's Referer; GET /probe/referer/<id> lists them.
// - /ims/* is proxied to a local IMS reached on this very origin (for pages whose CSP allows 'self' only).
// - GET /probe/slow-module.js?ms=… answers an empty module that late, as a slow import of a page's own script.
import { request } from 'node:http';

const referers = new Map();
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export async function refererProbe(ctx, next) {
  const m = /^\/probe\/referer\/([\w-]+)(\.gif)?$/.exec(ctx.path);
  if (!m) return next();
  if (!referers.has(m[1])) referers.set(m[1], []);
  if (m[2]) {
    referers.get(m[1]).push(ctx.get('referer'));
    ctx.type = 'image/gif';
    ctx.set('cache-control', 'no-store');
    ctx.body = GIF;
  } else {
    ctx.body = referers.get(m[1]);
  }
}

/** Proxies `/ims/` on this origin to a local IMS (its issuer names this origin) on the port `port()` gives. */
export const sameOriginIms = (port) =>
  async function sameOriginImsProxy(ctx, next) {
    if (!ctx.path.startsWith('/ims/')) return next();
    ctx.respond = false;
    await new Promise((resolve) => {
      const upstream = request(
        { host: '127.0.0.1', port: port(), path: ctx.url, method: ctx.method, headers: ctx.req.headers },
        (res) => {
          ctx.res.writeHead(res.statusCode, res.headers);
          res.pipe(ctx.res).on('finish', resolve);
        },
      );
      upstream.on('error', () => (ctx.res.writeHead(502).end(), resolve()));
      ctx.req.pipe(upstream);
    });
  };

export async function slowModule(ctx, next) {
  if (ctx.path !== '/probe/slow-module.js') return next();
  await new Promise((r) => setTimeout(r, Number(ctx.query.ms ?? 1000)));
  ctx.type = 'text/javascript';
  ctx.set('cache-control', 'no-store');
  ctx.body = 'export {};\n';
}

/** A page of the test server under /probe/kit/<case>/: the same page, whose kit finds its translations file doing <case>. */
const KIT_CASE = /^\/probe\/kit\/([\w-]+)(\/.*)$/;
/** The kit's translations file, as the sources and the CDN file name it. */
const TRANSLATIONS = /^\/(src\/translations\.ts|dist\/cdn\/adobe-auth-elements\.translations\.js)$/;

/**
 * Any file of the test server, under /probe/kit/<case>/ (`/probe/kit/404/test/fixtures/start.html`), with the kit's
 * translations file doing <case> there: `404`; `mime` (the file as text/plain, which browsers refuse to run as a
 * module); `slow` (the file, 3 s late); `hang` (no answer until the page goes); `throws` (a module that throws as it
 * loads); `stale` (a module from before translations had a version: no `translate`); `other-version` (a working
 * `translate`, another version's); `hostile` (this version, labels that are not strings); `broken` (this version,
 * `translate` throws); anything else: the file as built. The kit of such a page loads from under the same prefix
 * (its imports are relative), so its translations file is the case's, and no cache holds another case's.
 */
export const translationsProbe = (version) =>
  async function translationsFile(ctx, next) {
    const [, kind, path] = KIT_CASE.exec(ctx.path) ?? [];
    if (!kind) return next();
    ctx.url = path + ctx.search;
    if (!TRANSLATIONS.test(path)) return next();
    const german = JSON.stringify({ locale: 'de_DE', labels: { signin: 'Mit Adobe anmelden', signout: 'Abmelden' } });
    const modules = {
      throws: `throw new Error('a broken translations file');`,
      stale: `export const languages = { de: ['de_DE', { signin: 'Mit Adobe anmelden' }] };`,
      'other-version': `export const version = '0.0.0-other'; export const translate = () => (${german});`,
      hostile: `export const version = ${JSON.stringify(version)};
        export const translate = () => ({ locale: 'de_DE', labels: { signin: { toString: () => 'Mit Adobe anmelden' } } });`,
      broken: `export const version = ${JSON.stringify(version)};
        export const translate = () => { throw new Error('no labels'); };`,
    };
    if (kind === 'hang') {
      ctx.respond = false;
      return new Promise((r) => ctx.res.once('close', r));
    }
    if (kind === '404') {
      ctx.status = 404;
      ctx.body = 'Not found';
    } else if (modules[kind]) {
      ctx.type = 'text/javascript';
      ctx.body = modules[kind];
    } else {
      if (kind === 'slow') await new Promise((r) => setTimeout(r, 3000));
      await next();
      if (kind === 'mime') ctx.type = 'text/plain';
    }
  };

/**
 * - POST /probe/hold takes a request and never answers it (until the page goes): a beacon that stays in flight.
 * - /probe/status/<code> answers that status, readable by any origin (CORS, preflights too).
 * - /probe/redirect?to=<url> redirects (307) there.
 */
export async function heldAndRedirected(ctx, next) {
  if (ctx.path === '/probe/hold') {
    ctx.respond = false;
    return new Promise((r) => ctx.res.once('close', r));
  }
  const status = /^\/probe\/status\/(\d{3})$/.exec(ctx.path)?.[1];
  if (status) {
    ctx.set('access-control-allow-origin', ctx.get('origin') || '*');
    ctx.set('access-control-allow-headers', 'authorization, x-api-key');
    ctx.set('cache-control', 'no-store');
    ctx.status = ctx.method === 'OPTIONS' ? 204 : Number(status);
    ctx.body = ctx.method === 'OPTIONS' ? '' : '{"error_code":"401013","message":"Oauth token is not valid"}';
    return;
  }
  if (ctx.path === '/probe/redirect') {
    ctx.status = 307;
    ctx.set('location', ctx.query.to);
    return;
  }
  return next();
}
