// The local IMS's screens: plain HTML forms a person can use, styled after Adobe's sign-in.
const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const page = (title, body) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(title)} · Local IMS</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; background: #f5f5f5; margin: 0; display: grid; place-items: center; min-height: 100vh; }
  main { background: #fff; padding: 2rem 2.5rem; border-radius: 8px; box-shadow: 0 2px 12px #0002; width: min(24rem, 90vw); }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  .badge { color: #b30b00; font-weight: 700; letter-spacing: .05em; font-size: .8rem; }
  label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 1px solid #999; border-radius: 4px; }
  .actions { display: flex; gap: .75rem; justify-content: flex-end; margin-top: 1.5rem; }
  button { font: inherit; font-weight: 600; padding: .5rem 1.25rem; border-radius: 999px; border: 2px solid #1473e6; cursor: pointer; }
  button.primary { background: #1473e6; color: #fff; }
  button.secondary { background: #fff; color: #1473e6; }
  .error { color: #b30b00; }
  ul { padding-left: 1.25rem; }
</style>
</head>
<body><main><div class="badge">LOCAL IMS · FOR DEVELOPMENT</div>${body}</main></body>
</html>`;

const cancel = (uid) =>
  `<button class="secondary" type="submit" form="cancel">Cancel</button></div></form>
<form id="cancel" method="post" action="/ims/interaction/${esc(uid)}/cancel"></form>`;

export const loginPage = ({ uid, clientId, error, email = '' }) =>
  page(
    'Sign in',
    `<h1>Sign in</h1>
<p>to continue to <strong>${esc(clientId)}</strong></p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/ims/interaction/${esc(uid)}/login">
<label for="email">Email address</label>
<input id="email" name="email" type="email" autocomplete="username" required autofocus value="${esc(email)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions"><button class="primary" type="submit">Continue</button>
${cancel(uid)}`,
  );

export const consentPage = ({ uid, clientId, scopes, email }) =>
  page(
    'Allow access',
    `<h1>Allow access</h1>
<p><strong>${esc(clientId)}</strong> asks to use your Adobe ID (${esc(email)}):</p>
<ul>${scopes.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>
<form method="post" action="/ims/interaction/${esc(uid)}/consent">
<div class="actions"><button class="primary" type="submit">Allow</button>
${cancel(uid)}`,
  );

const providers = { google: 'Google', facebook: 'Facebook', apple: 'Apple' };

/** IMS's social sign-in (`idp_flow=social.deep_link.web`) sends the user to the provider: this stands in for it. */
export const socialPage = ({ uid, clientId, provider, name }) =>
  page(
    `Continue with ${providers[provider] ?? provider}`,
    `<h1>Continue with ${esc(providers[provider] ?? provider)}</h1>
<p class="badge">STAND-IN FOR THE ${esc((providers[provider] ?? provider).toUpperCase())} SIGN-IN SCREEN</p>
<p><strong>${esc(clientId)}</strong> asked Adobe to sign you in with your ${esc(providers[provider] ?? provider)} account.
Here the local IMS signs in its user instead.</p>
<form method="post" action="/ims/interaction/${esc(uid)}/social">
<div class="actions"><button class="primary" type="submit">Continue as ${esc(name)}</button>
${cancel(uid)}`,
  );

/** Test mode: a real page (so a COOP header on it takes effect) that goes on by itself. */
export const autoPage = ({ uid }) =>
  page(
    'Signing in',
    `<p>Signing in the test user…</p>
<form id="auto" method="post" action="/ims/interaction/${esc(uid)}/auto"></form>
<script>document.getElementById('auto').submit()</script>`,
  );

export const errorPage = ({ error, description }) =>
  page('Error', `<h1>Sign-in error</h1><p class="error">${esc(error)}</p><p>${esc(description ?? '')}</p>`);
