// The demo page: the <adobe-sign-in> in index.html as it is, the tag to copy, the local IMS's scenarios, a call to the
// local IMS's stand-in Adobe API with the session's fetch(), and a timeline of what the local IMS received (its
// inspector's events) and what the page got (the element's events).
import { getSession } from '/vendor/adobe-auth-elements.js';
import config from '/config.js';

const $ = (id) => document.getElementById(id);
const signIn = document.querySelector('adobe-sign-in');
const ims =
  config.imsOrigin ??
  (config.environment === 'stage' ? 'https://ims-na1-stg1.adobelogin.com' : 'https://ims-na1.adobelogin.com');
const local = !!config.imsOrigin;

$('where').textContent = local
  ? `Against the local IMS at ${config.imsOrigin}: no Adobe account needed.`
  : `Against Adobe IMS (${config.environment}) as client ${config.clientId}.`;
if (config.testUser) {
  $('email').textContent = config.testUser.email;
  $('password').textContent = config.testUser.password;
  $('credentials').hidden = false;
}

// The tag to copy: the element's own attributes, one per line.
const SHOWN = ['client-id', 'redirect-uri', 'ims-origin', 'environment', 'scope', 'mode', 'end-session'];
const showSnippet = () => {
  const attrs = SHOWN.filter((a) => signIn.hasAttribute(a)).map((a) =>
    signIn.getAttribute(a) ? `  ${a}="${signIn.getAttribute(a)}"` : `  ${a}`,
  );
  $('snippet').textContent =
    `<script type="module" src="/vendor/adobe-auth-elements.js"></script>\n` +
    `<adobe-sign-in\n${attrs.join('\n')}\n></adobe-sign-in>`;
};
$('copy').addEventListener('click', async () => {
  await navigator.clipboard.writeText($('snippet').textContent);
  $('copy').textContent = 'Copied';
  setTimeout(() => ($('copy').textContent = 'Copy'), 1500);
});

$('full-page').checked = sessionStorage.getItem('demo:mode') === 'redirect';
const setMode = () => {
  if ($('full-page').checked) signIn.setAttribute('mode', 'redirect');
  else signIn.removeAttribute('mode');
  sessionStorage.setItem('demo:mode', $('full-page').checked ? 'redirect' : 'popup');
  showSnippet();
};
$('full-page').addEventListener('change', setMode);
setMode();

// end-session: a sign-out also ends the IMS session, so the next sign-in shows IMS's screens again.
$('end-session').checked = sessionStorage.getItem('demo:end-session') === '1';
const setEndSession = () => {
  signIn.toggleAttribute('end-session', $('end-session').checked);
  sessionStorage.setItem('demo:end-session', $('end-session').checked ? '1' : '');
  showSnippet();
};
$('end-session').addEventListener('change', setEndSession);
setEndSession();

// Scenarios: the local IMS's switches for this client id, for the next sign-in.
const SCENARIOS = {
  normal: {},
  cancel: { auto: true, deny: true },
  coop: { coop: true },
  500: { tokenFailure: '500' },
  429: { tokenFailure: '429' },
  html: { tokenFailure: 'html' },
  slow: { tokenDelayMs: 3000 },
};
const setScenario = (name) =>
  fetch(`${ims}/__ims/switches?client_id=${encodeURIComponent(config.clientId)}`, {
    method: 'POST',
    body: new URLSearchParams(Object.entries(SCENARIOS[name]).map(([k, v]) => [k, String(v)])),
  });
if (local) {
  for (const radio of document.querySelectorAll('[name=scenario]')) {
    radio.addEventListener('change', () => setScenario(radio.value));
  }
  void setScenario(document.querySelector('[name=scenario]:checked').value);
} else {
  $('scenarios').hidden = true;
}
/** After one sign-in, the local IMS behaves again. */
const scenarioDone = () => {
  const normal = document.querySelector('[name=scenario][value=normal]');
  if (local && !normal.checked) {
    normal.checked = true;
    void setScenario('normal');
  }
};

// The timeline. It is kept in sessionStorage when the page leaves (a full-page sign-in), and shown again on return,
// with what the local IMS saw meanwhile.
const short = (s) => (typeof s === 'string' && s.length > 16 ? `${s.slice(0, 8)}…${s.slice(-4)}` : s);
let flowStart = 0;
const kept = JSON.parse(sessionStorage.getItem('demo:timeline') ?? 'null');
sessionStorage.removeItem('demo:timeline');
/** The entries shown, as `add` took them, so they can be kept across a navigation. */
let entries = [];
addEventListener('pagehide', () =>
  sessionStorage.setItem('demo:timeline', JSON.stringify({ flowStart, entries, left: Date.now() })),
);
$('clear').addEventListener('click', () => {
  entries = [];
  flowStart = 0;
  $('timeline').replaceChildren();
});
/**
 * Adds an entry to the timeline: who (`ims` or `page`), what, its fields, a check to show, why it is safe. Entries go
 * in the order things happened (`at`, epoch ms): an IMS event may arrive after the page event it caused.
 */
const add = ({ source = 'page', title, fields = {}, check, why, at = Date.now(), seq }) => {
  if (!flowStart) flowStart = at;
  const kept = check instanceof Node ? { ok: check.dataset.ok, text: check.textContent } : check;
  entries.push({ source, title, fields, check: kept, why, at, seq });
  const li = document.createElement('li');
  li.dataset.source = source;
  li.dataset.at = String(at);
  const head = document.createElement('div');
  head.className = 'head';
  const when = document.createElement('span');
  when.className = 'when';
  when.textContent = `+${Math.max(0, at - flowStart)} ms`;
  const who = document.createElement('span');
  who.className = 'who';
  who.textContent = source === 'ims' ? 'IMS' : 'page';
  const what = document.createElement('strong');
  what.textContent = title;
  head.append(when, who, what);
  const dl = document.createElement('dl');
  for (const [k, v] of Object.entries(fields)) {
    if (v == null || v === '') continue;
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = String(v);
    dl.append(dt, dd);
  }
  li.append(head, dl);
  if (check) li.append(check instanceof Node ? check : checkLine(check));
  if (why) {
    const p = document.createElement('p');
    p.className = 'why';
    p.textContent = why;
    li.append(p);
  }
  const later = [...$('timeline').children].find((other) => Number(other.dataset.at) > at);
  $('timeline').insertBefore(li, later ?? null);
  // Followed only while the timeline is in view: the page never jumps away from the button the user is at.
  const { top, bottom } = $('timeline').getBoundingClientRect();
  if (top < innerHeight && bottom > 0) li.scrollIntoView({ block: 'nearest' });
};

const base64url = (bytes) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A check's line: `ok` is 'true' or 'false'. */
const checkLine = ({ ok, text }) => {
  const p = document.createElement('p');
  p.className = 'check';
  p.dataset.ok = ok;
  p.textContent = text;
  return p;
};

/** The PKCE check, made here again from what IMS received: BASE64URL(SHA256(code_verifier)) == code_challenge. */
const pkceCheck = async (verifier, challenge) => {
  const computed = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const ok = !!challenge && computed === challenge;
  return checkLine({
    ok: String(ok),
    text: `BASE64URL(SHA256(code_verifier)) = ${short(computed)} ${ok ? '==' : '≠'} code_challenge ${short(challenge ?? '(none)')} ${ok ? '✓' : '✗'}`,
  });
};

const fromIms = {
  authorize: (e) => ({
    title: 'IMS received the sign-in request (authorize)',
    fields: {
      client_id: e.client_id,
      redirect_uri: e.redirect_uri,
      state: short(e.state),
      code_challenge: short(e.code_challenge),
      code_challenge_method: e.code_challenge_method,
      scope: e.scope,
    },
    why: 'Only the S256 challenge leaves the page; the verifier stays in this tab, for the token request.',
  }),
  screen: (e) => ({
    title:
      e.screen === 'auto'
        ? 'IMS went through its screens by itself (the scenario’s test switch), with no one to type'
        : e.screen.startsWith('social:')
          ? `IMS showed its stand-in for ${e.screen.slice(7)}’s sign-in screen`
          : `IMS showed its ${e.screen} screen`,
  }),
  answer: (e) => ({
    title: e.error
      ? `IMS sent the browser back to the redirect page with an error: ${e.error}`
      : 'IMS sent the browser back to the redirect page with a code',
    fields: { redirect_uri: e.redirect_uri, code: short(e.code), error: e.error, state: short(e.state), iss: e.iss },
    why: 'The redirect page takes the answer only for a state it started, from the IMS it went to (iss).',
  }),
  token: async (e) => ({
    title: 'IMS received the token request',
    fields: { code: short(e.code), code_verifier: short(e.code_verifier), 'IMS answered': `HTTP ${e.status}` },
    check: await pkceCheck(e.code_verifier, e.challenge),
    why: 'Whoever intercepts the code has no verifier: IMS issues the token only when the two match.',
  }),
  userinfo: (e) => ({
    title: 'IMS answered the kit’s userinfo request: who signed in',
    fields: { 'IMS answered': `HTTP ${e.status}` },
    why: 'Asked once per token, after the token event, because the scope names profile and email.',
  }),
  api: (e) => ({
    title: `The stand-in Adobe API answered ${e.method} ${e.path}`,
    fields: {
      authorization: e.authorization?.replace(/^(Bearer\s+)(.*)$/i, (_, b, t) => b + short(t)),
      'x-api-key': e.apiKey,
      'it answered': `HTTP ${e.status}`,
    },
    why: 'session.fetch() added both headers, as Adobe’s APIs require, because this origin is one it may send the token to.',
  }),
  revoke: (e) => ({ title: 'IMS revoked the token', fields: { token: short(e.token) } }),
  logout: (e) => ({ title: 'IMS ended the user’s session', fields: { via: e.via } }),
};
// Back from a full-page sign-in: what was shown before, then what the local IMS saw while the page was away.
if (kept) {
  flowStart = kept.flowStart;
  for (const e of kept.entries) add(e);
}
if (local) {
  // Asked for everything since the flow began, not since the page left: IMS may have received the sign-in request
  // before the page had shown it (its event still on the way when the page went to IMS). What is shown already is
  // known by its number.
  const shown = new Set(kept?.entries.map((e) => e.seq).filter(Boolean));
  const since = kept ? `&since=${(kept.flowStart || kept.left) - 1}` : '';
  const source = new EventSource(`${ims}/__ims/inspector?client_id=${encodeURIComponent(config.clientId)}${since}`);
  source.onmessage = async (m) => {
    const e = JSON.parse(m.data);
    if (shown.has(e.seq)) return;
    const entry = await fromIms[e.type]?.(e);
    if (entry) add({ ...entry, source: 'ims', at: e.at, seq: e.seq });
  };
} else {
  $('inspector-hint').textContent = 'The events this page gets, in order (Adobe IMS sends no inspector events).';
}

// The page's side: the click, and the element's events.
// In the capture phase: before the button's own handler starts the sign-in.
signIn.addEventListener(
  'click',
  () => {
    if (signIn.signedIn || signIn.busy) return;
    flowStart = 0;
    $('failure').hidden = true;
    add({
      title: 'Sign in clicked: the element made a PKCE verifier and a state, and opened IMS',
      fields: { mode: signIn.mode },
    });
  },
  { capture: true },
);
signIn.addEventListener('token', (e) => {
  add({
    title: 'token event',
    fields: { accessToken: short(e.detail.accessToken), expiresIn: `${e.detail.expiresIn} s`, scope: e.detail.scope },
  });
  scenarioDone();
});
signIn.addEventListener('profile', (e) => {
  add({ title: 'profile event', fields: { sub: e.detail.sub, name: e.detail.name, email: e.detail.email } });
  showWho(e.detail);
});
signIn.addEventListener('auth-error', (e) => {
  $('failure').textContent = `auth-error ${e.detail.code}: ${e.detail.message}`;
  $('failure').hidden = false;
  add({
    title: `auth-error event: ${e.detail.code}`,
    fields: { message: e.detail.message, description: e.detail.description },
  });
  scenarioDone();
});
signIn.addEventListener('sign-out', (e) => {
  add({ title: `sign-out event: ${e.detail.reason}`, fields: { reason: e.detail.reason } });
  $('who').hidden = true;
});

/** Who signed in, as the kit has it: IMS's userinfo claims (names with the profile scope, email with email). */
const showWho = (who) => {
  $('name').textContent = `${who.name ?? who.sub} <${who.email ?? 'no email'}>`;
  $('who').hidden = false;
};

// The stand-in Adobe API, through the session the element uses.
if (local) {
  const session = getSession({ clientId: config.clientId, imsOrigin: config.imsOrigin });
  $('api').hidden = false;
  $('call').addEventListener('click', async () => {
    try {
      const res = await session.fetch(`${ims}/api/hello`);
      $('api-answer').textContent = `HTTP ${res.status}\n${JSON.stringify(await res.json(), null, 2)}`;
    } catch (e) {
      $('api-answer').textContent = `${e.code}: ${e.message}`;
    }
  });
  $('revoke').addEventListener('click', async () => {
    await fetch(`${ims}/__ims/revoke-tokens?client_id=${encodeURIComponent(config.clientId)}`, { method: 'POST' });
    add({ title: 'The local IMS revoked the token (the scenario): the kit does not know yet' });
  });
}

await customElements.whenDefined('adobe-sign-in');
await signIn.updateComplete;
if (signIn.profile) showWho(signIn.profile);
