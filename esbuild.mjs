// Builds dist/: unbundled ES modules and .d.ts for npm users; dist/cdn/adobe-auth-elements.js, one minified module with
// Lit inlined for a <script type="module"> from a CDN; and dist/custom-elements.json with the frameworks' types made
// from it.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
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

await build({
  entryPoints: ['src/cdn.ts'],
  outfile: 'dist/cdn/adobe-auth-elements.js',
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  legalComments: 'none',
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
