// Sizes as the issues and the README state them: `gzip -9n` (Node's zlib compresses a little differently).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Bytes of `data` (a Buffer, a string, or a file's path with `{ file: true }`) after `gzip -9n`. */
export const gzipSize = (data, { file = false } = {}) =>
  execFileSync('gzip', ['-9nc'], { input: file ? readFileSync(data) : data, maxBuffer: 1 << 26 }).length;

/** The CDN files a page may load: the bundle every page loads, and the translations only other languages load. */
export const CDN_FILES = {
  bundle: 'dist/cdn/adobe-auth-elements.js',
  translations: 'dist/cdn/adobe-auth-elements.translations.js',
};
