// The claims of a JWT, read without checking its signature: jose's decodeJwt, which the build bundles into this one
// file, so that the package has no runtime dependency for it. What it reads only ever refuses a token early (expired,
// another client's); a token passes only on IMS's word.
import { decodeJwt } from 'jose';

/** The claims of `token` when it is a JWT, else undefined. */
export const unverifiedClaims = (token: string): Record<string, unknown> | undefined => {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
};
