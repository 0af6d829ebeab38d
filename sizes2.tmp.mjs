import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
const minifyCss = {
  name: 'minify-css',
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.ts$/ }, async ({ path }) => ({
      loader: 'ts',
      contents: (await readFile(path, 'utf8')).replace(
        /css`([^`]*)`/g,
        (_, css) =>
          'css`' +
          css
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
const r = await build({
  entryPoints: ['src/cdn.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  legalComments: 'none',
  plugins: [minifyCss],
});
console.log('gzip', gzipSync(r.outputFiles[0].contents, { level: 9 }).length);
console.log(r.outputFiles[0].text.match(/styles=\$`[^`]*`/g).join('\n'));
