// Which IMS the app signs in at, and as which client: VITE_ADOBE_CLIENT_ID is your credential's client id;
// VITE_IMS_ORIGIN names an IMS (the end-to-end test's local IMS, on a port it picked); else, while developing
// (`npm run dev`), the local IMS of `npx adobe-local-ims`, and in a production build Adobe's own (no ims-origin).
// The page (ims.ts) and the app's server (vite.config.ts) both take them from here: the server refuses a token issued
// to any other client id than the page signs in with.
export const imsSettings = (env: Record<string, string | undefined>, developing: boolean) => ({
  clientId: env.VITE_ADOBE_CLIENT_ID || 'adobe-auth-example',
  imsOrigin: env.VITE_IMS_ORIGIN || (developing ? 'http://localhost:8001' : undefined),
});
