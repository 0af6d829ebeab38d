// Builds dist/: unbundled ES modules and .d.ts for npm users; dist/cdn/adobe-auth-elements.js, one minified module with
// Lit inlined for a <script type="module"> from a CDN, its translations file beside it and dist/cdn/integrity.json
// with the Subresource Integrity of both; and dist/custom-elements.json with the frameworks' types and the editors'
// data (VS Code, JetBrains) made from it. `node esbuild.mjs` builds; importing it gives the CDN build's options.
import { build } from 'esbuild';
import { minify } from 'terser';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PRIVATE_NAME } from './scripts/private-names.mjs';

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** The translations file carries the kit's version, and the CDN file reads no other version's (labels.ts). */
export const define = { KIT_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) };

/** esbuild leaves the text of the elements' style sheets alone: the CDN file gets them without their layout whitespace. */
const compactCss = {
  name: 'compact-css',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, ({ path }) => ({
      loader: 'ts',
      contents: readFileSync(path, 'utf8').replace(
        /sheet\(`([^`]*)`/g,
        (_, text) =>
          'sheet(`' +
          text
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,>])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}')
            .replace(/([^\d.])0\.(\d)/g, '$1.$2')
            .replace(/\[([\w-]+)='([\w-]+)'\]/g, '[$1=$2]')
            .trim() +
          '`',
      ),
    }));
  },
};

/**
 * Lit's style helpers (css-tag.js) carry a fallback for browsers without constructed style sheets: `<style>` elements,
 * ShadyCSS, `css` results. The kit's own sheets are constructed ones (dom.ts `sheet()`), which such a browser cannot
 * make: the fallback never runs, and the CDN file gets the two helpers ReactiveElement calls, for constructed sheets
 * only. The element tests' computed styles prove it in each engine, on the CDN file.
 */
const constructedSheetsOnly = {
  name: 'constructed-sheets-only',
  setup(b) {
    b.onResolve({ filter: /^\.\/css-tag\.js$/ }, ({ importer }) =>
      /[\\/]@lit[\\/]reactive-element[\\/]/.test(importer) ? { path: 'css-tag', namespace: 'sheets' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'sheets' }, () => ({
      loader: 'js',
      contents: `
        export let CSSResult, css, unsafeCSS;
        export const supportsAdoptingStyleSheets = true;
        export const getCompatibleStyle = (sheet) => sheet;
        export const adoptStyles = (root, sheets) => { root.adoptedStyleSheets = sheets; };`,
    }));
  },
};

/**
 * Two parts of ReactiveElement that no page of the CDN file reaches, cut from its copy of Lit:
 * - the hook of Lit's polyfill-support script, for browsers without shadow DOM, which cannot adopt the constructed
 *   sheets the kit's elements wear, and the list of Lit versions that Lit's development build reads;
 * - standard decorators' metadata (`Symbol.metadata`, `litPropertyMetadata`): the kit's elements declare their
 *   properties statically, and an app that extends them with decorators builds on the npm package, with its own Lit.
 * Each cut names the text it removes: a Lit release that changes that text fails the build, not a page
 * (test/build/cdn-bundle.test.mjs).
 */
const litForTags = {
  name: 'lit-for-tags',
  setup(b) {
    const cuts = [
      ',p=a.reactiveElementPolyfillSupport',
      ',p?.({ReactiveElement:y}),(a.reactiveElementVersions??=[]).push("2.1.2")',
      'Symbol.metadata??=Symbol("metadata"),a.litPropertyMetadata??=new WeakMap;',
      'const t=this[Symbol.metadata];if(null!==t){const s=litPropertyMetadata.get(t);if(void 0!==s)for(const[t,i]of s)this.elementProperties.set(t,i)}',
    ];
    b.onLoad({ filter: /[\\/]@lit[\\/]reactive-element[\\/]reactive-element\.js$/ }, ({ path }) => {
      let code = readFileSync(path, 'utf8');
      for (const cut of cuts) {
        if (!code.includes(cut)) throw new Error(`${path} has changed: update esbuild.mjs litForTags (${cut})`);
        code = code.replace(cut, '');
      }
      return { loader: 'js', contents: code };
    });
  },
};

/** The CDN file's build. */
export const cdnOptions = {
  entryPoints: { 'adobe-auth-elements': 'src/cdn.ts' },
  plugins: [compactCss, constructedSheetsOnly, litForTags],
  outdir: 'dist/cdn',
  // The labels of other languages than English are a file of their own beside it, loaded only by a page that needs
  // them: dist/cdn/adobe-auth-elements.translations.js.
  splitting: true,
  chunkNames: 'adobe-auth-elements.[name]',
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  legalComments: 'none',
  charset: 'utf8',
  define,
  // Short names for the kit's own properties, which never leave the bundle (not stored, not posted, not public API):
  // named `…_`, as no platform property is (test/build/private-names.test.*).
  mangleProps: PRIVATE_NAME,
  logLevel: 'warning',
};

/** A second minifier after esbuild's: terser's passes fold what esbuild leaves (about 2.5% of the gzip bytes). */
export const terse = async (code) => (await minify(code, { module: true, ecma: 2022, compress: { passes: 3 } })).code;

/** `sha384-…` of a file, as a page's `integrity` attribute or import map takes it. */
const integrity = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  rmSync('dist', { recursive: true, force: true });

  await build({
    entryPoints: files('src'),
    outdir: 'dist',
    outbase: 'src',
    format: 'esm',
    target: 'es2022',
    define,
    logLevel: 'warning',
  });

  // The server's JWT decoding is jose's, bundled into its one file: the package keeps Lit as its only dependency.
  await build({
    entryPoints: ['src/server/decode.ts'],
    outfile: 'dist/server/decode.js',
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    allowOverwrite: true,
    logLevel: 'warning',
  });

  await build(cdnOptions);
  const cdn = readdirSync('dist/cdn').filter((f) => f.endsWith('.js'));
  for (const f of cdn) writeFileSync(`dist/cdn/${f}`, await terse(readFileSync(`dist/cdn/${f}`, 'utf8')));
  writeFileSync(
    'dist/cdn/integrity.json',
    JSON.stringify(Object.fromEntries(cdn.sort().map((f) => [f, integrity(`dist/cdn/${f}`)])), null, 2) + '\n',
  );

  const node = (...args) => execFileSync(process.execPath, args, { stdio: 'inherit' });
  node('node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json');
  node(
    'node_modules/@custom-elements-manifest/analyzer/cem.js',
    'analyze',
    '--quiet',
    '--config',
    'custom-elements-manifest.config.mjs',
  );
  node('scripts/framework-types.mjs');
  node('scripts/web-types.mjs');
}
