export * from './errors.js';
export * from './pkce.js';
export * from './ims.js';
export * from './callback.js';
export * from './token-request.js';
export * from './storage.js';
export * from './handoff.js';
export * from './exchange.js';
