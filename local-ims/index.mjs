// adobe-local-ims: a local stand-in for Adobe IMS, for developing and testing an app that signs in with Adobe.
//   import { startLocalIms } from 'adobe-local-ims';
//   const ims = await startLocalIms({ port: 0, clients: [{ clientId: 'my-app', redirectUris: [...] }], autoSignIn: true });
//   … ims.origin …; await ims.close();
// The command `adobe-local-ims` (cli.mjs) runs the same server.
export { startLocalIms, TEST_USER, SWITCHES, LocalImsError } from './server.mjs';
