// The README cannot drift from the code: its API tables are made from custom-elements.json, and its framework
// snippets are quoted from the example apps that `npm test` builds and drives.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const readme = readFileSync('README.md', 'utf8');

/** Lines without the indentation they all share. */
const dedent = (lines) => {
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent));
};

describe('README', () => {
  it('has API tables that match custom-elements.json (run `npm run docs` to update them)', () => {
    const r = spawnSync(process.execPath, ['scripts/readme-api.mjs', '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  const quotes = [...readme.matchAll(/<!-- from (examples\/\S+) -->\s*```\w*\n([\s\S]*?)\n```/g)];

  it('quotes the example apps', () => assert.ok(quotes.length >= 8, `${quotes.length} quotes`));

  for (const [, file, block] of quotes) {
    it(`quotes ${file} as it is`, () => {
      const quoted = dedent(block.split('\n'));
      const lines = readFileSync(file, 'utf8').split('\n');
      const found = lines.some(
        (_, i) => JSON.stringify(dedent(lines.slice(i, i + quoted.length))) === JSON.stringify(quoted),
      );
      assert.ok(found, `README's quote of ${file} is not in it:\n${quoted.join('\n')}`);
    });
  }
});
