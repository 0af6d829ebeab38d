// Load cost: main-thread time, from the start of the page to its first frame with every element rendered, read from a
// Chrome trace: the page's main-thread tasks between a mark in <head> and a mark in the second animation frame. For
// the kit (N <adobe-sign-in>), a hand-written plain custom element with a button (N <plain-sign-in>), and the peers,
// which render nothing of their own (the library imported and its client made, N plain <button>s). `lit-floor` is the
// least any element on Lit's ReactiveElement costs: the kit's shadow DOM and attributes, and nothing else.
/* global window */
import { readFileSync } from 'node:fs';
import { KIT, bundle, median, quartiles, serveSite } from './support.mjs';
import { freePort } from '../test/support/ports.mjs';

const SIZES = [1, 100, 1000];

// The kit's elements and the plain ones carry the same settings, as a page would give either.
const settings = 'client-id="bench" redirect-uri="http://localhost/redirect.html" ims-origin="http://localhost:8001"';
const variants = {
  kit: (n) => `<adobe-sign-in ${settings}></adobe-sign-in>\n`.repeat(n),
  plain: (n) => `<plain-sign-in ${settings}></plain-sign-in>\n`.repeat(n),
  'lit-floor': (n) => `<lit-floor ${settings}></lit-floor>\n`.repeat(n),
  'oidc-client-ts': (n) => '<button type="button">Sign in</button>\n'.repeat(n),
  'auth0-spa-js': (n) => '<button type="button">Sign in</button>\n'.repeat(n),
  'msal-browser': (n) => '<button type="button">Sign in</button>\n'.repeat(n),
};

/**
 * Main-thread CPU milliseconds between the two marks: the renderer main thread's top-level tasks, by their thread
 * time (a task the marks cut counts for the part between them).
 */
const mainThreadMs = (trace) => {
  const events = JSON.parse(trace).traceEvents;
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const start = mark('bench:start');
  const frame = mark('bench:frame');
  const tasks = events
    .filter(
      (e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask',
    )
    .sort((a, b) => a.ts - b.ts);
  let us = 0;
  let until = 0;
  for (const t of tasks) {
    if (t.ts < until) continue; // nested in a task already counted
    until = t.ts + t.dur;
    const overlap = Math.min(t.ts + t.dur, frame.ts) - Math.max(t.ts, start.ts);
    if (overlap > 0) us += (t.tdur ?? t.dur) * (overlap / Math.max(1, t.dur));
  }
  return us / 1000;
};

export async function measureLoad(browser, runs) {
  const SITE_PORT = await freePort();
  const SITE = `http://localhost:${SITE_PORT}`;
  const files = {
    '/kit.js': readFileSync(KIT),
    '/plain.js': readFileSync('bench/site/plain.js'),
    '/lit-floor.js': await bundle(
      `import { LitFloor } from './bench/site/lit-floor.js'; customElements.define('lit-floor', LitFloor);`,
    ),
    '/oidc-client-ts.js': await bundle(
      `import { UserManager } from 'oidc-client-ts';
       new UserManager({ authority: 'http://localhost:8001', client_id: 'bench', redirect_uri: '${SITE}/r' });`,
    ),
    '/auth0-spa-js.js': await bundle(
      `import { Auth0Client } from '@auth0/auth0-spa-js';
       new Auth0Client({ domain: 'bench.example', clientId: 'bench' });`,
    ),
    '/msal-browser.js': await bundle(
      `import { PublicClientApplication } from '@azure/msal-browser';
       new PublicClientApplication({ auth: { clientId: 'bench' } });`,
    ),
  };
  const site = await serveSite(
    SITE_PORT,
    (url) => {
      const variant = url.searchParams.get('variant');
      return { variant, elements: variants[variant]?.(Number(url.searchParams.get('n'))) ?? '' };
    },
    files,
  );

  const once = async (variant, n) => {
    const page = await browser.newPage();
    try {
      await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', '__metadata'] });
      await page.goto(`${SITE}/load.html?variant=${variant}&n=${n}`);
      await page.waitForFunction(() => window.done);
      return mainThreadMs((await browser.stopTracing()).toString());
    } finally {
      await page.close();
    }
  };

  const times = {};
  try {
    for (const n of SIZES) {
      for (const v of Object.keys(variants)) await once(v, n); // warm-up, not counted
      // Interleaved: each run loads every variant once, in a turning order.
      for (let i = 0; i < runs; i++) {
        const order = Object.keys(variants);
        for (let j = 0; j < order.length; j++) {
          const v = order[(i + j) % order.length];
          ((times[n] ??= {})[v] ??= []).push(await once(v, n));
        }
      }
    }
  } finally {
    site.close();
  }
  return SIZES.map((n) => {
    const row = { elements: n };
    for (const v of Object.keys(variants)) {
      const [p25, p75] = quartiles(times[n][v]);
      row[`${v} ms`] = `${median(times[n][v]).toFixed(1)} (${p25.toFixed(1)}–${p75.toFixed(1)})`;
    }
    row['kit / plain'] = (median(times[n].kit) / median(times[n].plain)).toFixed(2);
    row['lit-floor / plain'] = (median(times[n]['lit-floor']) / median(times[n].plain)).toFixed(2);
    row['kit / lit-floor'] = (median(times[n].kit) / median(times[n]['lit-floor'])).toFixed(2);
    row['kit / oidc-client-ts'] = (median(times[n].kit) / median(times[n]['oidc-client-ts'])).toFixed(2);
    return row;
  });
}
