// The example apps: where each serves itself and its redirect page. The local IMS of `npm start` registers these
// redirect URIs for the client id the examples use, so any example runs against it; the tests use the same list.
export const CLIENT_ID = 'adobe-auth-example';

/** `static`: the build folder the tests serve (with index.html for any path), or `next` for `next start`. */
export const apps = [
  { name: 'react-vite', port: 5173, redirect: '/redirect.html', static: 'dist' },
  { name: 'preact', port: 5174, redirect: '/redirect', static: 'dist' },
  { name: 'solid', port: 5175, redirect: '/redirect', static: 'dist' },
  { name: 'vue', port: 5176, redirect: '/redirect', static: 'dist' },
  { name: 'svelte', port: 5177, redirect: '/redirect.html', static: 'dist' },
  { name: 'angular', port: 4200, redirect: '/redirect', static: 'dist/browser' },
  // It also shows who signed in, with useAdobeSession().
  { name: 'nextjs', port: 3000, redirect: '/redirect', next: true, profile: true },
  { name: 'html', port: 8080, redirect: '/redirect.html', static: '.' },
];

export const redirectUris = apps.map((a) => `http://localhost:${a.port}${a.redirect}`);
