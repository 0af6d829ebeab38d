// Size of the CDN bundle beside other browser OAuth/OIDC clients, each bundled the same way
// (esbuild, minified, browser, ESM) from an entry that imports only its client class; gzip at level 9.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });

const peers = [
  ['oidc-client-ts', 'UserManager'],
  ['@auth0/auth0-spa-js', 'Auth0Client'],
  ['@azure/msal-browser', 'PublicClientApplication'],
];

const bundle = async (contents) => {
  const out = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    write: false,
    logLevel: 'error',
  });
  return out.outputFiles[0].contents;
};

const version = (pkg) => JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')).version;
const self = JSON.parse(readFileSync('package.json', 'utf8'));

const rows = [
  [`${self.name} (CDN bundle, Lit included)`, self.version, readFileSync('dist/cdn/adobe-auth-elements.js')],
];
for (const [pkg, name] of peers) {
  rows.push([`${pkg} (${name})`, version(pkg), await bundle(`export { ${name} } from '${pkg}';`)]);
}

const table = rows.map(([what, v, bytes]) => ({
  bundle: what,
  version: v,
  'min bytes': bytes.length,
  'gzip -9 bytes': gzipSync(bytes, { level: 9 }).length,
}));
const cols = Object.keys(table[0]);
const width = cols.map((c) => Math.max(c.length, ...table.map((r) => String(r[c]).length)));
const line = (cells) =>
  '| ' + cells.map((c, i) => (i < 2 ? c.padEnd(width[i]) : c.padStart(width[i]))).join(' | ') + ' |';
console.log(line(cols));
console.log('|' + width.map((w, i) => (i < 2 ? ':' : '-') + '-'.repeat(w) + (i < 2 ? '-' : ':')).join('|') + '|');
for (const r of table) console.log(line(cols.map((c) => String(r[c]))));
