import { expect } from '@open-wc/testing';
import { parseCallback } from '../../src/oauth/callback.js';
import { AuthError } from '../../src/oauth/errors.js';

const thrown = (search: string): AuthError => {
  try {
    parseCallback(search);
  } catch (e) {
    return e as AuthError;
  }
  throw new Error(`parseCallback("${search}") did not throw`);
};

describe('callback parsing', () => {
  it('reads a code and its state', () => {
    expect(parseCallback('?code=abc&state=s1')).to.deep.equal({ state: 's1', code: 'abc' });
  });

  it('turns an IdP error into an AuthError with its description', () => {
    const cb = parseCallback('?error=access_denied&error_description=User+cancelled&state=s1');
    expect(cb && 'error' in cb).to.equal(true);
    const { error } = cb as { error: AuthError };
    expect(error.code).to.equal('access_denied');
    expect(error.description).to.equal('User cancelled');
    expect(error.message).to.equal('User cancelled');
  });

  it('returns null for a page opened without a sign-in answer', () => {
    expect(parseCallback('')).to.equal(null);
    expect(parseCallback('?tab=2')).to.equal(null);
  });

  it('refuses an answer with both a code and an error', () => {
    const e = thrown('?code=abc&error=access_denied&state=s1');
    expect(e.code).to.equal('invalid_response');
    expect(e.message).to.contain('both');
  });

  for (const name of ['code', 'state', 'error', 'error_description']) {
    it(`refuses a repeated ${name}`, () => {
      const search =
        name === 'code' || name === 'state' ? '?code=a&state=s' : '?error=access_denied&error_description=d&state=s';
      const e = thrown(`${search}&${name}=again`);
      expect(e.code).to.equal('invalid_response');
      expect(e.message).to.contain(`"${name}"`);
    });
  }

  it('refuses an answer without a state', () => {
    expect(thrown('?code=abc').code).to.equal('state_mismatch');
    expect(thrown('?code=abc&state=').code).to.equal('state_mismatch');
    expect(thrown('?error=access_denied').code).to.equal('state_mismatch');
  });

  it('refuses a state with neither code nor error', () => {
    expect(thrown('?state=s1').code).to.equal('invalid_response');
  });
});
