// Server-side rendering: importing any entry in Node (Next.js, Astro, plain Node) must not throw, and must not make
// the server look like a browser; a React Server Component that imports a registering entry gets a clear error.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Runs a module body in a fresh Node process (with `conditions`, as a bundler would resolve) and returns its stdout. */
const run = (body, conditions = []) =>
  execFileSync(process.execPath, [...conditions.map((c) => `--conditions=${c}`), '--input-type=module', '-e', body], {
    encoding: 'utf8',
  });

describe('in Node, as a server renders', () => {
  // The registering entries register in Lit's server-side registry (globalThis.customElements), as Lit SSR expects.
  for (const [entry, registers] of [
    ['adobe-auth-elements', false],
    ['adobe-auth-elements/define', true],
    ['adobe-auth-elements/oauth', false],
    ['adobe-auth-elements/react', true],
    ['adobe-auth-elements/cdn', true],
  ]) {
    it(`imports ${entry} without throwing or defining window or document`, () => {
      const out = run(`
        await import('${entry}');
        const tag = globalThis.customElements?.get('adobe-sign-in');
        console.log(JSON.stringify({ registered: !!tag, window: typeof window, document: typeof document }));
      `);
      assert.deepEqual(JSON.parse(out), { registered: registers, window: 'undefined', document: 'undefined' });
    });
  }

  it('exports the same names from ./cdn in Node as the browser bundle does', () => {
    const node = JSON.parse(run(`console.log(JSON.stringify(Object.keys(await import('adobe-auth-elements/cdn'))))`));
    const [, list] = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(readFileSync('dist/cdn/adobe-auth-elements.js', 'utf8'));
    const browser = list.split(',').map((e) =>
      e
        .trim()
        .split(/\s+as\s+/)
        .pop(),
    );
    assert.deepEqual(node.sort(), browser.sort());
  });

  it('server-renders the React wrappers and the bare tags', () => {
    const html = run(`
      import { createElement } from 'react';
      import { renderToString } from 'react-dom/server';
      import { AdobeSignIn, AdobeAuthRedirect } from 'adobe-auth-elements/react';
      console.log(renderToString(createElement('div', null,
        createElement(AdobeSignIn, { 'client-id': 'abc', onToken: () => {} }),
        createElement(AdobeAuthRedirect),
        createElement('adobe-sign-in', { 'client-id': 'def' }))));
    `);
    assert.match(html, /<adobe-sign-in client-id="abc"><\/adobe-sign-in>/);
    assert.match(html, /<adobe-auth-redirect><\/adobe-auth-redirect>/);
    assert.match(html, /<adobe-sign-in client-id="def"><\/adobe-sign-in>/);
  });

  it('server-renders a component that uses useAdobeSession(), signed out, touching no browser global', () => {
    const html = run(`
      import { createElement } from 'react';
      import { renderToString } from 'react-dom/server';
      import { useAdobeSession } from 'adobe-auth-elements/react';
      const Who = () => {
        const s = useAdobeSession({ clientId: 'abc' });
        return createElement('p', null, s.signedIn ? 'in' : 'out', ' ', String(s.session));
      };
      console.log(renderToString(createElement(Who)), typeof window, typeof sessionStorage);
    `);
    assert.equal(html.trim(), '<p>out<!-- --> <!-- -->null</p> undefined undefined');
  });

  for (const entry of ['adobe-auth-elements/define', 'adobe-auth-elements/cdn']) {
    it(`stops a React Server Component that imports ${entry}, saying what to do`, () => {
      const r = spawnSync(
        process.execPath,
        ['--conditions=react-server', '--input-type=module', '-e', `await import('${entry}')`],
        {
          encoding: 'utf8',
        },
      );
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /'use client'.*adobe-auth-elements\/react/s);
    });
  }
});
