// The CDN build gives short names to the kit's own properties, named as PRIVATE_NAME says (`flows_`): safe only while
// no property of the platform is named so, since the build renames every property of that name, the platform's too
// (it once renamed navigator.language, and the CDN file never spoke the browser's language). This reads every
// property name of a fresh window of this browser: its globals, their prototypes, and the objects they hold.
import { expect } from '@open-wc/testing';
import { PRIVATE_NAME } from '../../scripts/private-names.mjs';

/** Every property name reachable from `win` in two steps: its globals, and the prototypes and members of each. */
const platformNames = (win: Window): Set<string> => {
  const names = new Set<string>();
  const seen = new Set<object>();
  const walk = (o: unknown) => {
    for (
      let p = o;
      p && (typeof p == 'object' || typeof p == 'function') && !seen.has(p);
      p = Object.getPrototypeOf(p)
    ) {
      seen.add(p);
      for (const n of Object.getOwnPropertyNames(p)) names.add(n);
    }
  };
  walk(win);
  for (const name of Object.getOwnPropertyNames(win)) {
    let value: unknown;
    try {
      value = (win as unknown as Record<string, unknown>)[name];
    } catch {
      continue; // a getter that refuses (a cross-origin or legacy one)
    }
    walk(value);
    if (typeof value == 'function') walk(value.prototype);
  }
  return names;
};

describe('the names the CDN build renames', () => {
  it('are never a platform property’s: none of this browser’s is named so', () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      const names = platformNames(frame.contentWindow!);
      // What the build must never rename is there to be found.
      expect([...names]).to.include.members(['language', 'labels', 'transaction', 'localStorage']);
      expect([...names].filter((n) => PRIVATE_NAME.test(n))).to.deep.equal([]);
      // What the pattern leaves alone: Object.prototype's __proto__ and its kin end in _ too.
      expect([...names].filter((n) => n.endsWith('_')).length).to.be.above(0);
    } finally {
      frame.remove();
    }
  });
});
