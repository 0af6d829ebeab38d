// The CDN build renames the kit's own properties (named as PRIVATE_NAME says, `flows_`) and nothing else: no name of
// the package's public types, no Lit internal. test/build/private-names.test.ts shows in each browser that no
// platform property is named so.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { cdnOptions } from '../../esbuild.mjs';
import { PRIVATE_NAME } from '../../scripts/private-names.mjs';

const declarations = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? declarations(join(dir, e.name))
      : e.name.endsWith('.d.ts')
        ? [readFileSync(join(dir, e.name), 'utf8')]
        : [],
  );

describe('the names the CDN build renames', () => {
  it('are the kit’s own: named …_, in no public type of the package', async () => {
    const { mangleCache } = await build({ ...cdnOptions, write: false, mangleCache: {}, logLevel: 'silent' });
    const renamed = Object.keys(mangleCache);
    assert.ok(renamed.length > 5, `renamed: ${renamed}`);
    for (const name of renamed) assert.match(name, PRIVATE_NAME);
    const types = declarations('dist').join('\n');
    assert.deepEqual(
      renamed.filter((n) => new RegExp(`\\b${n}\\b`).test(types)),
      [],
      'dist/*.d.ts names them: a user could read one the CDN file renames',
    );
  });
});
