// The browsers the tests run in, where they are looked for, and what to do when one is missing. Each path can point
// elsewhere through an environment variable (a Chrome, Firefox or WebKit build installed another way).
//   node scripts/browsers.mjs --check   one line per missing browser of BROWSERS (all three by default); exit 1 if any
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** An executable on PATH, or undefined. */
const onPath = (name) =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, name))
    .find(runnable);

function runnable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const env = process.env;

/** Each engine: its name as users know it, the executables it needs, and how to install them on Debian. */
export const engines = {
  chromium: {
    name: 'Chromium',
    needs: { CHROMIUM_PATH: env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    install: 'apt-get install chromium',
  },
  firefox: {
    name: 'Firefox',
    needs: { FIREFOX_PATH: env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' },
    install: 'apt-get install firefox-esr',
  },
  webkit: {
    name: 'WebKit',
    needs: {
      WEBKIT_DRIVER: env.WEBKIT_DRIVER ?? onPath('WebKitWebDriver') ?? 'WebKitWebDriver',
      WEBKIT_BROWSER: env.WEBKIT_BROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      XVFB: env.XVFB ?? onPath('Xvfb') ?? 'Xvfb',
    },
    install: 'apt-get install webkit2gtk-driver xvfb xauth',
  },
};

/** Where each engine's executables are. */
export const paths = Object.fromEntries(Object.values(engines).flatMap((e) => Object.entries(e.needs)));

/** The engines BROWSERS names (all three when it is not set). */
export const requested = (env.BROWSERS || 'chromium,firefox,webkit').split(',').filter(Boolean);

/** What the browser tests run against (KITS): the sources (`src`) and the built CDN file (`cdn`), both by default. */
export const kits = (env.KITS || 'src,cdn').split(',').filter(Boolean);

/** One line for each requested engine whose executables are missing; empty when all are there. */
export const missing = (names = requested) => {
  const absent = Object.fromEntries(
    names.map((name) => [name, Object.entries(engines[name]?.needs ?? {}).filter(([, path]) => !runnable(path))]),
  );
  const present = names.filter((n) => engines[n] && !absent[n].length);
  return names.flatMap((name) => {
    if (!engines[name]) return [`${name}: not a browser of these tests (chromium, firefox, webkit)`];
    if (!absent[name].length) return [];
    const vars = absent[name].map(([v]) => v);
    return [
      `${name}: not found (${absent[name].map(([v, p]) => `${v}=${p}`).join(', ')}): ${engines[name].install} ` +
        `(or bash .ci/run, which installs it), or set ${vars.join(' and ')} to one installed elsewhere` +
        (present.length ? `; BROWSERS=${present.join(',')} runs the rest.` : '.'),
    ];
  });
};

if (process.argv.includes('--check')) {
  const lines = missing();
  for (const line of lines) console.error(line);
  process.exit(lines.length ? 1 : 0);
}
