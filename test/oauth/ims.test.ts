import { expect } from '@open-wc/testing';
import { authorizeUrl, imsOriginFor, tokenEndpointFor } from '../../src/oauth/ims.js';
import { AuthError } from '../../src/oauth/errors.js';

const base = {
  clientId: 'client-1',
  redirectUri: 'https://app.example/redirect.html',
  scope: 'AdobeID,openid',
  state: 'st',
  codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
};

describe('IMS endpoints', () => {
  it('uses production IMS by default and stage on request', () => {
    expect(imsOriginFor()).to.equal('https://ims-na1.adobelogin.com');
    expect(imsOriginFor('prod')).to.equal('https://ims-na1.adobelogin.com');
    expect(imsOriginFor('stage')).to.equal('https://ims-na1-stg1.adobelogin.com');
  });

  it('lets ims-origin override the environment, keeping only the origin', () => {
    expect(imsOriginFor('stage', 'http://localhost:8001/')).to.equal('http://localhost:8001');
  });

  it('refuses an unknown environment and a relative ims-origin with config_error', () => {
    for (const [env, origin] of [
      ['dev', null],
      [null, 'localhost:8001/x'],
    ]) {
      let err: unknown;
      try {
        imsOriginFor(env, origin);
      } catch (e) {
        err = e;
      }
      expect(err).to.be.instanceOf(AuthError);
      expect((err as AuthError).code).to.equal('config_error');
    }
  });

  it('builds the v2 authorize URL with S256 always sent', () => {
    const url = new URL(authorizeUrl({ ...base, origin: 'https://ims-na1.adobelogin.com' }));
    expect(url.origin + url.pathname).to.equal('https://ims-na1.adobelogin.com/ims/authorize/v2');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      client_id: 'client-1',
      redirect_uri: 'https://app.example/redirect.html',
      scope: 'AdobeID,openid',
      response_type: 'code',
      state: 'st',
      code_challenge: base.codeChallenge,
      code_challenge_method: 'S256',
    });
  });

  it('adds locale and prompt only when set', () => {
    const url = new URL(authorizeUrl({ ...base, origin: 'http://localhost:8001', locale: 'fr_FR', prompt: 'login' }));
    expect(url.searchParams.get('locale')).to.equal('fr_FR');
    expect(url.searchParams.get('prompt')).to.equal('login');
    const plain = new URL(authorizeUrl({ ...base, origin: 'http://localhost:8001', locale: '', prompt: null }));
    expect(plain.searchParams.has('locale')).to.equal(false);
    expect(plain.searchParams.has('prompt')).to.equal(false);
  });

  it('puts the token endpoint at /ims/token/v3', () => {
    expect(tokenEndpointFor('https://ims-na1-stg1.adobelogin.com')).to.equal(
      'https://ims-na1-stg1.adobelogin.com/ims/token/v3',
    );
  });
});
