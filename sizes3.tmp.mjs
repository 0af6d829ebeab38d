import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const names = process.argv[2];
const r = await build({
  entryPoints: ['src/cdn.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  legalComments: 'none',
  charset: 'utf8',
  ...(names ? { mangleProps: new RegExp(`^(${names})$`) } : {}),
});
console.log('gzip', gzipSync(r.outputFiles[0].contents, { level: 9 }).length);
