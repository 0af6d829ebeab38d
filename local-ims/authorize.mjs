// The authorize request as IMS takes it, before oidc-provider sees it: comma-separated scopes, the Default Redirect
// URI for a redirect_uri no pattern matches (the page of one a pattern matches may read the answers: cors.mjs), and the switches that act there (authorizeNoContent, coop, deny); and
// the answer on its way back to the redirect URI, whose RFC 9207 `iss` the iss switch replaces or leaves out.
import { send } from './http.mjs';
import { matchesPattern } from './redirect-uris.mjs';

/** @returns `{request, answer}`: handlers for the authorize request and for the response to any /ims/authorize/v2… */
export function createAuthorize({ switchesFor, stats, inspector, redirectsFor, cors }) {
  /** Which client each sign-in (by state) is for: the answer, sent when a sign-in resumes, names only the state. */
  const clientOfState = new Map();

  /** Takes the authorize request, rewriting `req.url` for oidc-provider; true when it has answered it itself. */
  const request = (req, res, url, clientId) => {
    const sw = switchesFor(clientId);
    if (sw.authorizeNoContent) {
      send(res, 204, '');
      return true;
    }
    if (sw.coop) res.setHeader('cross-origin-opener-policy', 'same-origin');
    clientOfState.set(url.searchParams.get('state'), clientId);
    stats(clientId).authorize = Object.fromEntries(url.searchParams);
    inspector?.authorize(clientId, Object.fromEntries(url.searchParams));
    // IMS takes comma-separated scopes ("AdobeID,openid"); OpenID Connect separates them with spaces.
    if (url.searchParams.has('scope')) url.searchParams.set('scope', url.searchParams.get('scope').replace(/,/g, ' '));
    // The user is to cancel at a screen: show one even where the IMS session would let the sign-in through.
    if (sw.deny) url.searchParams.set('prompt', 'login');
    const r = redirectsFor(clientId);
    const asked = url.searchParams.get('redirect_uri');
    if (r && matchesPattern(r, asked)) cors.patternAllowed(clientId, asked);
    else if (r) url.searchParams.set('redirect_uri', r.fallback);
    req.url = url.pathname + url.search;
    return false;
  };

  /** The authorization response, on its way out: `iss` as the iss switch says, and the inspector told of it. */
  const answer = (res) => {
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name, value) => {
      if (String(name).toLowerCase() === 'location' && /[?&]iss=/.test(value)) {
        const to = new URL(value);
        const clientId = clientOfState.get(to.searchParams.get('state'));
        const iss = switchesFor(clientId).iss;
        if (iss) to.searchParams.set('iss', iss);
        else if (iss === '') to.searchParams.delete('iss');
        value = to.href;
        inspector?.answer(clientId, to);
      }
      return setHeader(name, value);
    };
  };

  return { request, answer };
}
