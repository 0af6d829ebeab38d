import { AuthError, errorDetail, type AuthErrorDetail } from './errors.js';
import { revokeToken, type Token } from './token-request.js';
import { profileOf, type Profile } from './userinfo.js';

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
  /** The scope asked for: IMS may leave it out of the token response when it granted just that (RFC 6749 5.1). */
  scope?: string;
  /** False when the page's script trusted this IMS as one that sends no RFC 9207 `iss`: the redirect page may not know. */
  sendsIss?: boolean;
  createdAt: number;
}

/**
 * How long a sign-in may take: a transaction older than this is dropped (the user has abandoned it), and a popup
 * still open then is closed with `timeout`. In an object with the other limits, so that tests can shorten them.
 */
export const TRANSACTION_TTL_MS = 10 * 60 * 1000;
export const limits = {
  transactionMs: TRANSACTION_TTL_MS,
  /** How long a claim waits for its lock (claimState): a lock that never comes fails the sign-in as a timeout. */
  claimMs: 10000,
};

const TX = 'adobe-auth:tx:';
const TOKEN = 'adobe-auth:token:';
const OUTCOME = 'adobe-auth:outcome:';
const CLAIM = 'adobe-auth:used:';
/** The prefix of a session's note that its next sign-in must ask for credentials (end-session). */
export const RELOGIN = 'adobe-auth:relogin:';

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

/**
 * Drops every transaction (or, with `prefix`, state claim) older than the TTL, or unreadable; returns the others, by
 * state: a page reloaded while its popup was at IMS listens again for those.
 */
export const pruneTransactions = (storage: Storage, now = Date.now(), prefix = TX): [string, Transaction][] =>
  guard(() =>
    Object.keys(storage).flatMap((key) => {
      const tx = key.startsWith(prefix) ? read<Transaction>(storage, key) : undefined;
      if (tx === undefined) return [];
      if (now - (tx?.createdAt ?? 0) < limits.transactionMs) return [[key.slice(prefix.length), tx!]];
      storage.removeItem(key);
      return [];
    }),
  );

/**
 * Marks `state` used, in localStorage, which every tab of the origin shares: false when another tab already has (a
 * duplicated tab holds a copy of the transaction). A lock keeps two tabs from marking it at once. Where localStorage
 * refuses the mark (full, or none), the claim is a second lock this page holds while it lives: a tab at the same
 * answer meanwhile does not get it, and a tab that comes later exchanges a used code, which IMS refuses
 * (`invalid_grant`): never two exchanges in silence. Rejects with `storage_unavailable` when the browser's locks fail,
 * `timeout` when none comes.
 */
export const claimState = (state: string, now = Date.now()): Promise<boolean> => {
  const key = CLAIM + state;
  /** Marks it in localStorage; throws when localStorage refuses. */
  const mark = () => {
    pruneTransactions(localStorage, now, CLAIM);
    if (localStorage.getItem(key)) return false;
    localStorage.setItem(key, JSON.stringify({ createdAt: now }));
    return true;
  };
  const locks = navigator.locks;
  if (!locks) {
    try {
      return Promise.resolve(mark());
    } catch {
      return Promise.resolve(true); // neither locks nor localStorage: no tab to share the answer with
    }
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      reject,
      limits.claimMs,
      new AuthError('timeout', 'No lock to claim the answer with came.'),
    );
    const done = (claimed: boolean) => {
      clearTimeout(timer);
      resolve(claimed);
    };
    const failed = (e: Error) => {
      clearTimeout(timer);
      reject(new AuthError('storage_unavailable', `The browser's locks failed: ${e.message}`));
    };
    locks
      .request(key, () => {
        try {
          done(mark());
        } catch {
          locks
            .request(`${key}:held`, { ifAvailable: true }, (held) => {
              done(!!held);
              // Held while this page lives.
              return held && new Promise(() => {});
            })
            .catch(failed);
        }
      })
      .catch(failed);
    try {
      // A page's first use of localStorage takes some milliseconds: spent while the lock is on its way.
      void localStorage.length;
    } catch {
      // no localStorage: mark() finds none either
    }
  });
};

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

/** What is stored for a signed-in session: the token, and once IMS has answered, who signed in. */
export interface TokenRecord {
  token: Token;
  profile: Profile | null;
}

/** A token of `clientId`, frozen (no listener can bend it), or null when `value` is not one. */
export const asToken = (value: unknown, clientId: string): Token | null => {
  const { profile: _, ...t } = (value ?? {}) as Token & { profile?: unknown };
  return typeof t.accessToken == 'string' && typeof t.expiresAt == 'number' && t.clientId === clientId
    ? Object.freeze(t)
    : null;
};

/** A stored record as JSON, or null when the value is not one (garbage, another client's token). */
export const parseRecord = (raw: string | null, clientId: string): TokenRecord | null => {
  if (raw == null) return null;
  try {
    const value = JSON.parse(raw) as { profile?: Profile };
    const token = asToken(value, clientId);
    // Who signed in, when the record says so of the user its token is for.
    return token && { token, profile: profileOf(value.profile, token) };
  } catch {
    return null;
  }
};

/** A stored token as JSON, or null when the value is not one (garbage, another client's). */
export const parseToken = (raw: string | null, clientId: string): Token | null =>
  parseRecord(raw, clientId)?.token ?? null;

export const saveToken = (storage: TokenStore, ims: string, token: Token, profile?: Profile | null): void =>
  guard(() => storage.setItem(tokenKey(ims, token.clientId), JSON.stringify({ ...token, profile })));

/** Where a session's token is kept: its storage kind, IMS and client id (a session, or a transaction, names them). */
export interface Place {
  storage: StorageKind;
  ims: string;
  clientId: string;
}

/** The record stored at `p`, its token expired or not; null when there is none. */
export const recordAt = (p: Place): TokenRecord | null => loadRecord(storeFor(p.storage), p.ims, p.clientId);

/** Stores a token (and who it is for) at `p`. */
export const saveAt = (p: Place, token: Token, profile?: Profile | null): void =>
  saveToken(storeFor(p.storage), p.ims, token, profile);

/** Stores a new token at `p`; one that cannot be stored is revoked, then `storage_unavailable` thrown. */
export const keepToken = (p: Place, token: Token): void => {
  try {
    saveAt(p, token);
  } catch (e) {
    revokeToken(p.ims, token);
    throw e;
  }
};

/** The stored record of `ims` and `clientId`, its token expired or not; null when there is none. */
export const loadRecord = (storage: TokenStore, ims: string, clientId: string): TokenRecord | null =>
  parseRecord(
    guard(() => storage.getItem(tokenKey(ims, clientId))),
    clientId,
  );

/** The stored token of `ims` and `clientId`, expired or not; null when there is none. */
export const loadToken = (storage: TokenStore, ims: string, clientId: string): Token | null =>
  loadRecord(storage, ims, clientId)?.token ?? null;

export const clearToken = (storage: TokenStore, ims: string, clientId: string): void =>
  guard(() => storage.removeItem(tokenKey(ims, clientId)));

/** The outcome of a full-page sign-in, left by the redirect page for `<adobe-sign-in>` back on the start page. */
export type Outcome = { token: Token } | { error: AuthErrorDetail };

export const saveOutcome = (storage: Storage, ims: string, clientId: string, outcome: Outcome): void =>
  guard(() => storage.setItem(tokenKey(ims, clientId, OUTCOME), JSON.stringify(outcome)));

/**
 * Reads and removes the outcome left for `ims` and `clientId`, so it is reported once. Checked as a stored token is:
 * anything but a token of this client or an error with a code and a message is ignored.
 */
export const takeOutcome = (storage: Storage, ims: string, clientId: string): Outcome | null => {
  const o = take<{ token?: unknown; error?: AuthErrorDetail }>(storage, tokenKey(ims, clientId, OUTCOME));
  const token = asToken(o?.token, clientId);
  const e = o?.error;
  return token
    ? { token }
    : typeof e?.code == 'string' && typeof e.message == 'string'
      ? { error: errorDetail(e) }
      : null;
};
