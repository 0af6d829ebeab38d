// The CDN bundle must load from a plain <script type="module"> with no import map: no bare module specifiers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const bundle = readFileSync('dist/cdn/adobe-auth-elements.js', 'utf8');

describe('CDN bundle', () => {
  it('imports nothing: Lit and everything else is inlined', () => {
    const imports = bundle.match(/(?:\bimport\s*\(?|\bfrom)\s*["'][^"']+["']/g) ?? [];
    assert.deepEqual(imports, []);
  });

  it('registers both tags, guarded against double registration', () => {
    assert.match(bundle, /adobe-sign-in/);
    assert.match(bundle, /adobe-auth-redirect/);
    assert.match(bundle, /customElements\.get\(/);
  });

  it('is the production build of Lit, without dev-mode warnings', () => {
    assert.doesNotMatch(bundle, /Lit is in dev mode/);
  });
});
