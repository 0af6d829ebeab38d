// Which IMS the app signs in at: while developing (`npm run dev`), the local IMS of `npx adobe-local-ims`; in a
// production build, Adobe's own (no ims-origin). VITE_IMS_ORIGIN names another (the end-to-end test's local IMS, on a
// port it picked); VITE_ADOBE_CLIENT_ID is your credential's client id.
export const CLIENT_ID: string = import.meta.env.VITE_ADOBE_CLIENT_ID || 'adobe-auth-example';
export const IMS_ORIGIN: string | undefined =
  import.meta.env.VITE_IMS_ORIGIN || (import.meta.env.DEV ? 'http://localhost:8001' : undefined);
