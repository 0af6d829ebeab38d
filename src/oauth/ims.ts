import { AuthError } from './errors.js';

export type Environment = 'prod' | 'stage';

const hosts: Record<Environment, string> = {
  prod: 'https://ims-na1.adobelogin.com',
  stage: 'https://ims-na1-stg1.adobelogin.com',
};

/** Where IMS lives: `imsOrigin` when given (a local IMS), else the host of `environment`. */
export const imsOriginFor = (environment?: string | null, imsOrigin?: string | null): string => {
  if (imsOrigin) {
    let url: URL | undefined;
    try {
      url = new URL(imsOrigin);
    } catch {
      // refused below
    }
    if (!url || !/^https?:$/.test(url.protocol)) {
      throw new AuthError('config_error', `ims-origin must be an absolute http(s) URL, not "${imsOrigin}"`);
    }
    return url.origin;
  }
  const host = hosts[(environment || 'prod') as Environment];
  if (!host) throw new AuthError('config_error', `environment must be "prod" or "stage", not "${environment}"`);
  return host;
};

export const tokenEndpointFor = (origin: string): string => `${origin}/ims/token/v3`;

export interface AuthorizeParams {
  /** IMS origin, from {@link imsOriginFor}. */
  origin: string;
  clientId: string;
  redirectUri: string;
  /** Comma- or space-separated, as IMS takes them. */
  scope: string;
  state: string;
  codeChallenge: string;
  locale?: string | null;
  prompt?: string | null;
}

/** The IMS sign-in URL. `code_challenge_method=S256` is always sent: IMS would assume `plain`. */
export const authorizeUrl = (p: AuthorizeParams): string => {
  const q = new URLSearchParams({
    client_id: p.clientId,
    redirect_uri: p.redirectUri,
    scope: p.scope,
    response_type: 'code',
    state: p.state,
    code_challenge: p.codeChallenge,
    code_challenge_method: 'S256',
  });
  if (p.locale) q.set('locale', p.locale);
  if (p.prompt) q.set('prompt', p.prompt);
  return `${p.origin}/ims/authorize/v2?${q}`;
};
