// Builds dist/: unbundled ES modules and .d.ts for npm users; dist/cdn/adobe-auth-elements.js, one minified module with
// Lit inlined for a <script type="module"> from a CDN; and dist/custom-elements.json with the frameworks' types and the
// editors' data (VS Code, JetBrains) made from it.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: files('src'),
  outdir: 'dist',
  outbase: 'src',
  format: 'esm',
  target: 'es2022',
  logLevel: 'warning',
});

/** esbuild leaves the text of css`` templates alone: the CDN file gets them without their layout whitespace. */
const compactCss = {
  name: 'compact-css',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, ({ path }) => ({
      loader: 'ts',
      contents: readFileSync(path, 'utf8').replace(
        /css`([^`]*)`/g,
        (_, text) =>
          'css`' +
          text
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,>])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}')
            .trim() +
          '`',
      ),
    }));
  },
};

await build({
  entryPoints: { 'adobe-auth-elements': 'src/cdn.ts' },
  plugins: [compactCss],
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
  // Short names for properties that never leave the bundle: not stored, not posted, not public API.
  mangleProps:
    /^(handedOff|transaction|signedOut|subscribe|sync|use|codeChallenge|extra|flows|endFlows|busyFlow|notify|owner|labels|language|session)$/,
  logLevel: 'warning',
});

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
