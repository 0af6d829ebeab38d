// The CDN bundle: both tags registered on import, and what a page's script may call. The `oauth` building blocks are
// in the npm package only.
import './define.js';
export {
  AdobeSignIn,
  AdobeAuthRedirect,
  AuthError,
  exchangeAuthCodeForToken,
  getSession,
  trustApiOrigin,
  trustImsOrigin,
} from './index.js';
export type * from './index.js';
