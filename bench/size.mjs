// Size of the CDN bundle beside other browser OAuth/OIDC clients, each bundled the same way (esbuild, minified,
// browser, ESM) from an entry that imports only its client class; `gzip -9n`, as the README states sizes.
import { readFileSync } from 'node:fs';
import { CDN_FILES, gzipSize } from '../scripts/gzip-size.mjs';
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
  if (KIT == CDN_FILES.bundle) {
    rows.push([
      `${self.name} translations (a page in another language loads them too)`,
      self.version,
      readFileSync(CDN_FILES.translations),
    ]);
  }
  for (const [pkg, name] of peers) {
    rows.push([`${pkg} (${name})`, version(pkg), await bundle(`export { ${name} } from '${pkg}';`)]);
  }
  return rows.map(([what, v, bytes]) => ({
    bundle: what,
    version: v,
    'min bytes': bytes.length,
    'gzip -9n bytes': gzipSize(bytes),
  }));
}
