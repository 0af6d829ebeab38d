import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { trustApiOrigin } from 'adobe-auth-elements';
import { App } from './App';

// session.fetch() sends the token to loopback and Adobe's APIs; the app's own https origin (its /api/me) is allowed here.
if (location.protocol == 'https:') trustApiOrigin(location.origin);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
