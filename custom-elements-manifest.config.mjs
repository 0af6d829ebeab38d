// `cem analyze` (run by esbuild.mjs) writes dist/custom-elements.json from the elements' JSDoc; it describes the
// built files, so module paths point into dist/. It also writes dist/vscode.html-custom-data.json for VS Code's
// `html.customData` (scripts/web-types.mjs writes JetBrains' file from the manifest afterwards).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getTsProgram, typeParserPlugin } from '@wc-toolkit/type-parser';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { readmeSection } from './scripts/readme-url.mjs';

const toDist = (path) => path.replace(/^src\/(.*)\.ts$/, 'dist/$1.js');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

export default {
  globs: ['src/adobe-sign-in.ts', 'src/adobe-auth-redirect.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  // The type checker lets the type parser spell out aliases (`storage: StorageKind` → 'session' | 'local' |
  // 'memory') in `parsedType`, so editors can offer the values. Modules stay in the order of `globs`.
  overrideModuleCreation({ ts, globs }) {
    const program = getTsProgram(ts, globs, 'tsconfig.build.json');
    return globs.map((glob) => program.getSourceFile(resolve(glob)));
  },
  plugins: [
    {
      // Private fields (#session, #user…) are no one's API: left out of the manifest, and of the type parser's work.
      name: 'no-private-fields',
      analyzePhase({ ts, node, moduleDoc }) {
        if (node.kind !== ts.SyntaxKind.ClassDeclaration) return;
        for (const d of moduleDoc.declarations ?? []) d.members = d.members?.filter((m) => !m.name.startsWith('#'));
      },
    },
    typeParserPlugin(),
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
    {
      name: 'vscode-custom-data',
      packageLinkPhase({ customElementsManifest }) {
        // The generator puts `---` on the line after the element's description, which Markdown reads as that
        // paragraph's heading underline; a blank line makes it the rule it is meant to be. Only the copy is changed.
        const manifest = structuredClone(customElementsManifest);
        for (const d of manifest.modules.flatMap((m) => m.declarations ?? []))
          if (d.customElement && d.description) d.description += '\n';
        generateVsCodeCustomElementData(manifest, {
          outdir: 'dist',
          cssFileName: null,
          descriptionSrc: 'description',
          typesSrc: 'parsedType',
          referencesTemplate: (_, tag) => [{ name: 'README', url: readmeSection(pkg, tag) }],
          hideLogs: true,
        });
      },
    },
  ],
};
