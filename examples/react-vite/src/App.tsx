import { useState } from 'react';
import 'adobe-auth-elements/define';
import type { TokenDetail } from 'adobe-auth-elements';

// Your credential's client id, and the local IMS of `npm run ims` (leave ims-origin out for Adobe's own).
const CLIENT_ID = 'adobe-auth-example';
const IMS_ORIGIN = 'http://localhost:8001';

export function App() {
  const [token, setToken] = useState<TokenDetail | null>(null);
  const [status, setStatus] = useState('Signed out');
  return (
    <main>
      <h1>React</h1>
      <adobe-sign-in
        client-id={CLIENT_ID}
        redirect-uri={`${location.origin}/redirect.html`}
        ims-origin={IMS_ORIGIN}
        ontoken={(e) => {
          setToken(e.detail);
          setStatus(`Signed in until ${new Date(e.detail.expiresAt).toLocaleTimeString()}`);
        }}
        onauth-error={(e) => setStatus(`Error: ${e.detail.code}`)}
        onsign-out={() => {
          setToken(null);
          setStatus('Signed out');
        }}
      />
      <p role="status">{status}</p>
      {token && <p>Scopes: {token.scope}</p>}
    </main>
  );
}
