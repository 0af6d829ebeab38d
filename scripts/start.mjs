// `npm start`: builds the package, serves the demo at http://localhost:8000 and, unless ADOBE_CLIENT_ID points the demo
// at real Adobe IMS, a local IMS at http://localhost:8001. Ctrl-C stops both.
//
// Environment: DEMO_PORT, IMS_PORT; ADOBE_CLIENT_ID and ADOBE_IMS_ENV (prod | stage) for real IMS;
// DEMO_REDIRECT_URI when the demo is reached under another origin (an https proxy, say);
// local IMS switches: IMS_COOP=1, IMS_AUTO=1, IMS_TOKEN_DELAY_MS=…, IMS_TOKEN_FAILURE=500|429|html.
import { execFileSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { startLocalIms, TEST_USER } from '../local-ims/server.mjs';
import { CLIENT_ID as EXAMPLES_CLIENT_ID, redirectUris as exampleRedirectUris } from '../examples/apps.mjs';

const env = process.env;
const demoPort = Number(env.DEMO_PORT ?? 8000);
const imsPort = Number(env.IMS_PORT ?? 8001);
const demoOrigin = `http://localhost:${demoPort}`;
const redirectUri = env.DEMO_REDIRECT_URI ?? `${demoOrigin}/redirect.html`;
const realClientId = env.ADOBE_CLIENT_ID;

execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });

let ims;
if (!realClientId) {
  ims = await startLocalIms({
    port: imsPort,
    clients: [
      { client_id: 'adobe-auth-demo', redirect_uris: [redirectUri] },
      // The example apps (examples/) sign in against this IMS too, each on its own port.
      { client_id: EXAMPLES_CLIENT_ID, redirect_uris: exampleRedirectUris },
    ],
    switches: {
      coop: env.IMS_COOP === '1',
      auto: env.IMS_AUTO === '1',
      tokenDelayMs: Number(env.IMS_TOKEN_DELAY_MS ?? 0),
      tokenFailure: env.IMS_TOKEN_FAILURE || undefined,
    },
  });
}

const config = realClientId
  ? { clientId: realClientId, environment: env.ADOBE_IMS_ENV === 'stage' ? 'stage' : 'prod', redirectUri }
  : {
      clientId: 'adobe-auth-demo',
      imsOrigin: ims.origin,
      redirectUri,
      testUser: { email: TEST_USER.email, password: TEST_USER.password },
    };

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
const roots = { '/dist/': resolve('dist'), '/': resolve('demo') };

const demo = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, demoOrigin).pathname);
  if (path === '/config.js') {
    res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
    return res.end(`export default ${JSON.stringify(config)};\n`);
  }
  const prefix = path.startsWith('/dist/') ? '/dist/' : '/';
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
  createReadStream(file).pipe(res);
});
await new Promise((ok, fail) => demo.once('error', fail).listen(demoPort, '127.0.0.1', ok));

console.log(`\nDemo:      ${demoOrigin}`);
if (ims) {
  console.log(`Local IMS: ${ims.origin}  (sign in as ${TEST_USER.email} / ${TEST_USER.password})`);
} else {
  console.log(`Adobe IMS: ${config.environment}, client id ${realClientId}, redirect URI ${redirectUri}`);
}
console.log('Ctrl-C stops.\n');

const stop = async () => {
  demo.closeAllConnections();
  demo.close();
  await ims?.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
