// The editors' data files say what custom-elements.json says, no more and no less: every tag, each tag's attributes
// with their enumerated values, and (web-types) its events, slots and properties, all described and linked to the
// README. Everything expected is derived from the manifest, so an attribute or event added to an element is checked
// here without touching this file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const json = (path) => JSON.parse(readFileSync(path, 'utf8'));
const pkg = json('package.json');
const manifest = json(pkg.customElements);
const elements = manifest.modules.flatMap((m) => m.declarations).filter((d) => d.customElement && d.tagName);
const vscodeFile = pkg.exports['./vscode.html-custom-data.json'];
const webTypesFile = pkg.exports['./web-types.json'];

/** The values a page may give an attribute: its type's string literals, once aliases are spelled out. */
const enumValues = (attr) => {
  const types = (attr.parsedType ?? attr.type)?.text
    .split('|')
    .map((t) => t.trim())
    .filter((t) => t !== 'null' && t !== 'undefined');
  return types?.length && types.every((t) => /^(['"]).*\1$/.test(t)) ? types.map((t) => t.slice(1, -1)) : [];
};
const names = (list = []) => list.map((x) => x.name).sort();
const byName = (list, name) => list.find((x) => x.name === name);
const publicFields = (el) =>
  (el.members ?? []).filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public');

/** GitHub's anchors for the README's headings: lower case, punctuation dropped, spaces to hyphens. */
const readmeAnchors = new Set(
  [...readFileSync('README.md', 'utf8').matchAll(/^#+ (.*)$/gm)].map(([, h]) =>
    h
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-'),
  ),
);
const readme = pkg.homepage.replace(/#.*$/, '');
const assertReadmeLink = (url, tag) => {
  const [base, anchor] = url.split('#');
  assert.equal(base, readme, `${tag} links to the README`);
  assert.ok(readmeAnchors.has(anchor), `${tag} links to #${anchor}, a section the README has`);
};

describe('editor data', () => {
  it('is built, shipped and exported where package.json says', () => {
    for (const file of [vscodeFile, webTypesFile]) {
      assert.ok(existsSync(file), `${file} is built`);
      assert.ok(
        pkg.files.some((f) => file.replace(/^\.\//, '').startsWith(f)),
        `${file} is in files`,
      );
    }
    assert.equal(webTypesFile, './' + pkg['web-types'].replace(/^\.\//, ''));
  });

  it('describes at least one element', () => assert.ok(elements.length > 0));

  // Without the type parser, `storage: StorageKind` would silently lose its values in both files.
  it("comes from a manifest whose attribute types name no alias (the type parser's parsedType)", () => {
    for (const el of elements)
      for (const a of el.attributes) {
        const text = (a.parsedType ?? a.type)?.text ?? '';
        assert.doesNotMatch(text.replace(/'[^']*'|"[^"]*"/g, ''), /\b[A-Z]\w*/, `${el.tagName} ${a.name}: ${text}`);
      }
  });

  describe('VS Code html.customData', () => {
    const data = json(vscodeFile);

    it('has the tags of custom-elements.json', () => {
      assert.equal(data.version, 1.1);
      assert.deepEqual(names(data.tags), names(elements.map((el) => ({ name: el.tagName }))));
    });

    for (const el of elements) {
      describe(`<${el.tagName}>`, () => {
        const tag = byName(data.tags, el.tagName);

        it('is described and links to its README section', () => {
          assert.ok(tag?.description?.includes(el.description), 'the element description');
          // A `---` straight after a line of text would make that text a heading.
          assert.doesNotMatch(tag.description, /[^\n]\n---/);
          assert.equal(tag.references?.length, 1);
          assertReadmeLink(tag.references[0].url, el.tagName);
        });

        it("has exactly the manifest's attributes, described, with their enumerated values", () => {
          assert.deepEqual(names(tag.attributes), names(el.attributes));
          for (const a of el.attributes) {
            const attr = byName(tag.attributes, a.name);
            assert.ok(attr.description, `${a.name} is described`);
            assert.equal(attr.description, a.description, a.name);
            assert.deepEqual(names(attr.values), enumValues(a).sort(), `${a.name}'s values`);
          }
        });
      });
    }
  });

  describe('JetBrains web-types', () => {
    const data = json(webTypesFile);
    const tags = data.contributions?.html?.elements ?? [];

    it('names the package and has the tags of custom-elements.json', () => {
      assert.equal(data.name, pkg.name);
      assert.equal(data.version, pkg.version);
      assert.deepEqual(names(tags), names(elements.map((el) => ({ name: el.tagName }))));
    });

    it("points at classes the package's main entry exports", async () => {
      const entry = await import(`../../${pkg.exports['.'].default}`);
      for (const tag of tags) {
        assert.equal(tag.source.module, pkg.name);
        assert.equal(typeof entry[tag.source.symbol], 'function', `${tag.name}: ${tag.source.symbol}`);
      }
    });

    for (const el of elements) {
      describe(`<${el.tagName}>`, () => {
        const tag = byName(tags, el.tagName);

        it('is described and links to its README section', () => {
          assert.equal(tag?.description, el.description);
          assertReadmeLink(tag['doc-url'], el.tagName);
        });

        it("has exactly the manifest's attributes, described, with their enumerated values", () => {
          assert.deepEqual(names(tag.attributes), names(el.attributes));
          for (const a of el.attributes) {
            const attr = byName(tag.attributes, a.name);
            assert.ok(attr.description, `${a.name} is described`);
            assert.equal(attr.description, a.description, a.name);
            const values = enumValues(a);
            assert.deepEqual(names(attr.values), values.sort(), `${a.name}'s values`);
            assert.equal(attr.value.type === 'enum', values.length > 0, `${a.name} is an enum only if it has values`);
          }
        });

        it("has exactly the manifest's events, described", () => {
          assert.deepEqual(names(tag.js.events), names(el.events));
          for (const e of el.events ?? []) {
            assert.ok(byName(tag.js.events, e.name).description, `${e.name} is described`);
            assert.equal(byName(tag.js.events, e.name).description, e.description, e.name);
          }
        });

        it("has exactly the manifest's slots, described", () => {
          assert.deepEqual(names(tag.slots), names(el.slots));
          for (const s of el.slots ?? []) assert.ok(byName(tag.slots, s.name).description, `slot "${s.name}"`);
        });

        it('has the public properties, read-only where the manifest says, and the styling API', () => {
          assert.deepEqual(names(tag.js.properties), names(publicFields(el)));
          for (const f of publicFields(el)) {
            const prop = byName(tag.js.properties, f.name);
            assert.equal(prop['read-only'] ?? false, f.readonly ?? false, `${f.name} read-only`);
          }
          assert.deepEqual(names(tag.css.properties), names(el.cssProperties));
          assert.deepEqual(names(tag.css.parts), names(el.cssParts));
        });
      });
    }
  });
});
