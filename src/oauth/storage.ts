import { AuthError, type AuthErrorDetail } from './errors.js';
import type { Token } from './token-request.js';

/** What `<adobe-sign-in>` saves before it leaves for IMS, keyed by `state`. */
export interface Transaction {
  verifier: string;
  clientId: string;
  redirectUri: string;
  tokenEndpoint: string;
  /** The page to go back to after a full-page sign-in. */
  returnTo: string;
  /** How sign-in was opened: the redirect page learns it here, as COOP clears `window.opener` and `window.name`. */
  mode: 'popup' | 'redirect';
  createdAt: number;
}

/** A transaction older than this is dropped: the user has abandoned it. */
export const TRANSACTION_TTL_MS = 10 * 60 * 1000;

const TX = 'adobe-auth:tx:';
const TOKEN = 'adobe-auth:token:';

/** Runs a storage operation; any throw (disabled storage, a sandboxed frame, a full quota) is `storage_unavailable`. */
const guard = <T>(op: () => T): T => {
  try {
    return op();
  } catch (e) {
    throw new AuthError('storage_unavailable', `sessionStorage cannot be used: ${(e as Error).message}`);
  }
};

/** The page's sessionStorage; merely reading the property throws in a sandboxed frame. */
export const sessionStore = (): Storage => guard(() => window.sessionStorage);

const read = <T>(storage: Storage, key: string): T | null => {
  const raw = guard(() => storage.getItem(key));
  if (raw == null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
};

/** Drops every transaction older than the TTL (or unreadable). */
export const pruneTransactions = (storage: Storage, now = Date.now()): void =>
  guard(() => {
    for (let i = storage.length; i--;) {
      const key = storage.key(i);
      if (!key?.startsWith(TX)) continue;
      const tx = read<Transaction>(storage, key);
      if (!(tx && now - tx.createdAt < TRANSACTION_TTL_MS && now >= tx.createdAt)) storage.removeItem(key);
    }
  });

export const saveTransaction = (storage: Storage, state: string, tx: Transaction): void => {
  pruneTransactions(storage, tx.createdAt);
  guard(() => storage.setItem(TX + state, JSON.stringify(tx)));
};

/** Reads and deletes the transaction of `state`: a code can be exchanged once. Null when unknown or expired. */
export const takeTransaction = (storage: Storage, state: string, now = Date.now()): Transaction | null => {
  pruneTransactions(storage, now);
  const tx = read<Transaction>(storage, TX + state);
  guard(() => storage.removeItem(TX + state));
  return tx && typeof tx.verifier == 'string' ? tx : null;
};

export const saveToken = (storage: Storage, token: Token): void =>
  guard(() => storage.setItem(TOKEN + token.clientId, JSON.stringify(token)));

/** The stored token of `clientId`, or null when there is none or it has expired (then it is removed). */
export const loadToken = (storage: Storage, clientId: string, now = Date.now()): Token | null => {
  const token = read<Token>(storage, TOKEN + clientId);
  if (token && typeof token.accessToken == 'string' && token.expiresAt > now) return token;
  if (token) clearToken(storage, clientId);
  return null;
};

export const clearToken = (storage: Storage, clientId: string): void =>
  guard(() => storage.removeItem(TOKEN + clientId));

/** The outcome of a full-page sign-in, left by the redirect page for `<adobe-sign-in>` back on the start page. */
export type Outcome = { token: Token } | { error: AuthErrorDetail };

const OUTCOME = 'adobe-auth:outcome:';

export const saveOutcome = (storage: Storage, clientId: string, outcome: Outcome): void =>
  guard(() => storage.setItem(OUTCOME + clientId, JSON.stringify(outcome)));

/** Reads and removes the outcome left for `clientId`, so it is reported once. */
export const takeOutcome = (storage: Storage, clientId: string): Outcome | null => {
  const o = read<Outcome>(storage, OUTCOME + clientId);
  guard(() => storage.removeItem(OUTCOME + clientId));
  return o;
};
