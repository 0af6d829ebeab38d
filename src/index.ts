// No side effects: importing this registers no tag (import `adobe-auth-elements/define` for that).
export * as oauth from './oauth/index.js';
export { AuthError } from './oauth/errors.js';
export type { AuthErrorCode } from './oauth/errors.js';
export type { Token } from './oauth/token-request.js';
