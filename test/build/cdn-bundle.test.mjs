// The CDN bundle must load from a plain <script type="module"> with no import map: no bare module specifiers. Its one
// import is the labels of other languages than English, beside it, which a page loads only when it needs them.
/* global document, customElements */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumArgs, skipWithoutChromium } from '../support/chromium.mjs';

const bundle = readFileSync('dist/cdn/adobe-auth-elements.js', 'utf8');
const translations = readFileSync('dist/cdn/adobe-auth-elements.translations.js', 'utf8');
const importsOf = (code) => code.match(/(?:\bimport\s*\(?|\bfrom)\s*["'][^"']+["']/g) ?? [];

describe('CDN bundle', () => {
  it('imports nothing but its translations, beside it, which import nothing', () => {
    assert.deepEqual(importsOf(bundle), ['import("./adobe-auth-elements.translations.js"']);
    assert.deepEqual(importsOf(translations), []);
  });

  it('registers both tags, guarded against double registration', () => {
    assert.match(bundle, /adobe-sign-in/);
    assert.match(bundle, /adobe-auth-redirect/);
    assert.match(bundle, /customElements\.get\(/);
  });

  it('is the production build of Lit, without dev-mode warnings', () => {
    assert.doesNotMatch(bundle, /Lit is in dev mode/);
  });

  it("carries none of Lit's polyfill hook, version list or decorator metadata, and sets no global of theirs", () => {
    for (const name of [
      'reactiveElementPolyfillSupport',
      'reactiveElementVersions',
      'litPropertyMetadata',
      'metadata',
    ]) {
      assert.doesNotMatch(bundle, new RegExp(`\\b${name}\\b`), name);
    }
  });
});

describe('CDN bundle in a page', { skip: skipWithoutChromium }, () => {
  let server;
  let browser;
  let origin;
  const files = {
    '/vendor/adobe-auth-elements.js': bundle,
    '/vendor/adobe-auth-elements.translations.js': translations,
    // The same file copied alone, without what sits beside it in dist/cdn/.
    '/alone/adobe-auth-elements.js': bundle,
  };
  const page = (lang, dir) =>
    `<!doctype html><html lang="${lang}"><script type="module" src="/${dir}/adobe-auth-elements.js"></script>` +
    `<adobe-sign-in client-id="x" redirect-uri="http://localhost/r.html" ims-origin="http://localhost:1"></adobe-sign-in>`;

  before(async () => {
    server = createServer((req, res) => {
      const [path, query] = req.url.split('?');
      const q = new URLSearchParams(query);
      if (path == '/page')
        return res.writeHead(200, { 'content-type': 'text/html' }).end(page(q.get('lang'), q.get('dir')));
      if (!files[path]) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(files[path]);
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://localhost:${server.address().port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** Opens the page; resolves with the label it shows and the scripts it asked for. */
  const open = async (lang, dir = 'vendor') => {
    const p = await browser.newPage();
    const scripts = [];
    const errors = [];
    p.on('request', (r) => r.resourceType() == 'script' && scripts.push(new URL(r.url()).pathname));
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${origin}/page?lang=${lang}&dir=${dir}`);
    const label = await p.evaluate(async () => {
      const el = document.querySelector('adobe-sign-in');
      await customElements.whenDefined('adobe-sign-in');
      await el.updateComplete;
      return el.shadowRoot.querySelector('slot').textContent;
    });
    await p.close();
    return { label, scripts, errors };
  };

  it('asks for nothing more on an English page', async () => {
    assert.deepEqual(await open('en'), {
      label: 'Sign in with Adobe',
      scripts: ['/vendor/adobe-auth-elements.js'],
      errors: [],
    });
  });

  it('loads the translations from beside it on a German page', async () => {
    assert.deepEqual(await open('de'), {
      label: 'Mit Adobe anmelden',
      scripts: ['/vendor/adobe-auth-elements.js', '/vendor/adobe-auth-elements.translations.js'],
      errors: [],
    });
  });

  it('leaves the page without the globals of a whole Lit', async () => {
    const p = await browser.newPage();
    await p.goto(`${origin}/page?lang=en&dir=vendor`);
    const globals = await p.evaluate(async () => {
      await customElements.whenDefined('adobe-sign-in');
      return ['litPropertyMetadata', 'reactiveElementVersions'].filter((name) => name in globalThis);
    });
    await p.close();
    assert.deepEqual(globals, []);
  });

  it('speaks English, with no error, when the file was copied without its translations', async () => {
    const { label, errors } = await open('de', 'alone');
    assert.deepEqual({ label, errors }, { label: 'Sign in with Adobe', errors: [] });
  });
});
