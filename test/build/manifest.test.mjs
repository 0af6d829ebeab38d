// custom-elements.json, as tools read it: package.json points at it, and it lists every attribute the elements
// really observe, every event with its detail type, and the tags' slots, parts and custom properties.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8'));
const declarations = manifest.modules.flatMap((m) => m.declarations.map((d) => ({ ...d, path: m.path })));
const tag = (name) => declarations.find((d) => d.tagName === name);

describe('custom-elements.json', () => {
  it('is shipped where package.json says, and exported', () => {
    assert.ok(pkg.files.some((f) => pkg.customElements.startsWith(f)));
    assert.equal(pkg.exports['./custom-elements.json'], './' + pkg.customElements);
  });

  for (const [name, className] of [
    ['adobe-sign-in', 'AdobeSignIn'],
    ['adobe-auth-redirect', 'AdobeAuthRedirect'],
  ]) {
    it(`describes <${name}> from its built module`, async () => {
      const el = tag(name);
      assert.equal(el?.name, className);
      assert.ok(existsSync(el.path), el.path);
      // In Node the elements load on Lit's DOM shim; observedAttributes is what the element really reacts to.
      const cls = (await import(`../../${el.path}`))[className];
      assert.deepEqual(el.attributes.map((a) => a.name).sort(), [...cls.observedAttributes].sort());
      for (const e of el.events) assert.match(e.type?.text ?? '', /^CustomEvent<\w+Detail>$/, e.name);
      for (const a of el.attributes) assert.ok(a.description, `${name} ${a.name} has a description`);
    });
  }

  it("lists <adobe-sign-in>'s slots, part, custom properties and methods", () => {
    const el = tag('adobe-sign-in');
    assert.deepEqual(
      el.slots.map((s) => s.name),
      ['', 'sign-out', 'user'],
    );
    assert.deepEqual(
      el.cssParts.map((p) => p.name),
      ['button', 'user'],
    );
    assert.ok(el.cssProperties.every((p) => p.name.startsWith('--adobe-sign-in-') && p.default));
    const methods = el.members.filter((m) => m.kind === 'method' && m.privacy !== 'private').map((m) => m.name);
    assert.deepEqual(methods.sort(), ['signIn', 'signOut']);
  });
});
