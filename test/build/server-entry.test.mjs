// adobe-auth-elements/server as built: jose's JWT decoding bundled into its one file, so that the package's only
// runtime dependency stays Lit and a server installs nothing more; and none of it in what a browser page loads.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const read = (f) => readFileSync(f, 'utf8');
/** The module specifiers a built file imports. */
const imports = (f) =>
  [...read(f).matchAll(/(?:^|[;\s])(?:import|export)\b[^'"]*?from\s*["']([^"']+)["']/g)].map((m) => m[1]);

describe('the server entry as built', () => {
  it('imports nothing but its own files: no runtime dependency beyond Lit', () => {
    const dependencies = Object.keys(JSON.parse(read('package.json')).dependencies);
    assert.deepEqual(
      dependencies.filter((d) => !/^(lit|@lit\/.*)$/.test(d)),
      [],
    );
    for (const f of ['dist/server.js', 'dist/server/decode.js']) {
      const bare = imports(f).filter((s) => !s.startsWith('.'));
      assert.deepEqual(bare, [], `${f} imports ${bare}`);
    }
    assert.match(read('dist/server/decode.js'), /function decodeJwt\b/, "jose's decodeJwt, bundled");
  });

  it('is in no file a browser page loads: the CDN files and the browser entries', () => {
    for (const f of readdirSync('dist/cdn').filter((f) => f.endsWith('.js'))) {
      assert.doesNotMatch(read(`dist/cdn/${f}`), /validate_token|decodeJwt/, f);
    }
    for (const f of ['index', 'define', 'react', 'testing', 'cdn']) {
      assert.ok(!imports(`dist/${f}.js`).some((s) => s.includes('server')), `dist/${f}.js imports the server entry`);
    }
  });
});
