#!/usr/bin/env node
// `adobe-local-ims` (`npx adobe-local-ims`, or `npm run ims` in the kit's own repository): the local IMS for a
// developer's own app, with the clients (credentials) the command line registers. It prints the tags to paste, filled
// in, how to load the kit from the app's node_modules, and the user who signs in. `adobe-local-ims --help` says how.
import { parseArgs } from 'node:util';
import { LocalImsError, startLocalIms } from './server.mjs';
import { switchesFromEnvironment } from './switches.mjs';
import { TEST_USER } from './accounts.mjs';

/** Without --client-id: a client whose redirect page may be any page of a dev server on this machine. */
const DEFAULT_CLIENT = {
  id: 'my-app',
  uris: [],
  patterns: ['^http://(localhost|127\\.0\\.0\\.1)(:\\d+)?/'],
  // The port of Adobe's own sample app.
  fallback: 'http://localhost:8000/redirect.html',
};
const SCRIPT_SRC = '/vendor/adobe-auth-elements.js';

const usage = `adobe-local-ims [--client-id ID [--redirect-uri URL]... [--redirect-uri-pattern REGEX]...
                 [--default-redirect-uri URL]]... [--port N] [--auto] [--user-name NAME] [--user-email EMAIL]

A local stand-in for Adobe IMS (OAuth 2.0 code flow with PKCE, IMS's paths and answers) at http://localhost:8001,
for your app's <adobe-sign-in ims-origin="http://localhost:8001">. No Adobe account needed. It prints the tags to
paste.

  --client-id ID                registers a client (a credential); repeat it for several clients
  --redirect-uri URL            a redirect URI of the client named before it, matched exactly; repeatable
  --redirect-uri-pattern REGEX  a Redirect URI Pattern of that client: a regular expression, as in Developer
                                Console; repeatable
  --default-redirect-uri URL    where IMS answers a redirect_uri that no pattern matches (default: the first
                                --redirect-uri; needed when the client has patterns only)
  --port N                      its port (default 8001; 0 picks a free one)
  --auto                        IMS's screens pass without input: the user is signed in and consents (IMS_AUTO=1)
  --user-name NAME              the name of the user who signs in (default: ${TEST_USER.name})
  --user-email EMAIL            their email, which the sign-in screen takes (default: ${TEST_USER.email})
  -h, --help                    this text

Without --client-id it registers client "${DEFAULT_CLIENT.id}": its pattern ${DEFAULT_CLIENT.patterns[0]} lets any
page on this machine's http://localhost be its redirect page; Default Redirect URI ${DEFAULT_CLIENT.fallback}.

Environment: IMS_AUTO=1 (as --auto), IMS_COOP=1 (its pages send Cross-Origin-Opener-Policy), IMS_TOKEN_DELAY_MS=…
(the token endpoint answers late), IMS_TOKEN_FAILURE=500|429|html (the token endpoint fails).
POST /__ims/switches?client_id=… from a client's page changes one client's switches while it runs.

Example:
  npx adobe-local-ims --client-id my-app --redirect-uri http://localhost:5173/redirect.html --auto`;

/** A refusal: one line, and where to read how; exits with 2. */
const fail = (message) => {
  console.error(`adobe-local-ims: ${message}\n(adobe-local-ims --help says how)`);
  process.exit(2);
};

/** The clients, port and user the command line asks for; each --client-id starts a client, the rest add to it. */
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
        auto: { type: 'boolean' },
        'user-name': { type: 'string' },
        'user-email': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail(e.message);
  }
  const clients = [];
  for (const { kind, name, value } of parsed.tokens) {
    if (kind !== 'option' || !/redirect-uri|client-id/.test(name)) continue;
    if (name === 'client-id') {
      if (!value) fail('--client-id needs a client id');
      clients.push({ id: value, uris: [], patterns: [], fallback: undefined });
      continue;
    }
    const client = clients.at(-1);
    if (!client) fail(`--${name} belongs to a client: put a --client-id before it`);
    if (name === 'redirect-uri-pattern') client.patterns.push(value);
    else if (name === 'redirect-uri') client.uris.push(value);
    else if (client.fallback) fail(`client ${client.id} has two --default-redirect-uri`);
    else client.fallback = value;
  }
  const { port = '8001', auto, help } = parsed.values;
  // A plain number: `0x50` or `8e3` is not a port anyone meant.
  if (!/^\d{1,5}$/.test(port)) fail(`--port ${port}: not a port (a number from 0 to 65535; 0 picks a free one)`);
  const name = parsed.values['user-name'];
  const email = parsed.values['user-email'];
  if (email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(email)) fail(`--user-email ${email}: not an email address`);
  const user = {
    ...(name && { name, given_name: name.split(' ')[0], family_name: name.split(' ').slice(1).join(' ') }),
    ...(email && { email }),
  };
  return { help: !!help, clients: clients.length ? clients : [DEFAULT_CLIENT], port: Number(port), auto, user };
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

const { help, clients, port, auto, user } = readCommandLine(process.argv.slice(2));
if (help) {
  console.log(usage);
  process.exit(0);
}

const switches = switchesFromEnvironment(process.env);
let ims;
try {
  ims = await startLocalIms({
    port,
    controls: true,
    inspector: true,
    clients: clients.map((c) => ({
      clientId: c.id,
      redirectUris: c.uris,
      redirectUriPatterns: c.patterns,
      defaultRedirectUri: c.fallback,
    })),
    user,
    autoSignIn: !!auto,
    switches,
  });
} catch (e) {
  if (e instanceof LocalImsError) fail(e.message);
  if (e.code === 'EADDRINUSE')
    fail(`port ${port} is taken (by another local IMS, or npm start?): --port picks another`);
  throw e;
}

const signsIn = { ...TEST_USER, ...user };
const on = Object.entries({ ...switches, auto: auto || switches.auto }).filter(([, v]) => v);
console.log(
  [
    `Local IMS: ${ims.origin}`,
    `User:      ${signsIn.name}, ${signsIn.email} / ${signsIn.password}`,
    ...(on.length ? [`Switches:  ${on.map(([k, v]) => (v === true ? k : `${k}=${v}`)).join(', ')}`] : []),
    '',
    "Load the kit from your app's own node_modules (npm install adobe-auth-elements):",
    "  a bundled app (Vite, Next.js, …): import 'adobe-auth-elements/define'; the tags below, without the script",
    `  a plain page: serve node_modules/adobe-auth-elements/dist/cdn/ at ${SCRIPT_SRC.replace(/[^/]*$/, '')}`,
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
