import { configError } from './errors.js';
import { isLoopback } from './ims.js';

/** Origins the page's own script allowed with {@link trustApiOrigin}. */
const trusted = new Set<string>();

/**
 * Lets `session.fetch()` send the token to an API origin beyond Adobe's (`https://*.adobe.io`) and loopback ones.
 * Only script can call this, as with `trustImsOrigin()`. It takes an https origin, nothing more: no path, no query.
 */
export const trustApiOrigin = (origin: string): void => {
  let url: URL | undefined;
  try {
    url = new URL(origin);
  } catch {
    // refused below
  }
  if (url?.protocol != 'https:' || url.origin != origin.replace(/\/$/, '')) {
    throw configError(`trustApiOrigin() takes an https origin: ${origin}`);
  }
  trusted.add(url.origin);
};

/**
 * Whether the token may go to `url`: an https origin under adobe.io, loopback (local development), or one the page's
 * script trusted. Never a URL with credentials in it.
 */
export const apiAllowed = (url: URL): boolean =>
  !url.username &&
  !url.password &&
  ((url.protocol == 'https:' && (/(^|\.)adobe\.io$/.test(url.hostname) || trusted.has(url.origin))) ||
    (/^https?:$/.test(url.protocol) && isLoopback(url)));
