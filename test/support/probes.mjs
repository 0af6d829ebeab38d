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
