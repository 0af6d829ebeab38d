// One session per IMS, client id and storage: the one owner of the token, where it is kept, when it expires, and
// keeping every element of the page (and, with `local` storage, every tab) in step. No Lit here: elements subscribe.
import type { AuthErrorDetail } from './oauth/errors.js';
import {
  clearToken,
  loadToken,
  parseToken,
  keepToken,
  sessionStore,
  storeFor,
  takeOutcome,
  tokenKey,
  type StorageKind,
} from './oauth/storage.js';
import { revokeToken, type Token } from './oauth/token-request.js';

/** Why a session lost its token: `user` signed out here, `elsewhere` (another element or tab), or it `expired`. */
export type SignOutReason = 'user' | 'elsewhere' | 'expired';

/** What a subscriber hears: a token gained, a token lost (and why), or the error a full-page sign-in came back with. */
export type SessionChange = { token: Token } | { signedOut: SignOutReason } | { error: AuthErrorDetail };

/** `by`: the subscriber that caused the change (a sign-out it asked for is `user` to it, `elsewhere` to the rest). */
type Listener = (change: SessionChange, by: unknown) => void;

export class Session {
  declare readonly ims: string;
  declare readonly clientId: string;
  declare readonly storage: StorageKind;
  token: Token | null = null;
  #listeners = new Set<Listener>();
  #expiry?: ReturnType<typeof setTimeout>;

  constructor(ims: string, clientId: string, storage: StorageKind) {
    Object.assign(this, { ims, clientId, storage });
    let token: Token | null = null;
    let outcome = null;
    try {
      token = loadToken(storeFor(storage), ims, clientId);
      // A full-page sign-in that has just come back to this page left its outcome here.
      outcome = takeOutcome(sessionStore(), ims, clientId);
    } catch {
      // storage is unavailable: nothing to restore; a sign-in will report it
    }
    let change: SessionChange | null = outcome && ('token' in outcome ? { token: (token = outcome.token) } : outcome);
    if (token && token.expiresAt <= Date.now()) {
      // Expired while the page was away (or the clock jumped): signed out at once, never a negative timer.
      this.#forget(token);
      token = null;
      change = { signedOut: 'expired' };
    }
    this.#adopt(token);
    // Reported once the page's own scripts have had a chance to listen; a token merely restored is not.
    if (change) afterLoad(() => this.#emit(change));
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A token from a sign-in: stored, then every subscriber hears of it. One that cannot be stored is revoked. */
  signedIn(token: Token): void {
    keepToken(this.storage, this.ims, token);
    if (this.#adopt(token)) this.#emit({ token });
  }

  /** Forgets the token and revokes it at the IMS that issued it; `endSession` also ends the user's IMS session. */
  signOut(by: unknown, endSession = false): void {
    const token = this.token;
    if (!token) return;
    revokeToken(this.ims, token, endSession);
    this.#lose('user', by);
  }

  /** Another tab changed the stored token: take its value. A value that is not a token of this client is ignored. */
  sync(raw: string | null): void {
    const token = parseToken(raw, this.clientId);
    // Every tab's own timer signs it out at expiry: whichever tab clears the storage first, the others say `expired`.
    if (raw == null) this.#lose(this.token && this.token.expiresAt <= Date.now() + 1000 ? 'expired' : 'elsewhere');
    else if (token && this.#adopt(token)) this.#emit({ token });
  }

  #lose(reason: SignOutReason, by?: unknown): void {
    if (this.token) this.#forget(this.token);
    if (this.#adopt(null)) this.#emit({ signedOut: reason }, by);
  }

  /** Removes `token` from storage, unless another tab has stored another one since. */
  #forget(token: Token): void {
    try {
      const store = storeFor(this.storage);
      if (loadToken(store, this.ims, this.clientId)?.accessToken === token.accessToken) {
        clearToken(store, this.ims, this.clientId);
      }
    } catch {
      // storage is unavailable: there is nothing stored to clear
    }
  }

  /** Takes `token` as the current one and sets its expiry; true when it changed. */
  #adopt(token: Token | null): boolean {
    if (token?.accessToken === this.token?.accessToken) return false;
    this.token = token;
    clearTimeout(this.#expiry);
    if (token) this.#expiry = timerAt(token.expiresAt, () => this.#lose('expired'));
    return true;
  }

  #emit(change: SessionChange, by?: unknown): void {
    for (const l of [...this.#listeners]) l(change, by);
  }
}

/** Runs `fn` at epoch milliseconds `at`: at once when that is past (never a negative delay), never past a timer's limit. */
export const timerAt = (at: number, fn: () => void): ReturnType<typeof setTimeout> =>
  setTimeout(fn, Math.min(Math.max(0, at - Date.now()), 2 ** 31 - 1));

/** Runs `fn` once the document has loaded and its scripts have run. */
const afterLoad = (fn: () => void) => {
  const later = () => setTimeout(fn);
  if (document.readyState == 'loading') addEventListener('DOMContentLoaded', later, { once: true });
  else later();
};

const sessions = new Map<string, Session>();

/** Every `local` session of the page hears of other tabs' changes to its key. */
const onStorage = (e: StorageEvent) => {
  for (const s of sessions.values()) {
    if (s.storage == 'local' && (e.key == null || e.key == tokenKey(s.ims, s.clientId))) {
      // Read the value as it is now, not as the event says: two tabs writing at once end with the same token.
      s.sync(e.key == null ? null : localStorage.getItem(e.key));
    }
  }
};

/** The session of an IMS, client id and storage, shared by every element that names the same three. */
export const sessionFor = (ims: string, clientId: string, storage: StorageKind): Session => {
  const key = `${storage} ${ims} ${clientId}`;
  let s = sessions.get(key);
  if (!s) {
    if (!sessions.size) addEventListener('storage', onStorage);
    sessions.set(key, (s = new Session(ims, clientId, storage)));
  }
  return s;
};
