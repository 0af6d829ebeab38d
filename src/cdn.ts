// The CDN bundle: the package's exports, with both tags registered on import.
import './define.js';
export * from './index.js';
