/** Base64url without padding (RFC 4648 §5), as PKCE and `state` need. */
export const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** `n` random bytes as base64url: 32 bytes give a 43-character PKCE verifier (RFC 7636 §4.1). */
export const randomString = (n = 32, crypto: Crypto = globalThis.crypto): string =>
  base64url(crypto.getRandomValues(new Uint8Array(n)));

/** The S256 code challenge: base64url(SHA-256(ASCII(verifier))) (RFC 7636 §4.2). */
export const challengeFor = async (verifier: string, crypto: Crypto = globalThis.crypto): Promise<string> =>
  base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
