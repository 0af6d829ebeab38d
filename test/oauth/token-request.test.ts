import { expect } from '@open-wc/testing';
import { requestToken, tokenFromResponse, type TokenRequest } from '../../src/oauth/token-request.js';
import { AuthError } from '../../src/oauth/errors.js';

const request = (scenario: string, extra: Partial<TokenRequest> = {}): Promise<unknown> =>
  requestToken({
    ims: `${location.origin}/fake-ims/${scenario}`,
    clientId: 'client-1',
    code: 'code-1',
    verifier: 'v'.repeat(43),
    redirectUri: 'https://app.example/redirect.html',
    ...extra,
  });

const failure = async (scenario: string, extra?: Partial<TokenRequest>): Promise<AuthError> => {
  try {
    await request(scenario, extra);
  } catch (e) {
    expect(e).to.be.instanceOf(AuthError);
    return e as AuthError;
  }
  throw new Error(`${scenario}: the request succeeded`);
};

describe('token request', () => {
  it('posts a form with the code, verifier and client id, and no custom header', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const fakeFetch = async (url: URL | RequestInfo, init?: RequestInit) => {
      seen = { url: String(url), init: init! };
      return new Response('{"access_token":"at","token_type":"bearer","expires_in":60}');
    };
    await request('ok', { fetch: fakeFetch as typeof fetch, ims: 'https://ims.example' });
    expect(seen!.url).to.equal('https://ims.example/ims/token/v3?client_id=client-1');
    expect(seen!.init.method).to.equal('POST');
    expect(seen!.init.headers).to.equal(undefined);
    expect(seen!.init.body).to.be.instanceOf(URLSearchParams);
    expect(Object.fromEntries(seen!.init.body as URLSearchParams)).to.deep.equal({
      grant_type: 'authorization_code',
      code: 'code-1',
      code_verifier: 'v'.repeat(43),
      client_id: 'client-1',
      redirect_uri: 'https://app.example/redirect.html',
    });
  });

  it('resolves with the token, its expiry turned into epoch milliseconds', async () => {
    const token = await request('ok', { now: () => 1_000_000 });
    expect(token).to.deep.equal({
      accessToken: 'at-123',
      tokenType: 'bearer',
      expiresIn: 3600,
      expiresAt: 1_000_000 + 3_600_000,
      scope: 'AdobeID,openid',
      idToken: undefined,
      clientId: 'client-1',
    });
  });

  it("passes the IdP's error and description through, with the status", async () => {
    const e = await failure('idp-error');
    expect(e.code).to.equal('invalid_grant');
    expect(e.description).to.equal('The authorization code has expired.');
    expect(e.message).to.equal('The authorization code has expired.');
    expect(e.status).to.equal(400);
  });

  it('maps an unreachable endpoint to network_error', async () => {
    const e = await failure('ok', { ims: 'http://127.0.0.1:9' });
    expect(e.code).to.equal('network_error');
    expect(e.status).to.equal(undefined);
  });

  it('aborts a request that outlasts the timeout with timeout', async () => {
    const e = await failure('slow', { timeoutMs: 300 });
    expect(e.code).to.equal('timeout');
    expect(e.message).to.contain('300 ms');
  });

  it('maps an HTML error page to invalid_response, keeping the 5xx status', async () => {
    const e = await failure('html-500');
    expect(e.code).to.equal('invalid_response');
    expect(e.status).to.equal(500);
  });

  it('maps an HTML page sent with 200 to invalid_response', async () => {
    const e = await failure('html-200');
    expect(e.code).to.equal('invalid_response');
    expect(e.status).to.equal(200);
  });

  it('keeps the status and Retry-After of a 429', async () => {
    const e = await failure('rate-limited');
    expect(e.code).to.equal('invalid_response');
    expect(e.status).to.equal(429);
    expect(e.retryAfter).to.equal(30);
    expect(e.message).to.contain('429');
  });

  it('keeps the IdP error, status and Retry-After of a 503', async () => {
    const e = await failure('unavailable-json');
    expect(e.code).to.equal('temporarily_unavailable');
    expect(e.status).to.equal(503);
    expect(e.retryAfter).to.equal(120);
  });

  it('maps a 5xx JSON body without an error code to invalid_response', async () => {
    const e = await failure('bad-gateway-json');
    expect(e.code).to.equal('invalid_response');
    expect(e.status).to.equal(502);
  });

  for (const scenario of ['missing-token', 'json-array']) {
    it(`refuses a 200 answer that is not a token (${scenario}) with invalid_response`, async () => {
      expect((await failure(scenario)).code).to.equal('invalid_response');
    });
  }

  it('accepts expires_in as a numeric string, as imslib does', async () => {
    const token = await request('expires-as-string', { now: () => 0 });
    expect(token).to.include({ accessToken: 'at', expiresIn: 3600, expiresAt: 3_600_000 });
  });
});

describe('token response', () => {
  const read = (status: number, body: unknown, retryAfter: string | null = null) =>
    tokenFromResponse(status, retryAfter, typeof body == 'string' ? body : JSON.stringify(body), 'c', 0);
  const error = (status: number, body: unknown, retryAfter: string | null = null): AuthError => {
    try {
      read(status, body, retryAfter);
    } catch (e) {
      return e as AuthError;
    }
    throw new Error('no error');
  };

  it("reads a 429's wait from Retry-After, else from the body's retryAfter as imslib does", () => {
    expect(error(429, { error: 'too_many_requests' }, '7').retryAfter).to.equal(7);
    expect(error(429, { error: 'too_many_requests', retryAfter: 12 }).retryAfter).to.equal(12);
    expect(error(429, { error: 'too_many_requests', retryAfter: '9' }).retryAfter).to.equal(9);
    expect(error(429, { retryAfter: 4 }).retryAfter).to.equal(4);
    expect(error(429, { error: 'too_many_requests', retryAfter: 'soon' }).retryAfter).to.equal(undefined);
  });

  for (const expiresIn of ['3600', 3600, ' 60 ']) {
    it(`accepts expires_in ${JSON.stringify(expiresIn)}`, () => {
      expect(read(200, { access_token: 'a', expires_in: expiresIn }).expiresIn).to.equal(+expiresIn);
    });
  }

  for (const expiresIn of ['', 'soon', '-5', 0, -1, null, true, [60], {}, 'Infinity', Infinity, 1.8e305, 2 ** 31]) {
    it(`refuses expires_in ${JSON.stringify(expiresIn)} with invalid_response`, () => {
      expect(error(200, { access_token: 'a', expires_in: expiresIn }).code).to.equal('invalid_response');
    });
  }
});
