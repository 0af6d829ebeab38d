// The kit as a page loads it: both tags registered, and the public API of the CDN file. From the sources; with
// KIT=cdn the test runner serves the built file, dist/cdn/adobe-auth-elements.js, in their place, and refuses to
// serve the sources' elements and sessions (web-test-runner.config.mjs), so a test of that run tests what ships.
export * from '../../src/cdn.js';
