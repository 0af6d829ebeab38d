import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const r = await build({
  entryPoints: ['src/cdn.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  metafile: true,
  legalComments: 'none',
});
const out = Object.values(r.metafile.outputs)[0];
const rows = Object.entries(out.inputs)
  .map(([f, v]) => [f, v.bytesInOutput])
  .sort((a, b) => b[1] - a[1]);
for (const [f, b] of rows) console.log(String(b).padStart(6), f);
console.log('total gzip', gzipSync(r.outputFiles[0].contents, { level: 9 }).length);
