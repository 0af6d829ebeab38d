// Size of the CDN bundle beside other browser OAuth/OIDC clients, each bundled the same way (esbuild, minified,
// browser, ESM) from an entry that imports only its client class; gzip at level 9.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { KIT, bundle } from './support.mjs';

const peers = [
  ['oidc-client-ts', 'UserManager'],
  ['@auth0/auth0-spa-js', 'Auth0Client'],
  ['@azure/msal-browser', 'PublicClientApplication'],
];

const version = (pkg) => JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')).version;

export async function measureSize() {
  const self = JSON.parse(readFileSync('package.json', 'utf8'));
  const rows = [[`${self.name} (CDN bundle, Lit included)`, self.version, readFileSync(KIT)]];
  for (const [pkg, name] of peers) {
    rows.push([`${pkg} (${name})`, version(pkg), await bundle(`export { ${name} } from '${pkg}';`)]);
  }
  return rows.map(([what, v, bytes]) => ({
    bundle: what,
    version: v,
    'min bytes': bytes.length,
    'gzip -9 bytes': gzipSync(bytes, { level: 9 }).length,
  }));
}
