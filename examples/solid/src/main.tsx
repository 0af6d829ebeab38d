import { createSignal, Show } from 'solid-js';
import { render } from 'solid-js/web';
import 'adobe-auth-elements/define';

const CLIENT_ID = 'adobe-auth-example';
const IMS_ORIGIN = 'http://localhost:8001';

function App() {
  const [status, setStatus] = createSignal('Signed out');
  // The redirect page is a route of this app.
  return (
    <Show when={location.pathname !== '/redirect'} fallback={<adobe-auth-redirect />}>
      <main>
        <h1>Solid</h1>
        <adobe-sign-in
          client-id={CLIENT_ID}
          redirect-uri={`${location.origin}/redirect`}
          ims-origin={IMS_ORIGIN}
          on:token={(e) => setStatus(`Signed in until ${new Date(e.detail.expiresAt).toLocaleTimeString()}`)}
          on:auth-error={(e) => setStatus(`Error: ${e.detail.code}`)}
          on:sign-out={() => setStatus('Signed out')}
        />
        <p role="status">{status()}</p>
      </main>
    </Show>
  );
}

render(() => <App />, document.getElementById('app')!);
