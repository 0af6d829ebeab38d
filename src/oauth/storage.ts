import { AuthError, type AuthErrorDetail } from './errors.js';
import { revokeToken, type Token } from './token-request.js';

/** Where tokens are kept: `session` (this tab), `local` (every tab of the origin) or `memory` (this page only). */
export type StorageKind = 'session' | 'local' | 'memory';

/** What `<adobe-sign-in>` saves before it leaves for IMS, keyed by `state`, always in sessionStorage. */
export interface Transaction {
  verifier: string;
  clientId: string;
  redirectUri: string;
  /** The IMS the sign-in went to: the answer's `iss` must name it, and the code is exchanged there. */
  ims: string;
  /** The page to go back to after a full-page sign-in. */
  returnTo: string;
  /** How sign-in was opened: the redirect page learns it here, as COOP clears `window.opener` and `window.name`. */
  mode: 'popup' | 'redirect';
  /** Where the token goes. */
  storage: StorageKind;
  createdAt: number;
}

/** A transaction older than this is dropped: the user has abandoned it. */
export const TRANSACTION_TTL_MS = 10 * 60 * 1000;

const TX = 'adobe-auth:tx:';
const TOKEN = 'adobe-auth:token:';
const OUTCOME = 'adobe-auth:outcome:';

/** Runs a storage operation; any throw (disabled storage, a sandboxed frame, a full quota) is `storage_unavailable`. */
const guard = <T>(op: () => T): T => {
  try {
    return op();
  } catch (e) {
    throw new AuthError('storage_unavailable', `Storage unavailable: ${(e as Error).message}`);
  }
};

/** What the token functions need of a Storage. */
export type TokenStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Tokens of `storage="memory"`: gone with the page. */
const memory = new Map<string, string>();
const memoryStore: TokenStore = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
  removeItem: (k) => void memory.delete(k),
};

/** The page's sessionStorage; merely reading the property throws in a sandboxed frame. */
export const sessionStore = (): Storage => guard(() => window.sessionStorage);

/** The Storage behind a kind. */
export const storeFor = (kind: StorageKind): TokenStore =>
  kind == 'memory' ? memoryStore : kind == 'local' ? guard(() => window.localStorage) : sessionStore();

const read = <T>(storage: TokenStore, key: string): T | null => {
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
      if (!(now - (tx?.createdAt ?? 0) < TRANSACTION_TTL_MS)) storage.removeItem(key);
    }
  });

export const saveTransaction = (storage: Storage, state: string, tx: Transaction): void => {
  pruneTransactions(storage, tx.createdAt);
  guard(() => storage.setItem(TX + state, JSON.stringify(tx)));
};

/** Reads and removes a value, so it is used once. */
const take = <T>(storage: Storage, key: string): T | null => {
  const value = read<T>(storage, key);
  guard(() => storage.removeItem(key));
  return value;
};

/** Reads and deletes the transaction of `state`: a code can be exchanged once. Null when unknown or expired. */
export const takeTransaction = (storage: Storage, state: string, now = Date.now()): Transaction | null => {
  pruneTransactions(storage, now);
  const tx = take<Transaction>(storage, TX + state);
  return tx && typeof tx.verifier == 'string' ? tx : null;
};

/** Tokens are kept per issuing IMS and client id: one IMS's token is never another's, nor sent to it. */
export const tokenKey = (ims: string, clientId: string, prefix = TOKEN): string => `${prefix}${ims}|${clientId}`;

/** A stored token as JSON, or null when the value is not one (garbage, another client's). */
export const parseToken = (raw: string | null, clientId: string): Token | null => {
  try {
    const t = JSON.parse(raw!) as Token;
    return typeof t?.accessToken == 'string' && typeof t.expiresAt == 'number' && t.clientId === clientId ? t : null;
  } catch {
    return null;
  }
};

export const saveToken = (storage: TokenStore, ims: string, token: Token): void =>
  guard(() => storage.setItem(tokenKey(ims, token.clientId), JSON.stringify(token)));

/** Stores a new token where `kind` says; one that cannot be stored is revoked, then `storage_unavailable` thrown. */
export const keepToken = (kind: StorageKind, ims: string, token: Token): void => {
  try {
    saveToken(storeFor(kind), ims, token);
  } catch (e) {
    revokeToken(ims, token);
    throw e;
  }
};

/** The stored token of `ims` and `clientId`, expired or not; null when there is none. */
export const loadToken = (storage: TokenStore, ims: string, clientId: string): Token | null =>
  parseToken(
    guard(() => storage.getItem(tokenKey(ims, clientId))),
    clientId,
  );

export const clearToken = (storage: TokenStore, ims: string, clientId: string): void =>
  guard(() => storage.removeItem(tokenKey(ims, clientId)));

/** The outcome of a full-page sign-in, left by the redirect page for `<adobe-sign-in>` back on the start page. */
export type Outcome = { token: Token } | { error: AuthErrorDetail };

export const saveOutcome = (storage: Storage, ims: string, clientId: string, outcome: Outcome): void =>
  guard(() => storage.setItem(tokenKey(ims, clientId, OUTCOME), JSON.stringify(outcome)));

/** Reads and removes the outcome left for `ims` and `clientId`, so it is reported once. */
export const takeOutcome = (storage: Storage, ims: string, clientId: string): Outcome | null =>
  take(storage, tokenKey(ims, clientId, OUTCOME));
