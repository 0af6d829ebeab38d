// A newcomer's `npm test` on a machine without one of the browsers: one line per missing browser, saying what to
// install and which variable points at one installed elsewhere, before anything else runs; BROWSERS naming the
// browsers present runs the rest.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const check = (env) =>
  spawnSync(process.execPath, ['scripts/browsers.mjs', '--check'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

describe('the browser check before the tests', () => {
  it('names a missing Chromium in one line: what to install, which variable, which BROWSERS runs the rest', () => {
    const r = check({ BROWSERS: 'chromium,firefox', CHROMIUM_PATH: '/nowhere/chromium' });
    assert.equal(r.status, 1);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^chromium: not found \(CHROMIUM_PATH=\/nowhere\/chromium\)/);
    assert.match(lines[0], /apt-get install chromium/);
    assert.match(lines[0], /bash \.ci\/run/);
    assert.match(lines[0], /set CHROMIUM_PATH/);
    assert.match(lines[0], /BROWSERS=firefox runs the rest/);
  });

  it('gives one line per missing browser', () => {
    const r = check({ BROWSERS: '', FIREFOX_PATH: '/nowhere/firefox', WEBKIT_DRIVER: '/nowhere/WebKitWebDriver' });
    assert.equal(r.status, 1);
    const lines = r.stderr.trim().split('\n');
    assert.deepEqual(
      lines.map((l) => l.split(':')[0]),
      ['firefox', 'webkit'],
    );
    assert.match(lines[1], /WEBKIT_DRIVER=\/nowhere\/WebKitWebDriver.*apt-get install webkit2gtk-driver xvfb xauth/);
  });

  it('passes when BROWSERS leaves the missing browser out', () => {
    const r = check({ BROWSERS: 'firefox', CHROMIUM_PATH: '/nowhere/chromium' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
  });

  it('stops the browser tests the same way, before a runner starts', () => {
    const r = spawnSync(process.execPath, ['scripts/test-browsers.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, BROWSERS: 'chromium', CHROMIUM_PATH: '/nowhere/chromium' },
      timeout: 20000,
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^chromium: not found/);
    assert.doesNotMatch(r.stdout, /browser tests/);
  });
});
