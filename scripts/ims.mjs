// `npm run ims`: the local IMS alone, for a developer's own app, with the clients (credentials) the command line
// registers. It prints the tags to paste, filled in, and the test user. Only the IMS: it needs no build of the kit.
// `npm run ims -- --help` says how.
import { parseArgs } from 'node:util';
import { startLocalIms, switchesFromEnvironment, TEST_USER } from '../local-ims/server.mjs';
import { exactly } from '../local-ims/redirect-uris.mjs';

/** Without --client-id: a client whose redirect page may be any page of a dev server on this machine. */
const DEFAULT_CLIENT = {
  id: 'my-app',
  uris: [],
  patterns: ['^http://(localhost|127\\.0\\.0\\.1)(:\\d+)?/'],
  // The port of Adobe's own sample app.
  fallback: 'http://localhost:8000/redirect.html',
};
const SCRIPT_SRC = '/vendor/adobe-auth-elements.js';

const usage = `npm run ims -- [--client-id ID [--redirect-uri URL]... [--redirect-uri-pattern REGEX]...
                            [--default-redirect-uri URL]]... [--port N]

The local IMS alone: Adobe IMS's sign-in (OAuth 2.0 code flow with PKCE, IMS's paths and answers) at
http://localhost:8001 with a test user, for your own app's <adobe-sign-in ims-origin="http://localhost:8001">.
It prints the tags to paste.

  --client-id ID                registers a client (a credential); repeat it for several clients
  --redirect-uri URL            a redirect URI of the client named before it, matched exactly; repeatable
  --redirect-uri-pattern REGEX  a Redirect URI Pattern of that client: a regular expression, as in Developer
                                Console; repeatable
  --default-redirect-uri URL    where IMS answers a redirect_uri that no pattern matches (default: the first
                                --redirect-uri; needed when the client has patterns only)
  --port N                      its port (default 8001; 0 picks a free one)
  -h, --help                    this text

Without --client-id it registers client "${DEFAULT_CLIENT.id}": its pattern ${DEFAULT_CLIENT.patterns[0]} lets any
page on this machine's http://localhost be its redirect page; Default Redirect URI ${DEFAULT_CLIENT.fallback}.

Environment, as for npm start: IMS_AUTO=1 (signs the test user in without screens), IMS_COOP=1 (its pages send
Cross-Origin-Opener-Policy), IMS_TOKEN_DELAY_MS=… (the token endpoint answers late), IMS_TOKEN_FAILURE=500|429|html
(the token endpoint fails). POST /__ims/switches?client_id=… changes one client's switches while it runs.

Example:
  npm run ims -- --client-id my-app --redirect-uri http://localhost:5173/redirect.html \\
                 --redirect-uri http://localhost:5173/auth/done.html`;

const fail = (message) => {
  console.error(`npm run ims: ${message}\n(npm run ims -- --help says how)`);
  process.exit(2);
};

/** The clients and port the command line asks for; each --client-id starts a client, the rest add to it. */
function readCommandLine(args) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      tokens: true,
      options: {
        'client-id': { type: 'string', multiple: true },
        'redirect-uri': { type: 'string', multiple: true },
        'redirect-uri-pattern': { type: 'string', multiple: true },
        'default-redirect-uri': { type: 'string', multiple: true },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail(e.message);
  }
  const clients = [];
  for (const { kind, name, value } of parsed.tokens) {
    if (kind !== 'option' || name === 'port' || name === 'help') continue;
    if (name === 'client-id') {
      if (!value) fail('--client-id needs a client id');
      clients.push({ id: value, uris: [], patterns: [], fallback: undefined });
      continue;
    }
    const client = clients.at(-1);
    if (!client) fail(`--${name} belongs to a client: put a --client-id before it`);
    if (name === 'redirect-uri-pattern') {
      try {
        new RegExp(value);
      } catch (e) {
        fail(`--redirect-uri-pattern ${value}: ${e.message}`);
      }
      client.patterns.push(value);
      continue;
    }
    if (!URL.canParse(value)) fail(`--${name} ${value}: not an absolute URL`);
    if (name === 'redirect-uri') client.uris.push(value);
    else if (client.fallback) fail(`client ${client.id} has two --default-redirect-uri`);
    else client.fallback = value;
  }
  for (const c of clients) {
    if (!c.uris.length && !c.patterns.length) fail(`client ${c.id} needs a --redirect-uri (or a pattern)`);
    if (!c.uris.length && !c.fallback) fail(`client ${c.id} has patterns only: give its --default-redirect-uri`);
  }
  const port = Number(parsed.values.port ?? 8001);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${parsed.values.port}: not a port`);
  return { help: !!parsed.values.help, clients: clients.length ? clients : [DEFAULT_CLIENT], port };
}

const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** What to paste for one client: its page's tags and its redirect page's. */
const tagsFor = (c, imsOrigin) => {
  const redirectUri = c.uris[0] ?? c.fallback;
  const script = `<script type="module" src="${SCRIPT_SRC}"></script>`;
  return [
    `Client ${c.id}`,
    ...c.uris.map((u) => `  Redirect URI          ${u}`),
    ...c.patterns.map((p) => `  Redirect URI Pattern  ${p}`),
    `  Default Redirect URI  ${c.fallback ?? c.uris[0]}`,
    '',
    c.patterns.length ? 'Your page (redirect-uri may be any URL its patterns match):' : 'Your page:',
    script,
    `<adobe-sign-in client-id="${attr(c.id)}" redirect-uri="${attr(redirectUri)}" ims-origin="${imsOrigin}"></adobe-sign-in>`,
    '',
    `Your redirect page (${redirectUri}):`,
    '<meta name="referrer" content="no-referrer" />',
    script,
    '<adobe-auth-redirect></adobe-auth-redirect>',
    '',
  ];
};

const { help, clients, port } = readCommandLine(process.argv.slice(2));
if (help) {
  console.log(usage);
  process.exit(0);
}

let ims;
try {
  ims = await startLocalIms({
    port,
    controls: true,
    inspector: true,
    clients: clients.map((c) => ({
      client_id: c.id,
      redirect_uris: c.uris,
      redirect_uri_patterns: [...c.uris.map(exactly), ...c.patterns],
      default_redirect_uri: c.fallback ?? c.uris[0],
    })),
    switches: switchesFromEnvironment(process.env),
  });
} catch (e) {
  if (e.code !== 'EADDRINUSE') throw e;
  console.error(`npm run ims: port ${port} is taken (by npm start, or another npm run ims?): --port picks another`);
  process.exit(1);
}

const on = Object.entries(switchesFromEnvironment(process.env)).filter(([, v]) => v);
console.log(
  [
    `Local IMS: ${ims.origin}`,
    `Test user: ${TEST_USER.email} / ${TEST_USER.password}`,
    ...(on.length ? [`Switches:  ${on.map(([k, v]) => (v === true ? k : `${k}=${v}`)).join(', ')}`] : []),
    '',
    `Serve adobe-auth-elements/dist/cdn/adobe-auth-elements.js (from npm install adobe-auth-elements) at ${SCRIPT_SRC}.`,
    '',
    ...clients.flatMap((c) => tagsFor(c, ims.origin)),
    'Ctrl-C stops it.',
  ].join('\n'),
);

const stop = async () => {
  await ims.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
