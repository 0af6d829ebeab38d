// How the tests start Chromium (Debian's, or the one CHROMIUM_PATH names) as root on a machine with no network but
// loopback; the Node tests that drive it are skipped, saying so, when BROWSERS leaves Chromium out.
import { paths, requested } from '../../scripts/browsers.mjs';

export const CHROMIUM = paths.CHROMIUM_PATH;
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** For a Node test suite that drives Chromium: a skip reason when BROWSERS does not name it. */
export const skipWithoutChromium = requested.includes('chromium') ? false : 'BROWSERS leaves Chromium out';
