// The package's types as a TypeScript user meets them, from the packed tarball, in a project with no framework
// installed and skipLibCheck off: the README's examples compile from every entry, and the events' details are typed
// (a wrong field is an error, not `any`).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const tsc = resolve('node_modules/typescript/bin/tsc');
let dir;

/** Type-checks `source` as main.ts; returns tsc's output ('' when it compiles). */
const check = (source, moduleResolution = 'bundler') => {
  writeFileSync(join(dir, 'main.ts'), source);
  const config = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      target: 'ES2022',
      lib: ['ES2022', 'DOM'],
      types: [],
      module: moduleResolution === 'bundler' ? 'ESNext' : 'Node16',
      moduleResolution,
    },
    files: ['main.ts'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
  return spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' }).stdout.trim();
};

describe('types from the packed package, no framework installed, skipLibCheck off', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'adobe-auth-types-'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
    const pkg = join(dir, 'node_modules/adobe-auth-elements');
    mkdirSync(pkg, { recursive: true });
    const file = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim();
    execFileSync('tar', ['-xzf', join(dir, file.split('\n').pop()), '-C', pkg, '--strip-components=1']);
    mkdirSync(join(dir, 'node_modules/@lit'));
    symlinkSync(resolve('node_modules/@lit/reactive-element'), join(dir, 'node_modules/@lit/reactive-element'));
  });

  for (const moduleResolution of ['bundler', 'node16']) {
    it(`compiles the README's examples from ./define, ./cdn and . (${moduleResolution})`, () => {
      assert.equal(
        check(
          `import 'adobe-auth-elements/define';
           import 'adobe-auth-elements/cdn';
           import { AdobeSignIn, AuthError, exchangeAuthCodeForToken, type TokenDetail } from 'adobe-auth-elements';
           document.addEventListener('token', (e) => console.log(e.detail.accessToken, e.detail.expiresAt));
           document.addEventListener('auth-error', (e) => console.warn(e.detail.code, e.detail.message));
           document.addEventListener('sign-out', (e) => console.log(e.detail.clientId));
           const el: AdobeSignIn = document.createElement('adobe-sign-in');
           el.addEventListener('token', (e) => e.detail.clientId);
           el.signIn();
           const redirect = document.querySelector('adobe-auth-redirect');
           redirect?.addEventListener('token', (e) => e.preventDefault());
           exchangeAuthCodeForToken().then((t: TokenDetail) => t.accessToken, (e: AuthError) => e.code);
          `,
          moduleResolution,
        ),
        '',
      );
    });
  }

  for (const entry of ['adobe-auth-elements', 'adobe-auth-elements/define', 'adobe-auth-elements/cdn']) {
    it(`types the events' details from ${entry} alone`, () => {
      const out = check(`import '${entry}';\ndocument.addEventListener('token', (e) => e.detail.nope);\n`);
      assert.match(out, /Property 'nope' does not exist on type 'Token'/);
    });
  }
});
