// `npm start`: builds the package, serves the demo at http://localhost:8000 (https with `--https` or DEMO_HTTPS=1)
// and, unless ADOBE_CLIENT_ID points the demo at real Adobe IMS, a local IMS at http://localhost:8001 with its flow
// inspector. Ctrl-C stops both.
//
// Environment: DEMO_PORT, IMS_PORT; DEMO_HTTPS=1; ADOBE_CLIENT_ID and ADOBE_IMS_ENV (prod | stage) for real IMS;
// DEMO_REDIRECT_URI when the demo is reached under another origin (a proxy, say);
// local IMS switches: IMS_COOP=1, IMS_AUTO=1, IMS_TOKEN_DELAY_MS=…, IMS_TOKEN_FAILURE=500|429|html.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { extname, join, normalize, resolve } from 'node:path';
import { startLocalIms, TEST_USER } from 'adobe-local-ims';
import { switchesFromEnvironment } from '../local-ims/switches.mjs';
import { CLIENT_ID as EXAMPLES_CLIENT_ID, redirectUris as exampleRedirectUris } from '../examples/apps.mjs';
import { localhostCertificate } from './certificate.mjs';

const env = process.env;
const https = process.argv.includes('--https') || env.DEMO_HTTPS === '1';
const demoPort = Number(env.DEMO_PORT ?? 8000);
const imsPort = Number(env.IMS_PORT ?? 8001);
const scheme = https ? 'https' : 'http';
const demoOrigin = `${scheme}://localhost:${demoPort}`;
const redirectUri = env.DEMO_REDIRECT_URI ?? `${demoOrigin}/redirect.html`;
const realClientId = env.ADOBE_CLIENT_ID;
const DEMO_CLIENT_ID = 'adobe-auth-demo';

// DEMO_SKIP_BUILD=1 (the demo's tests) serves dist/ as built: a rebuild empties dist/ while other tests read it.
if (!(env.DEMO_SKIP_BUILD === '1' && existsSync('dist/cdn/adobe-auth-elements.js'))) {
  execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
}

let ims;
if (!realClientId) {
  ims = await startLocalIms({
    port: imsPort,
    controls: true,
    inspector: true,
    clients: [
      // As Adobe's docs register their sample: the page's URL, and 127.0.0.1 as the default.
      {
        clientId: DEMO_CLIENT_ID,
        redirectUris: [redirectUri, `${scheme}://127.0.0.1:${demoPort}/redirect.html`],
        defaultRedirectUri: env.DEMO_REDIRECT_URI ?? `${scheme}://127.0.0.1:${demoPort}/redirect.html`,
      },
      // The example apps (examples/) sign in against this IMS too, each on its own port.
      { clientId: EXAMPLES_CLIENT_ID, redirectUris: exampleRedirectUris },
    ],
    switches: switchesFromEnvironment(env),
  });
}

const config = realClientId
  ? { clientId: realClientId, environment: env.ADOBE_IMS_ENV === 'stage' ? 'stage' : 'prod', redirectUri }
  : {
      clientId: DEMO_CLIENT_ID,
      imsOrigin: ims.origin,
      redirectUri,
      testUser: { email: TEST_USER.email, password: TEST_USER.password },
    };

/** The sign-in page shows the tag as it is pasted: the server fills in what differs between local and real IMS. */
const fill = (html) =>
  html
    .replaceAll('{{client-id}}', config.clientId)
    .replaceAll('{{redirect-uri}}', config.redirectUri)
    .replaceAll(
      '{{ims-attribute}}',
      config.imsOrigin ? `ims-origin="${config.imsOrigin}"` : `environment="${config.environment}"`,
    );

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
// The page loads the CDN file as a page of yours would: /vendor/adobe-auth-elements.js, with its translations beside it.
const roots = { '/vendor/': resolve('dist/cdn'), '/': resolve('demo') };

const handle = (req, res) => {
  const path = decodeURIComponent(new URL(req.url, demoOrigin).pathname);
  if (path === '/config.js') {
    res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
    return res.end(`export default ${JSON.stringify(config)};\n`);
  }
  const prefix = path.startsWith('/vendor/') ? '/vendor/' : '/';
  const root = roots[prefix];
  let file = normalize(join(root, path.slice(prefix.length)));
  try {
    if (!file.startsWith(root)) throw new Error('outside');
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    statSync(file);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    return res.end('Not found');
  }
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  if (file.endsWith('.html')) return res.end(fill(readFileSync(file, 'utf8')));
  createReadStream(file).pipe(res);
};

const demo = https ? createHttpsServer(await localhostCertificate(), handle) : createHttpServer(handle);
await new Promise((ok, fail) => demo.once('error', fail).listen(demoPort, '127.0.0.1', ok));

console.log(`\nDemo:      ${demoOrigin}`);
if (ims) {
  console.log(`Local IMS: ${ims.origin}  (sign in as ${TEST_USER.email} / ${TEST_USER.password})`);
} else {
  console.log(`Adobe IMS: ${config.environment}, client id ${realClientId}, redirect URI ${redirectUri}`);
}
if (https) console.log('The certificate is self-signed (.certs/): the browser asks once to accept it.');
console.log('Ctrl-C stops.\n');

const stop = async () => {
  demo.closeAllConnections();
  demo.close();
  await ims?.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
