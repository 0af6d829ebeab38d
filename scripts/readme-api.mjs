// The README's API tables, made from dist/custom-elements.json (itself made from the elements' JSDoc), so they
// cannot drift from the code. `node scripts/readme-api.mjs` rewrites the README between each
// `<!-- api:TAG -->` and `<!-- /api:TAG -->`; with `--check` it only says whether the README is up to date
// (test/build/readme-api.test.mjs runs that in `npm test`).
import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
const elements = manifest.modules.flatMap((m) => m.declarations).filter((d) => d.customElement);

const oneLine = (text = '') => text.replace(/\s+/g, ' ').trim();
const code = (s) => '`' + s + '`';
const cell = (s) => s.replace(/\|/g, '\\|');

/** `'popup' | 'redirect'` → `popup` \| `redirect`; `string | null` → string. */
const typeCell = (type = '') => {
  const parts = type
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== 'null' && p !== 'undefined');
  return parts.map((p) => (/^'.*'$/.test(p) ? code(p.slice(1, -1)) : /^[a-z]+$/.test(p) ? p : code(p))).join(' \\| ');
};
const defaultCell = (value) =>
  value == null || value === 'null' ? '—' : /^'.*'$/.test(value) ? code(value.slice(1, -1)) : code(value);

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
        typeCell(f.type?.text) + (f.reflects ? ', reflected' : '') + (f.readonly ? ', read-only' : ''),
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

const readme = readFileSync('README.md', 'utf8');
let updated = readme;
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
    console.error('README.md API tables differ from dist/custom-elements.json: run `npm run docs`.');
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync('README.md', updated);
  console.log('README.md API tables updated from dist/custom-elements.json.');
}
