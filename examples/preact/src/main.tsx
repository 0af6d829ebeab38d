import { render } from 'preact';
import { useState } from 'preact/hooks';
import 'adobe-auth-elements/define';

const CLIENT_ID = 'adobe-auth-example';
const IMS_ORIGIN = 'http://localhost:8001';

function App() {
  const [status, setStatus] = useState('Signed out');
  // The redirect page is a route of this app: the same bundle renders <adobe-auth-redirect> there.
  if (location.pathname === '/redirect') return <adobe-auth-redirect />;
  return (
    <main>
      <h1>Preact</h1>
      <adobe-sign-in
        client-id={CLIENT_ID}
        redirect-uri={`${location.origin}/redirect`}
        ims-origin={IMS_ORIGIN}
        ontoken={(e) => setStatus(`Signed in until ${new Date(e.detail.expiresAt).toLocaleTimeString()}`)}
        onauth-error={(e) => setStatus(`Error: ${e.detail.code}`)}
        onsign-out={() => setStatus('Signed out')}
      />
      <p role="status">{status}</p>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
