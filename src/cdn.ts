// The CDN bundle: everything in the package, with both tags registered on import.
export * from './index.js';
