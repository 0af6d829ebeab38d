// Property-based: whatever arrives in a redirect URL's query, or from a token endpoint, the parsers end in a result
// or a typed AuthError, never in another exception.
import fc from 'fast-check';
import { parseCallback } from '../../src/oauth/callback.js';
import { tokenFromResponse } from '../../src/oauth/token-request.js';
import { AuthError } from '../../src/oauth/errors.js';

const settles = (op: () => unknown): boolean => {
  try {
    op();
    return true;
  } catch (e) {
    return e instanceof AuthError && typeof e.code == 'string' && e.code.length > 0;
  }
};

const names = ['code', 'state', 'error', 'error_description', 'iss', 'x'];
const query = fc
  .array(fc.tuple(fc.constantFrom(...names), fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constant(''))), {
    maxLength: 8,
  })
  .map((pairs) => '?' + new URLSearchParams(pairs).toString());

const json = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        access_token: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        token_type: fc.oneof(fc.string(), fc.constant(undefined)),
        expires_in: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.boolean()),
        error: fc.oneof(fc.string(), fc.constant(undefined), fc.integer()),
        retryAfter: fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)),
      },
      { requiredKeys: [] },
    )
    .map((r) => JSON.stringify(r)),
  fc.string(),
  fc.string({ unit: 'binary' }),
);

describe('parsers, over thousands of generated inputs', () => {
  it('parseCallback: an answer, null, or an AuthError', () => {
    fc.assert(
      fc.property(query, (q) => settles(() => parseCallback(q))),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (q) => settles(() => parseCallback(q))),
      { numRuns: 2000 },
    );
  });

  it('parseCallback: a code comes back only with a state, never with an error', () => {
    fc.assert(
      fc.property(query, (q) => {
        try {
          const cb = parseCallback(q);
          return !cb || (!!cb.state && ('code' in cb ? !!cb.code : cb.error instanceof AuthError));
        } catch (e) {
          return e instanceof AuthError;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('tokenFromResponse: a token with a real lifetime, or an AuthError', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        fc.oneof(fc.constant(null), fc.string()),
        json,
        (status, retryAfter, body) => {
          try {
            const t = tokenFromResponse(status, retryAfter, body, 'c', 0);
            return typeof t.accessToken == 'string' && t.expiresIn > 0 && Number.isFinite(t.expiresAt) && status < 300;
          } catch (e) {
            return e instanceof AuthError && (e.retryAfter == null || Number.isInteger(e.retryAfter));
          }
        },
      ),
      { numRuns: 5000 },
    );
  });
});
