import { configError } from './errors.js';

const PROD = 'https://ims-na1.adobelogin.com';
const STAGE = 'https://ims-na1-stg1.adobelogin.com';
/**
 * Adobe's IMS hosts. Their discovery does not announce RFC 9207's `iss` in authorization responses, so an answer
 * from them may lack it; when present, it must name them.
 */
const adobeOrigins = [PROD, STAGE];

/** Origins the page's own script allowed with {@link trustImsOrigin}, and whether each sends `iss`. */
const trusted = new Map<string, boolean>();
/** `ims-origin` values already allowed, and their origins. */
const allowed = new Map<string, string>();

export const isLoopback = (url: URL) => /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname);

/** An http(s) origin; non-loopback ones must be https. */
const originOf = (value: string): string => {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // refused below
  }
  if (!url || !(url.protocol == 'https:' || (url.protocol == 'http:' && isLoopback(url)))) {
    throw configError(`An IMS origin must be https (or loopback http): ${value}`);
  }
  return url.origin;
};

/**
 * Lets codes, verifiers and tokens go to an IMS origin other than Adobe's and loopback ones. Only script can call
 * this, so injected HTML (an `ims-origin` attribute) alone can never send a secret to a third origin. The origin must
 * be https. `sendsIss: false` accepts answers without RFC 9207's `iss` from it.
 */
export const trustImsOrigin = (origin: string, { sendsIss = true }: { sendsIss?: boolean } = {}): void => {
  trusted.set(originOf(origin), sendsIss);
};

/**
 * Where IMS lives, by the one rule for secrets: Adobe's IMS hosts, a loopback origin (local development), or an
 * origin allowed with {@link trustImsOrigin}. Anything else is `config_error`, before anything is sent.
 */
export const imsOriginFor = (environment?: string | null, imsOrigin?: string | null): string => {
  if (imsOrigin) {
    // Remembered once allowed (trust is never taken back): a page may hold many elements naming the same IMS.
    let origin = allowed.get(imsOrigin);
    if (origin) return origin;
    origin = originOf(imsOrigin);
    if (adobeOrigins.includes(origin) || isLoopback(new URL(origin)) || trusted.has(origin)) {
      allowed.set(imsOrigin, origin);
      return origin;
    }
    throw configError(`ims-origin ${origin} is not Adobe IMS: allow it with trustImsOrigin()`);
  }
  const env = environment || 'prod';
  if (env != 'prod' && env != 'stage') throw configError(`environment must be prod or stage: ${environment}`);
  return env == 'prod' ? PROD : STAGE;
};

/** Whether answers from this IMS must carry RFC 9207's `iss`: all but Adobe's own (and origins trusted without). */
export const sendsIss = (ims: string): boolean =>
  !adobeOrigins.includes(ims) && trusted.get(new URL(ims).origin) !== false;

export const tokenEndpointFor = (ims: string): string => `${ims}/ims/token/v3`;

/** An endpoint of `ims` as the kit calls it, the client id in the query as Adobe's own clients send it. */
export const imsUrl = (ims: string, path: string, clientId: string): string =>
  `${ims}/ims/${path}?client_id=${encodeURIComponent(clientId)}`;

/** Authorize parameters the kit sets itself: `authorize-params` may not name them. */
const OWN = [
  'client_id',
  'redirect_uri',
  'response_type',
  // The redirect page reads the answer from the query: a fragment or a form post would go unread.
  'response_mode',
  'state',
  'code_challenge',
  'code_challenge_method',
  'scope',
];

/** Reads `authorize-params` (a query string of extra IMS parameters, e.g. `idp_flow=create_account`). */
export const extraAuthorizeParams = (query?: string | null): URLSearchParams => {
  const q = new URLSearchParams(query ?? '');
  for (const k of q.keys()) {
    if (OWN.includes(k)) throw configError(`authorize-params may not set ${k}`);
  }
  return q;
};

export interface AuthorizeParams {
  /** The IMS, from {@link imsOriginFor}. */
  ims: string;
  clientId: string;
  redirectUri: string;
  /** Comma- or space-separated, as IMS takes them. */
  scope: string;
  state: string;
  codeChallenge: string;
  locale?: string | null;
  prompt?: string | null;
  /** More parameters, from {@link extraAuthorizeParams}. */
  extra?: URLSearchParams;
}

/** The IMS sign-in URL. `code_challenge_method=S256` is always sent: IMS would assume `plain`. */
export const authorizeUrl = (p: AuthorizeParams): string => {
  const q = new URLSearchParams(p.extra);
  for (const [k, v] of Object.entries({
    client_id: p.clientId,
    redirect_uri: p.redirectUri,
    scope: p.scope,
    response_type: 'code',
    state: p.state,
    code_challenge: p.codeChallenge,
    code_challenge_method: 'S256',
    locale: p.locale,
    prompt: p.prompt,
  })) {
    if (v) q.set(k, v);
  }
  return `${p.ims}/ims/authorize/v2?${q}`;
};
