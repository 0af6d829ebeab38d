'use client';
// Event handlers live in a client component. The React wrapper attaches them itself: a bare <adobe-sign-in
// ontoken={…}> is not listened to after hydration in Next.js.
import { useState } from 'react';
import { AdobeSignIn, useAdobeSession } from 'adobe-auth-elements/react';

const CLIENT_ID = 'adobe-auth-example';
const IMS_ORIGIN = 'http://localhost:8001';
const REDIRECT_URI = 'http://localhost:3000/redirect';

export function SignInBox() {
  const [status, setStatus] = useState('Signed out');
  // The session the element signs in to, as state: who signed in, once IMS has said (signed out on the server).
  const { profile } = useAdobeSession({ clientId: CLIENT_ID, imsOrigin: IMS_ORIGIN });
  return (
    <>
      <AdobeSignIn
        clientId={CLIENT_ID}
        redirectUri={REDIRECT_URI}
        imsOrigin={IMS_ORIGIN}
        scope="AdobeID,openid,profile,email"
        onToken={(e) => setStatus(`Signed in until ${new Date(e.detail.expiresAt).toLocaleTimeString()}`)}
        onAuthError={(e) => setStatus(`Error: ${e.detail.code}`)}
        onSignOut={() => setStatus('Signed out')}
      />
      <p role="status">{status}</p>
      {profile && <p>Signed in as {profile.name}</p>}
    </>
  );
}
