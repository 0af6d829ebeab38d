import { expect } from '@open-wc/testing';
import { base64url, challengeFor, randomString } from '../../src/oauth/pkce.js';

describe('PKCE', () => {
  it('derives the RFC 7636 appendix B challenge from its verifier', async () => {
    expect(await challengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).to.equal(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('encodes the RFC 7636 appendix B verifier octets as base64url', () => {
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240,
      91, 88, 5, 88, 83, 132, 141, 121,
    ];
    expect(base64url(new Uint8Array(octets))).to.equal('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
  });

  it('makes a 43-character verifier from 32 random bytes', () => {
    const v = randomString();
    expect(v).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(randomString()).not.to.equal(v);
  });

  it('takes its randomness from the crypto it is given', () => {
    const fixed = { getRandomValues: (a: Uint8Array) => a.fill(255) } as unknown as Crypto;
    expect(randomString(3, fixed)).to.equal('____');
  });
});
