// The redirect page, as a route of the app. A server component may render the wrapper directly: the wrapper
// module is a client module, so the tag is defined in the browser.
import { AdobeAuthRedirect } from 'adobe-auth-elements/react';

export const metadata = { referrer: 'no-referrer' };

export default function Redirect() {
  return <AdobeAuthRedirect />;
}
