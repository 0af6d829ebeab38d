// A session: the one owner of a token and of who signed in, where they are kept, when the token expires, the sign-ins
// under way, and keeping every element of the page (and, with `local` storage, every tab) in step. An EventTarget
// (`token`, `sign-out`, `profile`), as getSession() hands it to pages; elements subscribe. No Lit here.
import { apiAllowed } from './oauth/api.js';
import { AuthError, configError, type AuthErrorDetail } from './oauth/errors.js';
import {
  keepToken,
  parseRecord,
  recordAt,
  RELOGIN,
  saveAt,
  sessionStore,
  storeFor,
  takeOutcome,
  tokenKey,
  type StorageKind,
} from './oauth/storage.js';
import { revokeToken, type Token } from './oauth/token-request.js';
import { fetchProfile, wantsProfile, type Profile } from './oauth/userinfo.js';

/**
 * Why a session lost its token: `user` signed out here, `elsewhere` (another element or tab), it `expired`, or an API
 * `rejected` it (answered 401).
 */
export type SignOutReason = 'user' | 'elsewhere' | 'expired' | 'rejected';

/**
 * What a subscriber hears, as the event it is: a token gained or lost (and why), who signed in, a full-page
 * sign-in's error, or `busy` (a sign-in's progress, no event).
 */
export type SessionChange =
  | ['token', Token]
  | ['sign-out', { clientId: string; reason: SignOutReason }]
  | ['profile', Profile]
  | ['auth-error', AuthErrorDetail]
  | ['busy', boolean];

/**
 * `by`: the subscriber that caused the change (a sign-out it asked for is `user` to it, `elsewhere` to the rest), or
 * EVERY_SUBSCRIBER, as if each had asked.
 */
type Listener = (change: SessionChange, by: unknown) => void;

/** A change each subscriber takes as its own (signOutForTest(): the app's user signed out, whichever button). */
export const EVERY_SUBSCRIBER = Symbol();

/**
 * A sign-in under way (sign-in-flow.ts makes them).
 * @internal
 */
export interface Flow {
  /** The element that started it, which hears its errors; null for one a reloaded page listens for again. */
  owner_: unknown;
  /** A popup open, a page leaving, a code being exchanged. */
  busy: boolean;
  popup: Window | null;
  /** Ends it: its popup closes, nothing more is taken, and a token that still comes is revoked. */
  end(): void;
}

export class Session extends EventTarget {
  declare readonly ims: string;
  declare readonly clientId: string;
  declare readonly storage: StorageKind;
  #token: Token | null = null;
  #profile: Profile | null = null;
  /**
   * The sign-ins under way: at most one busy, and those a reloaded page still listens for.
   * @internal
   */
  readonly flows_ = new Set<Flow>();
  #listeners = new Set<Listener>();
  #expiry?: ReturnType<typeof setTimeout>;

  /**
   * The current token, frozen; null when signed out. A token the clock has passed (a laptop woken, the clock set
   * forward) is signed out, reason `expired`, before anyone gets it.
   */
  get token(): Token | null {
    this.expire_();
    return this.#token;
  }

  /** Who signed in (IMS's userinfo claims, frozen), when the scope asked for them; else null. */
  get profile(): Profile | null {
    return this.token && this.#profile;
  }

  constructor(ims: string, clientId: string, storage: StorageKind) {
    super();
    Object.assign(this, { ims, clientId, storage });
    let record = null;
    let outcome = null;
    try {
      record = recordAt(this);
      // A full-page sign-in that has just come back to this page left its outcome here.
      outcome = takeOutcome(sessionStore(), ims, clientId);
    } catch {
      // storage is unavailable: nothing to restore; a sign-in will report it
    }
    let token = record?.token ?? null;
    let change: SessionChange | null = outcome && 'error' in outcome ? ['auth-error', outcome.error] : null;
    if (outcome && 'token' in outcome) {
      // The redirect page stored this token too; what is stored now is newer (another tab's, or none after a
      // sign-out there). Only `memory` keeps nothing, and has only the outcome.
      if (storage == 'memory') token = outcome.token;
      change = token && ['token', token];
    }
    if (token && token.expiresAt <= Date.now()) {
      // Expired while the page was away (or the clock jumped): signed out at once, never a negative timer.
      this.#forget(token);
      token = null;
      change = this.#out('expired');
    }
    this.#adopt(token, record && token == record.token ? record.profile : null);
    // Reported once the page has loaded, with the listeners its module scripts add; a token merely restored is not.
    if (change) afterLoad(() => this.#report(change));
  }

  /**
   * The sign-in under way (busy), if any; of `owner` only, when given.
   * @internal
   */
  busyFlow_(owner?: unknown): Flow | undefined {
    return [...this.flows_].find((f) => f.busy && (owner === undefined || f.owner_ === owner));
  }

  /**
   * Signs out, reason `expired`, a token the clock has passed: its timer counts time the page was running, not the
   * wall clock (a page shown again after a laptop slept).
   * @internal
   */
  expire_(): void {
    if (this.#token && this.#token.expiresAt <= Date.now()) this.#lose('expired');
  }

  /**
   * Whether the next sign-in must ask for credentials: a sign-out with end-session came before it (in this storage,
   * so a reload, or another tab of a `local` session, remembers it), and no sign-in since.
   * @internal
   */
  relogin_(): boolean {
    try {
      return !!storeFor(this.storage).getItem(this.#reloginKey);
    } catch {
      return false;
    }
  }

  get #reloginKey(): string {
    return tokenKey(this.ims, this.clientId, RELOGIN);
  }

  /** @internal */
  subscribe_(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * A token from a sign-in: stored, then every subscriber hears of it. One that cannot be stored is revoked.
   * @internal
   */
  signedIn_(token: Token): void {
    keepToken(this, token);
    try {
      storeFor(this.storage).removeItem(this.#reloginKey);
    } catch {
      // storage is unavailable: nothing was remembered
    }
    if (this.#adopt(token)) this.#report(['token', token]);
  }

  /**
   * Signs out without telling IMS (signOutForTest(): the token was never IMS's): sign-ins under way end, and every
   * element hears `sign-out` with reason `user`, as after its own button.
   * @internal
   */
  forget_(): void {
    this.endFlows_();
    this.#lose('user', EVERY_SUBSCRIBER);
  }

  /**
   * Signs out: ends any sign-in under way (its late token is revoked, never taken), forgets the token and revokes it
   * at the IMS that issued it; `endSession` also asks IMS to end the user's IMS session, and the session's next
   * sign-in asks for credentials (`prompt=login`) whatever IMS did. `by`: the element that asked.
   */
  signOut({ endSession = false }: { endSession?: boolean } = {}, by?: unknown): void {
    this.endFlows_();
    const token = this.token;
    if (!token) return;
    if (endSession) {
      try {
        storeFor(this.storage).setItem(this.#reloginKey, '1');
      } catch {
        // storage is unavailable: this page's next sign-in asks anyway, IMS permitting
      }
    }
    revokeToken(this.ims, token, endSession);
    this.#lose('user', by);
  }

  /**
   * `fetch()` with the token: `Authorization: Bearer` and `x-api-key` (the client id, unless set), only to an https
   * origin under adobe.io, loopback, or an origin allowed with `trustApiOrigin()`; anything else rejects with
   * `config_error` and sends nothing. Signed out, or the token expired: `login_required`. A 401 from the origin the
   * token went to signs the session out (`rejected`), and the caller still gets the response.
   */
  async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    let req: Request | undefined;
    try {
      // The URL the request will go to, resolved as fetch() resolves it: what is checked is what is sent.
      req = new Request(input, init);
    } catch {
      // a URL with credentials in it, or no URL: refused below
    }
    if (!req || !apiAllowed(new URL(req.url))) {
      throw configError(
        `session.fetch() sends the token to https://*.adobe.io, loopback and trustApiOrigin() only: ${req?.url ?? input}`,
      );
    }
    const token = this.token;
    if (!token) throw new AuthError('login_required', 'Not signed in.');
    req.headers.set('authorization', `Bearer ${token.accessToken}`);
    if (!req.headers.has('x-api-key')) req.headers.set('x-api-key', this.clientId);
    const res = await fetch(req);
    // A redirect to another origin drops the token: a 401 from there says nothing of it.
    const answered = new URL(res.url || req.url).origin;
    if (res.status == 401 && answered == new URL(req.url).origin && this.#token?.accessToken == token.accessToken) {
      revokeToken(this.ims, token);
      this.#lose('rejected');
    }
    return res;
  }

  /**
   * Ends the sign-ins under way (of `owner` only, when given); true when there was one.
   * @internal
   */
  endFlows_(owner?: unknown): boolean {
    let ended = false;
    for (const f of this.flows_) {
      if (owner === undefined || f.owner_ === owner) {
        f.end();
        ended = true;
      }
    }
    return ended;
  }

  /**
   * A sign-in's progress changed (or an error came for no element to report): subscribers hear of it.
   * @internal
   */
  notify_(...change: SessionChange): void {
    this.#emit(change);
  }

  /**
   * Another tab changed the stored record (or signInForTest() made one): take it, the token and who it is for, asking
   * IMS nothing. `said`: the value the event carried, which names why a token was removed. A value that is not a
   * token of this client is ignored.
   * @internal
   */
  sync_(raw: string | null, said?: string | null): void {
    const record = parseRecord(raw, this.clientId);
    const rejected = [raw, said].some((v) => v?.includes('"rejected"'));
    if (record) {
      if (this.#adopt(record.token)) this.#report(['token', record.token], false);
      if (record.profile && !this.#profile) this.#setProfile(record.profile);
    } else if (raw == null || rejected) {
      // Every tab's own timer signs it out at expiry: whichever tab clears the storage first, the others say `expired`.
      const expired = this.#token && this.#token.expiresAt <= Date.now() + 1000;
      const reason = rejected ? 'rejected' : expired ? 'expired' : 'elsewhere';
      // Signed out in another tab: a sign-in under way here must not sign the user in again.
      if (reason == 'elsewhere') this.endFlows_();
      this.#lose(reason);
    }
  }

  /** A new token: every subscriber hears of it; then, when the scope asks and `ask` says so, IMS is asked who. */
  #report(change: SessionChange, ask = true): void {
    this.#emit(change);
    const [type, token] = change;
    if (!ask || type != 'token' || !wantsProfile(token.scope)) return;
    void fetchProfile(this.ims, token).then((profile) => {
      if (!profile || this.#token?.accessToken != token.accessToken) return;
      try {
        // Kept with its token, so a reload or another tab of a `local` session has it without asking again.
        if (this.#holds(token)) saveAt(this, token, profile);
      } catch {
        // storage is unavailable: the profile is this page's only
      }
      this.#setProfile(profile);
    });
  }

  #setProfile(profile: Profile): void {
    this.#profile = profile;
    this.#emit(['profile', profile]);
  }

  #out(reason: SignOutReason): SessionChange {
    return ['sign-out', { clientId: this.clientId, reason }];
  }

  #lose(reason: SignOutReason, by?: unknown): void {
    if (this.#token) this.#forget(this.#token, reason);
    if (this.#adopt(null)) this.#emit(this.#out(reason), by);
  }

  /** Whether storage still holds `token`: another tab may have stored another one since. Throws when unavailable. */
  #holds(token: Token): boolean {
    return recordAt(this)?.token.accessToken == token.accessToken;
  }

  /** Removes `token` from storage, unless another tab has stored another one since. */
  #forget(token: Token, reason?: SignOutReason): void {
    try {
      if (this.#holds(token)) {
        const store = storeFor(this.storage);
        const key = tokenKey(this.ims, this.clientId);
        // Other tabs learn from the value written before the removal that an API rejected the token.
        if (reason == 'rejected') store.setItem(key, '{"rejected":1}');
        store.removeItem(key);
      }
    } catch {
      // storage is unavailable: there is nothing stored to clear
    }
  }

  /** Takes `token` (and who it is for) as the current one and sets its expiry; true when it changed. */
  #adopt(token: Token | null, profile: Profile | null = null): boolean {
    if (token?.accessToken === this.#token?.accessToken) return false;
    this.#token = token;
    this.#profile = profile;
    clearTimeout(this.#expiry);
    if (token) this.#expiry = timerAt(token.expiresAt, () => this.#lose('expired'));
    return true;
  }

  #emit(change: SessionChange, by?: unknown): void {
    for (const l of [...this.#listeners]) l(change, by);
    const [type, detail] = change;
    if (type != 'busy') this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

/** Runs `fn` at epoch milliseconds `at`: at once when that is past (never a negative delay), never past a timer's limit. */
export const timerAt = (at: number, fn: () => void): ReturnType<typeof setTimeout> =>
  setTimeout(fn, Math.min(Math.max(0, at - Date.now()), 2 ** 31 - 1));

/** Runs `fn` a task after the page's `load` event: every script of the page, and what they import, has run. */
const afterLoad = (fn: () => void) => {
  const later = () => setTimeout(fn);
  if (document.readyState == 'complete') later();
  else addEventListener('load', later, { once: true });
};
