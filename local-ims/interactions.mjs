// The screens between the authorize request and the answer (/ims/interaction/<uid>[/action]): login, consent, the
// social provider's stand-in, and the test mode that goes through them without a person (auto, deny).
import { readBody, send } from './http.mjs';
import { autoPage, consentPage, errorPage, loginPage, socialPage } from './pages.mjs';

/**
 * @param {object} ims
 * @param {import('oidc-provider').default} ims.provider
 * @param {(clientId: string) => object} ims.switchesFor
 * @param {(clientId: string) => {screens: string[]}} ims.stats
 * @param {object} [ims.inspector]
 * @param {ReturnType<import('./accounts.mjs').createAccounts>} ims.accounts who signs in
 * @returns the handler of `/ims/interaction/<uid>/<action>`
 */
export function createInteractions({ provider, switchesFor, stats, inspector, accounts }) {
  const { user, userByLogin, userBySub } = accounts;
  /** Signs the session's user through login and consent; returns where the browser goes next. */
  const finish = async (req, res, details, accountId) => {
    if (details.prompt.name === 'login') {
      return provider.interactionResult(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
    }
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    const d = details.prompt.details;
    if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(' '));
    if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(d.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    return provider.interactionResult(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  };

  return async (req, res, uid, action) => {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid)
      return send(res, 400, errorPage({ error: 'invalid_request', description: 'Unknown sign-in.' }));
    const clientId = details.params.client_id;
    const sw = switchesFor(clientId);
    const coop = sw.coop ? { 'cross-origin-opener-policy': 'same-origin' } : {};
    const redirect = (to) => send(res, 303, '', { location: to, ...coop });
    const show = (screen, html) => {
      stats(clientId).screens.push(screen);
      inspector?.note(clientId, 'screen', { screen });
      return send(res, 200, html, coop);
    };
    const form = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : new URLSearchParams();
    const social =
      details.params.idp_flow === 'social.deep_link.web' && details.prompt.name === 'login'
        ? String(details.params.provider_id ?? 'social')
        : undefined;

    if (action === 'cancel' || (action === 'auto' && sw.deny)) {
      return redirect(
        await provider.interactionResult(req, res, {
          error: 'access_denied',
          error_description: 'The user cancelled sign-in.',
        }),
      );
    }
    if (action === 'auto' && sw.auto) return redirect(await finish(req, res, details, user.sub));
    if (!action && sw.auto) return show(social ? `social:${social}` : 'auto', autoPage({ uid }));

    if (social) {
      // The social provider signs in its user (here, always the server's user); IMS then goes on as usual.
      if (action === 'social') return redirect(await finish(req, res, details, user.sub));
      return show(`social:${social}`, socialPage({ uid, clientId, provider: social, name: user.name }));
    }
    if (details.prompt.name === 'login') {
      if (action === 'login') {
        const u = userByLogin(form.get('email'), form.get('password'));
        if (u) return redirect(await finish(req, res, details, u.sub));
        return show(
          'login',
          loginPage({ uid, clientId, error: 'That email and password do not match.', email: form.get('email') ?? '' }),
        );
      }
      return show('login', loginPage({ uid, clientId }));
    }
    if (action === 'consent') return redirect(await finish(req, res, details, details.session.accountId));
    const scopes = [...new Set(String(details.params.scope).split(/[\s,]+/))];
    return show('consent', consentPage({ uid, clientId, scopes, email: userBySub(details.session.accountId)?.email }));
  };
}
