import { useState } from 'react';
import { getSession } from 'adobe-auth-elements';
import { useAdobeSession } from 'adobe-auth-elements/react';
import { CLIENT_ID, IMS_ORIGIN } from './ims';

export function App() {
  // Signed in or not, and who: the session the <adobe-sign-in> below shares, as React state.
  const { token, profile } = useAdobeSession({ clientId: CLIENT_ID, imsOrigin: IMS_ORIGIN });
  const [error, setError] = useState<string | null>(null);
  return (
    <main>
      <h1>React</h1>
      <adobe-sign-in
        client-id={CLIENT_ID}
        redirect-uri={`${location.origin}/redirect.html`}
        ims-origin={IMS_ORIGIN}
        scope="AdobeID,openid,profile,email"
        ontoken={() => setError(null)}
        onauth-error={(e) => setError(`Error: ${e.detail.code}`)}
      />
      <p role="status">
        {token ? `Signed in until ${new Date(token.expiresAt).toLocaleTimeString()}` : (error ?? 'Signed out')}
      </p>
      {profile && <p>Signed in as {profile.name}</p>}
      {token && <AskTheServer />}
    </main>
  );
}

// The app's own server (server/who-am-i.ts) checks the token with IMS; session.fetch() sends it, and a 401 from the
// server signs the page out (reason `rejected`).
function AskTheServer() {
  const [answer, setAnswer] = useState<string | null>(null);
  const ask = async () => {
    const res = await getSession({ clientId: CLIENT_ID, imsOrigin: IMS_ORIGIN }).fetch('/api/me');
    const body = await res.json();
    setAnswer(res.ok ? `The server says you are ${body.userId}` : `The server refused: ${body.error}`);
  };
  return (
    <>
      <button type="button" onClick={ask}>
        Ask the server who I am
      </button>
      {answer && <p role="note">{answer}</p>}
    </>
  );
}
