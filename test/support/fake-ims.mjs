// A token endpoint that misbehaves on purpose, for failure modes the real local IMS does not produce.
// POST /fake-ims/<scenario>/ims/token/v3
const json = (status, body, headers = {}) => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});

const scenarios = {
  'idp-error': () => json(400, { error: 'invalid_grant', error_description: 'The authorization code has expired.' }),
  'html-500': () => ({
    status: 500,
    body: '<!doctype html><h1>Internal Server Error</h1>',
    headers: { 'content-type': 'text/html' },
  }),
  'html-200': () => ({ status: 200, body: '<!doctype html><p>Sign in</p>', headers: { 'content-type': 'text/html' } }),
  'rate-limited': () => ({ status: 429, body: '', headers: { 'retry-after': '30' } }),
  'unavailable-json': () => json(503, { error: 'temporarily_unavailable' }, { 'retry-after': '120' }),
  'bad-gateway-json': () => json(502, { message: 'upstream timed out' }),
  'missing-token': () => json(200, { token_type: 'bearer', expires_in: 3600 }),
  'expires-as-string': () => json(200, { access_token: 'at', token_type: 'bearer', expires_in: '3600' }),
  'json-array': () => json(200, [{ access_token: 'at', expires_in: 3600 }]),
  ok: () => json(200, { access_token: 'at-123', token_type: 'bearer', expires_in: 3600, scope: 'AdobeID,openid' }),
  slow: async () => {
    await new Promise((r) => setTimeout(r, 3000));
    return json(200, { access_token: 'late', token_type: 'bearer', expires_in: 3600 });
  },
};

export async function fakeImsMiddleware(ctx, next) {
  const m = /^\/fake-ims\/([\w-]+)\/ims\/token\/v3$/.exec(ctx.path);
  if (!m || !scenarios[m[1]]) return next();
  const { status, body, headers } = await scenarios[m[1]]();
  ctx.status = status;
  ctx.set(headers);
  ctx.body = body;
}
