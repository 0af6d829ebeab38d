// The README's API tables, made from dist/custom-elements.json (itself made from the elements' JSDoc), and its
// sentences on the CDN file's size, made from the build, so they cannot drift. `node scripts/readme-api.mjs`
// rewrites the README between each `<!-- api:TAG -->` and `<!-- /api:TAG -->`, and each `<!-- size -->` and
// `<!-- /size -->`; with `--check` it only says whether the README is up to date (test/build/readme-api.test.mjs
// runs that in `npm test`).
import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { CDN_FILES, gzipSize } from './gzip-size.mjs';

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
const elements = manifest.modules.flatMap((m) => m.declarations).filter((d) => d.customElement);

const oneLine = (text = '') => text.replace(/\s+/g, ' ').trim();
const code = (s) => '`' + s + '`';
const cell = (s) => s.replace(/\|/g, '\\|');

/**
 * `'popup' | 'redirect'` → `popup` \| `redirect`; an alias spelled out (`StorageKind` → `session` \| …); `string |
 * null` → string, as an attribute that is absent is no value; but a read-only property that may be null says so.
 */
const typeCell = (f) => {
  const parts = ((f.parsedType ?? f.type)?.text ?? '')
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== 'undefined' && (p !== 'null' || f.readonly));
  return parts
    .map((p) => (/^'.*'$/.test(p) ? code(p.slice(1, -1)) : /^[a-z]+$/.test(p) && p != 'null' ? p : code(p)))
    .join(' \\| ');
};
const defaultCell = (value) =>
  value == null || value === 'null' ? 'none' : /^'.*'$/.test(value) ? code(value.slice(1, -1)) : code(value);

const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

const section = (el) => {
  const fields = (el.members ?? []).filter((m) => m.kind === 'field' && m.privacy !== 'private' && !m.static);
  const methods = (el.members ?? []).filter((m) => m.kind === 'method' && m.privacy !== 'private' && !m.static);
  const out = [];
  out.push(
    table(
      ['attribute', 'property', 'type', 'default', 'what it does'],
      fields.map((f) => [
        f.attribute ? code(f.attribute) : '—',
        code(f.name),
        typeCell(f) + (f.reflects ? ', reflected' : '') + (f.readonly ? ', read-only' : ''),
        defaultCell(f.default),
        cell(oneLine(f.description)),
      ]),
    ),
  );
  if (methods.length) {
    out.push(
      table(
        ['method', 'what it does'],
        methods.map((m) => [code(`${m.name}()`), cell(oneLine(m.description))]),
      ),
    );
  }
  out.push(
    table(
      ['event', 'detail', 'what it means'],
      (el.events ?? []).map((e) => [
        code(e.name),
        code(e.type.text.replace(/^CustomEvent<(.*)>$/, '$1')),
        cell(oneLine(e.description)),
      ]),
    ),
  );
  out.push(
    table(
      ['kind', 'name', 'default', 'what'],
      [
        ...(el.slots ?? []).map((s) => [
          'slot',
          s.name ? code(s.name) : '(default)',
          '—',
          cell(oneLine(s.description)),
        ]),
        ...(el.cssParts ?? []).map((p) => ['part', code(p.name), '—', cell(oneLine(p.description))]),
        ...(el.cssProperties ?? []).map((p) => [
          'CSS property',
          code(p.name),
          p.default ? code(p.default) : '—',
          cell(oneLine(p.description)),
        ]),
      ],
    ),
  );
  return out.join('\n\n');
};

/** What the build's CDN files weigh, as sentences: `<!-- size -->` sections say it in the README's words. */
const [bundle, translations] = [CDN_FILES.bundle, CDN_FILES.translations].map((f) => gzipSize(f, { file: true }));
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const sizes = {
  cdn:
    `\`dist/cdn/adobe-auth-elements.js\` is one ES module, Lit inlined (${bundle.toLocaleString('en')} bytes, ` +
    `${kib(bundle)} gzip -9n), that registers both tags. Beside it, \`adobe-auth-elements.translations.js\` ` +
    `(${translations.toLocaleString('en')} bytes gzip) holds the labels of every language but English: a page ` +
    `whose elements speak English never asks for it, and a copy of the module without it still works, in English.`,
  floor:
    `leaving out lit-html keeps the whole CDN file, Lit included, at ${kib(bundle)} gzip (\`npm run bench\` ` +
    `measures it beside other clients).`,
};

const readme = readFileSync('README.md', 'utf8');
let updated = readme;
for (const [name, text] of Object.entries(sizes)) {
  const start = `<!-- size:${name} -->`;
  const end = `<!-- /size:${name} -->`;
  const from = updated.indexOf(start);
  const to = updated.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end}`);
  updated = updated.slice(0, from + start.length) + '\n' + text + '\n' + updated.slice(to);
}
for (const el of elements) {
  const start = `<!-- api:${el.tagName} -->`;
  const end = `<!-- /api:${el.tagName} -->`;
  const from = updated.indexOf(start);
  const to = updated.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section for <${el.tagName}>`);
  updated = updated.slice(0, from + start.length) + '\n\n' + section(el) + '\n\n' + updated.slice(to);
}
updated = await format(updated, { filepath: 'README.md', ...JSON.parse(readFileSync('.prettierrc.json', 'utf8')) });

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md API tables or sizes differ from the build: run `npm run docs`.');
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync('README.md', updated);
  console.log('README.md API tables and sizes updated from the build.');
}
