// Subresource Integrity for both CDN files: the build writes their sha384 to dist/cdn/integrity.json, and the README's
// page that pins both (the script's `integrity`, an import map's for the translations file) works as it says in a
// browser: the files as built give a German page its German labels; a translations file whose bytes differ is not
// loaded, and the button speaks English and still signs in; a CDN file whose bytes differ does not run.
/* global document, customElements */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumArgs, skipWithoutChromium } from '../support/chromium.mjs';

const KIT = 'adobe-auth-elements.js';
const TRANSLATIONS = 'adobe-auth-elements.translations.js';
const integrity = JSON.parse(readFileSync('dist/cdn/integrity.json', 'utf8'));
const files = { [KIT]: readFileSync(`dist/cdn/${KIT}`), [TRANSLATIONS]: readFileSync(`dist/cdn/${TRANSLATIONS}`) };
const readme = readFileSync('README.md', 'utf8');
const [, snippet] = /<!-- a page that pins both files[^>]*-->\s*```html\n([\s\S]*?)\n```/.exec(readme) ?? [];

describe('integrity.json', () => {
  it('holds the sha384 of both CDN files, as an integrity attribute takes it', () => {
    const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
    assert.deepEqual(integrity, { [KIT]: sha384(files[KIT]), [TRANSLATIONS]: sha384(files[TRANSLATIONS]) });
  });
});

describe("the README's page that pins both CDN files", { skip: skipWithoutChromium }, () => {
  let server;
  let browser;
  let origin;
  /** Which file the server changes a byte of, if any. */
  let tampered;

  before(async () => {
    assert.ok(snippet, 'the README marks its page that pins both files');
    const page = snippet.replace(/sha384-\(([\w.-]+) in integrity\.json\)/g, (_, file) => integrity[file]);
    assert.doesNotMatch(page, /in integrity\.json/);
    server = createServer((req, res) => {
      const name = req.url.replace('/vendor/', '');
      if (files[name]) {
        const bytes = name == tampered ? Buffer.concat([files[name], Buffer.from('\n')]) : files[name];
        return res.writeHead(200, { 'content-type': 'text/javascript' }).end(bytes);
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="de">${page}</html>`);
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://localhost:${server.address().port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** Opens the page with `file` tampered; its label, and the authorize URL its sign-in went to (Adobe's IMS, caught). */
  const open = async (file) => {
    tampered = file;
    const context = await browser.newContext();
    const page = await context.newPage();
    // The sign-in's popup, or the page itself when a popup is blocked, goes there.
    const authorize = new Promise((resolve) =>
      context.route('https://ims-na1.adobelogin.com/**', (route) => {
        resolve(new URL(route.request().url()));
        return route.fulfill({ status: 200, contentType: 'text/html', body: 'IMS' });
      }),
    );
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(origin);
    const label = await page.evaluate(async () => {
      const defined = await Promise.race([
        customElements.whenDefined('adobe-sign-in').then(() => true),
        new Promise((r) => setTimeout(r, 2000, false)),
      ]);
      if (!defined) return null;
      const el = document.querySelector('adobe-sign-in');
      await el.updateComplete;
      return el.shadowRoot.querySelector('slot').textContent;
    });
    if (label) await page.evaluate(() => document.querySelector('adobe-sign-in').signIn());
    const url = label && (await authorize);
    await context.close();
    return { label, locale: url?.searchParams.get('locale'), errors };
  };

  it('as built: German labels, and IMS gets de_DE', async () => {
    assert.deepEqual(await open(null), { label: 'Mit Adobe anmelden', locale: 'de_DE', errors: [] });
  });

  it('a translations file whose bytes differ is not loaded: English, and sign-in goes on', async () => {
    assert.deepEqual(await open(TRANSLATIONS), { label: 'Sign in with Adobe', locale: 'en_US', errors: [] });
  });

  it('a CDN file whose bytes differ does not run', async () => {
    const { label } = await open(KIT);
    assert.equal(label, null);
  });
});
