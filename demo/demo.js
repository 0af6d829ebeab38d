// The demo: one <adobe-sign-in>, the token event's detail, and who signed in (from IMS's userinfo endpoint).
import config from '/config.js';

const $ = (id) => document.getElementById(id);
const ims =
  config.imsOrigin ??
  (config.environment === 'stage' ? 'https://ims-na1-stg1.adobelogin.com' : 'https://ims-na1.adobelogin.com');

$('where').textContent = config.imsOrigin
  ? `Signing in against the local IMS at ${config.imsOrigin} (no Adobe account needed).`
  : `Signing in against Adobe IMS (${config.environment}) as client ${config.clientId}.`;
if (config.testUser) {
  $('email').textContent = config.testUser.email;
  $('password').textContent = config.testUser.password;
  $('credentials').hidden = false;
}

const signIn = document.createElement('adobe-sign-in');
signIn.setAttribute('client-id', config.clientId);
// The page shows the user's name and email: IMS's userinfo gives them for the profile and email scopes.
signIn.setAttribute('scope', 'AdobeID,openid,profile,email');
signIn.setAttribute('redirect-uri', config.redirectUri);
if (config.imsOrigin) signIn.setAttribute('ims-origin', config.imsOrigin);
else signIn.setAttribute('environment', config.environment);
$('full-page').checked = sessionStorage.getItem('demo:mode') === 'redirect';
const setMode = () => {
  signIn.setAttribute('mode', $('full-page').checked ? 'redirect' : 'popup');
  sessionStorage.setItem('demo:mode', signIn.getAttribute('mode'));
};
$('full-page').addEventListener('change', setMode);
setMode();
$('button').append(signIn);

const show = (title, detail) => {
  $('last-title').textContent = title;
  $('detail').textContent = JSON.stringify(detail, null, 2);
  $('last').hidden = false;
};

const showWho = async (token) => {
  const res = await fetch(`${ims}/ims/userinfo/v2?client_id=${encodeURIComponent(token.clientId)}`, {
    headers: { authorization: `Bearer ${token.accessToken}` },
  });
  const who = res.ok ? await res.json() : null;
  $('name').textContent = who ? `${who.name ?? ''} <${who.email ?? who.sub}>` : `userinfo answered HTTP ${res.status}`;
  $('who').hidden = false;
};

signIn.addEventListener('token', (e) => {
  // Show the event, not the whole secret.
  show('token event', {
    ...e.detail,
    accessToken: e.detail.accessToken.slice(0, 12) + '…',
    idToken: e.detail.idToken && '…',
  });
  showWho(e.detail);
});
signIn.addEventListener('auth-error', (e) => show('auth-error event', e.detail));
signIn.addEventListener('sign-out', (e) => {
  show('sign-out event', e.detail);
  $('who').hidden = true;
});

await customElements.whenDefined('adobe-sign-in');
if (signIn.token) showWho(signIn.token);
