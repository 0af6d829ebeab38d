// Writes dist/web-types.json, which JetBrains IDEs find through package.json's `web-types`, from
// dist/custom-elements.json (run by esbuild.mjs after `cem analyze`). custom-element-jet-brains-integration gives an
// attribute's values only as a TypeScript type string and declares no `js-types-syntax`, so the IDE offers no values
// for `mode` or `storage`; here an attribute whose type is a union of string literals is an `enum` with `values`,
// the form the IDEs complete.
import { readFileSync, writeFileSync } from 'node:fs';
import { readmeSection } from './readme-url.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8'));
const elements = manifest.modules.flatMap((m) => m.declarations).filter((d) => d.customElement && d.tagName);

/** `parsedType` spells out aliases (`StorageKind`); null and undefined are an absent attribute, not a value. */
const typeOf = (entry) =>
  (entry.parsedType ?? entry.type)?.text
    .split('|')
    .map((t) => t.trim())
    .filter((t) => t !== 'null' && t !== 'undefined') ?? [];
const isLiteral = (t) => /^(['"]).*\1$/.test(t);
const unquote = (text) => (text && isLiteral(text) ? text.slice(1, -1) : text);

const attribute = (a) => {
  const types = typeOf(a);
  const enumerated = types.length > 0 && types.every(isLiteral);
  return {
    name: a.name,
    description: a.description,
    ...(a.default && a.default !== 'null' ? { default: unquote(a.default) } : {}),
    value: enumerated
      ? { kind: 'plain', type: 'enum' }
      : types.length === 1 && types[0] === 'boolean'
        ? // Present or absent, like `disabled`: the IDE completes it without `=""`.
          { type: 'boolean', required: false }
        : { type: types.join(' | ') || 'string' },
    ...(enumerated ? { values: types.map((t) => ({ name: unquote(t) })) } : {}),
  };
};

const isPublicField = (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public';

const webTypes = {
  $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
  name: pkg.name,
  version: pkg.version,
  'js-types-syntax': 'typescript',
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((el) => ({
        name: el.tagName,
        description: el.description || el.summary,
        'doc-url': readmeSection(pkg, el.tagName),
        // Go to declaration opens the class, which the package's main entry exports.
        source: { module: pkg.name, symbol: el.name },
        attributes: (el.attributes ?? []).map(attribute),
        slots: (el.slots ?? []).map((s) => ({ name: s.name, description: s.description })),
        js: {
          properties: (el.members ?? []).filter(isPublicField).map((f) => ({
            name: f.name,
            description: f.description,
            type: (f.parsedType ?? f.type)?.text,
            ...(f.readonly ? { 'read-only': true } : {}),
          })),
          events: (el.events ?? []).map((e) => ({ name: e.name, description: e.description, type: e.type?.text })),
        },
        css: {
          properties: (el.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description })),
          parts: (el.cssParts ?? []).map((p) => ({ name: p.name, description: p.description })),
        },
      })),
    },
  },
};

writeFileSync(pkg['web-types'], JSON.stringify(webTypes, null, 2) + '\n');
