import { expect } from '@open-wc/testing';
import { checkIssuer, parseCallback } from '../../src/oauth/callback.js';
import { AuthError } from '../../src/oauth/errors.js';

const thrown = (op: () => unknown): AuthError => {
  try {
    op();
  } catch (e) {
    return e as AuthError;
  }
  throw new Error('did not throw');
};
const parseError = (search: string) => thrown(() => parseCallback(search));

describe('callback parsing', () => {
  it('reads a code, its state and the issuer', () => {
    expect(parseCallback('?code=abc&state=s1')).to.include({ state: 's1', code: 'abc', iss: undefined });
    expect(parseCallback('?code=abc&state=s1&iss=https%3A%2F%2Fims.example')).to.include({
      state: 's1',
      code: 'abc',
      iss: 'https://ims.example',
    });
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
    const e = parseError('?code=abc&error=access_denied&state=s1');
    expect(e.code).to.equal('invalid_response');
    expect(e.message).to.contain('one code or one error');
  });

  for (const name of ['code', 'state', 'error', 'error_description', 'iss']) {
    it(`refuses a repeated ${name}`, () => {
      const search =
        name === 'error' || name === 'error_description'
          ? '?error=access_denied&error_description=d&state=s'
          : '?code=a&state=s&iss=x';
      const e = parseError(`${search}&${name}=again`);
      expect(e.code).to.equal('invalid_response');
      expect(e.message).to.contain(name);
    });
  }

  it('refuses a code without a state', () => {
    expect(parseError('?code=abc').code).to.equal('state_mismatch');
    expect(parseError('?code=abc&state=').code).to.equal('state_mismatch');
  });

  it("reports an error without a state as the IdP's own, not tied to this page's sign-in", () => {
    const e = parseError('?error=access_denied');
    expect(e.code).to.equal('access_denied');
    expect(e.message).to.contain('no state');
  });

  it('refuses a state with neither code nor error', () => {
    expect(parseError('?state=s1').code).to.equal('invalid_response');
  });
});

describe('issuer check (RFC 9207)', () => {
  const local = 'http://localhost:8001';
  const adobe = 'https://ims-na1.adobelogin.com';

  it("accepts an iss naming the IMS the sign-in went to, as its origin or the origin's /ims", () => {
    for (const iss of [local, `${local}/`, `${local}/ims`]) expect(() => checkIssuer(iss, local)).not.to.throw();
    expect(() => checkIssuer(adobe, adobe)).not.to.throw();
  });

  it('refuses an iss naming any other issuer with issuer_mismatch', () => {
    for (const iss of [
      'http://localhost:8002',
      'https://localhost:8001',
      `${local}/other`,
      `${local}.evil.example`,
      'x',
    ]) {
      const e = thrown(() => checkIssuer(iss, local));
      expect(e.code, iss).to.equal('issuer_mismatch');
      expect(e.message).to.contain(iss);
    }
    expect(thrown(() => checkIssuer(local, adobe)).code).to.equal('issuer_mismatch');
  });

  it('refuses a missing iss from an IMS known to send one (the local IMS, any OpenID provider)', () => {
    expect(thrown(() => checkIssuer(undefined, local)).code).to.equal('issuer_mismatch');
  });

  it("accepts a missing iss from Adobe's IMS, whose discovery does not announce it", () => {
    expect(() => checkIssuer(undefined, adobe)).not.to.throw();
    expect(() => checkIssuer(undefined, 'https://ims-na1-stg1.adobelogin.com')).not.to.throw();
  });
});
