// React ships CommonJS only. For the browser tests, one esbuild bundle holds react, react-dom and react-dom/client
// (one copy of React for all three), and each of those specifiers is served as an ES module re-exporting its part.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';

const specifiers = { react: 'React', 'react-dom': 'ReactDOM', 'react-dom/client': 'ReactDOMClient' };
const identifier = /^[A-Za-z_$][\w$]*$/;

export function reactEsm() {
  let bundle;
  return {
    name: 'react-esm',
    resolveImport({ source }) {
      if (source in specifiers) return `/__react/${source}.js`;
    },
    async serve({ path }) {
      if (!path.startsWith('/__react/')) return;
      if (path === '/__react/bundle.js') {
        bundle ??= build({
          stdin: {
            contents: Object.entries(specifiers)
              .map(([spec, name]) => `export * as ${name} from '${spec}';`)
              .join('\n'),
            resolveDir: process.cwd(),
          },
          bundle: true,
          format: 'esm',
          write: false,
          define: { 'process.env.NODE_ENV': '"development"' },
          logLevel: 'error',
        }).then((r) => r.outputFiles[0].text);
        return { body: await bundle, type: 'js' };
      }
      const spec = path.slice('/__react/'.length, -'.js'.length);
      const name = specifiers[spec];
      // Asked of a separate Node: loading React here would touch the console the test runner has taken over.
      const keys = execFileSync(process.execPath, ['-p', `JSON.stringify(Object.keys(require('${spec}')))`]);
      const names = JSON.parse(keys).filter((n) => identifier.test(n) && n !== 'default');
      return {
        body: `import { ${name} } from '/__react/bundle.js';\nexport const { ${names.join(', ')} } = ${name};\nexport default ${name};\n`,
        type: 'js',
      };
    },
  };
}
