'use client';
// Event handlers live in a client component. The React wrapper attaches them itself: a bare <adobe-sign-in
// ontoken={…}> is not listened to after hydration in Next.js.
import { useState } from 'react';
import { AdobeSignIn } from 'adobe-auth-elements/react';

const CLIENT_ID = 'adobe-auth-example';
const IMS_ORIGIN = 'http://localhost:8001';
const REDIRECT_URI = 'http://localhost:3000/redirect';

export function SignInBox() {
  const [status, setStatus] = useState('Signed out');
  return (
    <>
      <AdobeSignIn
        clientId={CLIENT_ID}
        redirectUri={REDIRECT_URI}
        imsOrigin={IMS_ORIGIN}
        onToken={(e) => setStatus(`Signed in until ${new Date(e.detail.expiresAt).toLocaleTimeString()}`)}
        onAuthError={(e) => setStatus(`Error: ${e.detail.code}`)}
        onSignOut={() => setStatus('Signed out')}
      />
      <p role="status">{status}</p>
    </>
  );
}
