// The page's sessions: one per IMS, client id and storage, shared by every element that names the same three and by
// getSession(); other tabs' changes reach `local` ones through `storage` events.
import { configError } from './oauth/errors.js';
import { imsOriginFor } from './oauth/ims.js';
import { tokenKey, type StorageKind } from './oauth/storage.js';
import { Session } from './session.js';
import { resumeSignIns } from './sign-in-flow.js';

/** What names a session: as `<adobe-sign-in>`'s attributes do. */
export interface SessionOptions {
  clientId: string;
  environment?: 'prod' | 'stage' | null;
  /** Adobe's, loopback, or one allowed with `trustImsOrigin()`; overrides `environment`. */
  imsOrigin?: string | null;
  storage?: StorageKind;
}

const sessions = new Map<string, Session>();

/** Every `local` session of the page hears of other tabs' changes to its key, or to the whole localStorage. */
const onStorage = (e: StorageEvent) => {
  let local: Storage | undefined;
  try {
    local = localStorage;
  } catch {
    return; // no localStorage: no `local` session either
  }
  // A cleared sessionStorage (this tab's, or a same-origin frame's) says nothing about `local` sessions.
  if (e.storageArea !== local) return;
  for (const s of sessions.values()) {
    const key = tokenKey(s.ims, s.clientId);
    if (s.storage == 'local' && (e.key == null || e.key == key)) {
      // Read the value as it is now, not as the event says: two tabs writing at once end with the same token.
      s.sync_(local.getItem(key), e.newValue);
    }
  }
};

/** The session of an IMS, client id and storage, shared by every element that names the same three. */
export const sessionFor = (ims: string, clientId: string, storage: StorageKind): Session => {
  const key = `${storage} ${ims} ${clientId}`;
  let s = sessions.get(key);
  if (!s) {
    if (!sessions.size) {
      addEventListener('storage', onStorage);
      // A page shown again (a laptop woken, a tab come back): a token the clock has passed is signed out at once.
      document.addEventListener('visibilitychange', () => {
        if (!document.hidden) for (const x of sessions.values()) x.expire_();
      });
    }
    sessions.set(key, (s = new Session(ims, clientId, storage)));
    resumeSignIns(s);
  }
  return s;
};

/**
 * The session the elements of these settings share: an EventTarget (`token`, `sign-out`, `profile`) with `token`,
 * `profile`, `signOut()` and `fetch()`. Throws `config_error` for missing or wrong settings, an untrusted IMS among them.
 */
export const getSession = (o: SessionOptions): Session => {
  // Each setting read once: what is checked is what is used.
  const { clientId, environment, imsOrigin, storage: kind } = o ?? ({} as SessionOptions);
  const storage = kind || 'session';
  if (!clientId || typeof clientId != 'string') throw configError('client-id is required.');
  if (!['session', 'local', 'memory'].includes(storage)) throw configError('storage must be session, local or memory.');
  return sessionFor(imsOriginFor(environment, imsOrigin), clientId, storage);
};
