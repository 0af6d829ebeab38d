// `cem analyze` (run by esbuild.mjs) writes dist/custom-elements.json from the elements' JSDoc; it describes the
// built files, so module paths point into dist/.
const toDist = (path) => path.replace(/^src\/(.*)\.ts$/, 'dist/$1.js');

export default {
  globs: ['src/adobe-sign-in.ts', 'src/adobe-auth-redirect.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      name: 'dist-paths',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          mod.path = toDist(mod.path);
          for (const e of mod.exports ?? [])
            if (e.declaration?.module) e.declaration.module = toDist(e.declaration.module);
        }
      },
    },
  ],
};
