// What the benchmarks share: a static server for the pages under bench/site/ and the bundles they load, a proxy that
// delays every request to the OpenID Provider, statistics, and tables.
import { build } from 'esbuild';
import { terse } from '../esbuild.mjs';
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { extname, join } from 'node:path';
import os from 'node:os';

/** The CDN file measured: this build's, or another one's (`BENCH_KIT=path`, to compare with an older version). */
export const KIT = process.env.BENCH_KIT ?? 'dist/cdn/adobe-auth-elements.js';

/** Bundles a module the way a page would load it, and as the CDN file is built: esbuild, then terser's passes. */
export const bundle = async (contents, resolveDir = process.cwd()) => {
  const out = await build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    write: false,
    logLevel: 'error',
  });
  return Buffer.from(await terse(out.outputFiles[0].text));
};

const types = { '.html': 'text/html', '.js': 'text/javascript' };

/** Serves bench/site/ (`{{…}}` in HTML filled from `vars`) and `files` (path → bytes); resolves once listening. */
export const serveSite = (port, vars, files) => {
  const server = createServer((req, res) => {
    const url = new URL(req.url, `http://localhost:${port}`);
    if (files[url.pathname]) {
      return res
        .writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' })
        .end(files[url.pathname]);
    }
    let text;
    try {
      text = readFileSync(join('bench/site', url.pathname.replace(/\.\./g, '')), 'utf8');
    } catch {
      return res.writeHead(404).end();
    }
    for (const [k, v] of Object.entries(vars(url))) text = text.replaceAll(`{{${k}}}`, v);
    res
      .writeHead(200, { 'content-type': types[extname(url.pathname)] ?? 'text/plain', 'cache-control': 'no-store' })
      .end(text);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
};

/** A proxy to `target` (a port) that holds every request `delayMs` before passing it on. */
export const delayProxy = (port, target, delayMs) => {
  const server = createServer((req, res) => {
    setTimeout(() => {
      const upstream = request(
        { host: '127.0.0.1', port: target, path: req.url, method: req.method, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode, r.headers);
          r.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    }, delayMs);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
};

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** The middle half: the 25th and 75th percentiles. */
export const quartiles = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.round(q * (s.length - 1)))];
  return [at(0.25), at(0.75)];
};

/** A Markdown table; columns after the first `left` are right-aligned. */
export const table = (rows, left = 1) => {
  const cols = Object.keys(rows[0]);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) =>
    '| ' +
    cells.map((c, i) => (i < left ? String(c).padEnd(width[i]) : String(c).padStart(width[i]))).join(' | ') +
    ' |';
  return [
    line(cols),
    '|' + width.map((w, i) => (i < left ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|') + '|',
    ...rows.map((r) => line(cols.map((c) => r[c]))),
  ].join('\n');
};

/** This machine, for the results file. */
export const machine = (browserVersion) =>
  `${os.cpus()[0]?.model.trim() ?? 'unknown CPU'} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
  `${os.type()} ${os.release()}, Node ${process.versions.node}, Chromium ${browserVersion}`;
