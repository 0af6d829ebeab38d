import { expect } from '@open-wc/testing';
import {
  authorizeUrl,
  extraAuthorizeParams,
  imsOriginFor,
  sendsIss,
  tokenEndpointFor,
  trustImsOrigin,
} from '../../src/oauth/ims.js';
import { AuthError } from '../../src/oauth/errors.js';

const base = {
  ims: 'https://ims-na1.adobelogin.com',
  clientId: 'client-1',
  redirectUri: 'https://app.example/redirect.html',
  scope: 'AdobeID,openid',
  state: 'st',
  codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
};

const configError = (op: () => unknown): AuthError => {
  try {
    op();
  } catch (e) {
    expect(e).to.be.instanceOf(AuthError);
    expect((e as AuthError).code).to.equal('config_error');
    return e as AuthError;
  }
  throw new Error('no config_error');
};

describe('IMS origins: where secrets may go', () => {
  it('uses production IMS by default and stage on request', () => {
    expect(imsOriginFor()).to.equal('https://ims-na1.adobelogin.com');
    expect(imsOriginFor('prod')).to.equal('https://ims-na1.adobelogin.com');
    expect(imsOriginFor('stage')).to.equal('https://ims-na1-stg1.adobelogin.com');
  });

  it('lets ims-origin name Adobe IMS or a loopback origin, keeping only the origin', () => {
    expect(imsOriginFor('stage', 'http://localhost:8001/')).to.equal('http://localhost:8001');
    expect(imsOriginFor(null, 'http://127.0.0.1:9000/x')).to.equal('http://127.0.0.1:9000');
    expect(imsOriginFor(null, 'http://[::1]:9000')).to.equal('http://[::1]:9000');
    expect(imsOriginFor(null, 'https://localhost')).to.equal('https://localhost');
    expect(imsOriginFor('prod', 'https://ims-na1-stg1.adobelogin.com')).to.equal('https://ims-na1-stg1.adobelogin.com');
  });

  it('refuses any other ims-origin with config_error until script trusts it', () => {
    expect(configError(() => imsOriginFor(null, 'https://ims.partner.example')).message).to.contain('trustImsOrigin');
    trustImsOrigin('https://ims.partner.example/');
    expect(imsOriginFor(null, 'https://ims.partner.example')).to.equal('https://ims.partner.example');
    // Trust is per origin: another port or host is still refused.
    configError(() => imsOriginFor(null, 'https://ims.partner.example:8443'));
    configError(() => imsOriginFor(null, 'https://evil.example'));
  });

  it('wants https for every origin but loopback, also from trustImsOrigin', () => {
    configError(() => imsOriginFor(null, 'http://ims-na1.adobelogin.com'));
    configError(() => imsOriginFor(null, 'http://attacker.example'));
    configError(() => trustImsOrigin('http://ims.partner.example'));
    configError(() => trustImsOrigin('javascript:alert(1)'));
    configError(() => imsOriginFor(null, 'localhost:8001/x'));
  });

  it('refuses an environment that is not prod or stage, including inherited names', () => {
    for (const env of ['dev', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(configError(() => imsOriginFor(env)).message).to.contain('environment');
    }
  });

  it('knows which IMS may answer without iss (RFC 9207): Adobe only', () => {
    expect(sendsIss('https://ims-na1.adobelogin.com')).to.equal(false);
    expect(sendsIss('https://ims-na1-stg1.adobelogin.com')).to.equal(false);
    expect(sendsIss('http://localhost:8001')).to.equal(true);
    trustImsOrigin('https://quiet.partner.example', { sendsIss: false });
    expect(sendsIss('https://quiet.partner.example')).to.equal(false);
  });
});

describe('IMS URLs', () => {
  it('builds the v2 authorize URL with S256 always sent', () => {
    const url = new URL(authorizeUrl(base));
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
    const url = new URL(authorizeUrl({ ...base, locale: 'fr_FR', prompt: 'login' }));
    expect(url.searchParams.get('locale')).to.equal('fr_FR');
    expect(url.searchParams.get('prompt')).to.equal('login');
    const plain = new URL(authorizeUrl({ ...base, locale: '', prompt: null }));
    expect(plain.searchParams.has('locale')).to.equal(false);
    expect(plain.searchParams.has('prompt')).to.equal(false);
  });

  it('adds authorize-params, such as social sign-in, after checking them', () => {
    const extra = extraAuthorizeParams('idp_flow=social.deep_link.web&provider_id=google&dctx_id=v:1');
    const url = new URL(authorizeUrl({ ...base, extra }));
    expect(url.searchParams.get('idp_flow')).to.equal('social.deep_link.web');
    expect(url.searchParams.get('provider_id')).to.equal('google');
    expect(url.searchParams.get('dctx_id')).to.equal('v:1');
    expect(url.searchParams.get('code_challenge_method')).to.equal('S256');
    expect(extraAuthorizeParams(null).toString()).to.equal('');
  });

  for (const own of [
    'client_id',
    'redirect_uri',
    'response_type',
    'state',
    'code_challenge',
    'code_challenge_method',
    'scope',
  ]) {
    it(`refuses authorize-params that set ${own}`, () => {
      expect(configError(() => extraAuthorizeParams(`idp_flow=x&${own}=y`)).message).to.contain(own);
    });
  }

  it('puts the token endpoint at /ims/token/v3', () => {
    expect(tokenEndpointFor('https://ims-na1-stg1.adobelogin.com')).to.equal(
      'https://ims-na1-stg1.adobelogin.com/ims/token/v3',
    );
  });
});
