// What startLocalIms() takes, checked before anything listens: each problem is refused in one line (a LocalImsError,
// which the adobe-local-ims command prints as it is), and the clients become what the server keeps of them.
import { exactly } from './redirect-uris.mjs';

/** A setting the local IMS refuses; its message is the one line to show. */
export class LocalImsError extends Error {
  name = 'LocalImsError';
}

/** `value`, when it is an absolute http(s) URL (never `javascript:` or a path); else refused, naming `what`. */
const httpUrl = (what, value) => {
  let url;
  try {
    url = new URL(value);
  } catch {
    // refused below
  }
  if (!url || !/^https?:$/.test(url.protocol)) throw new LocalImsError(`${what} ${value}: not an absolute http(s) URL`);
  return value;
};

/**
 * Whether a regular expression repeats, without bound, a group that repeats without bound: `(a+)+`, `(\w*-)*`. On an
 * input that nearly matches, such a pattern tries every way to split it, twice as many for each more character.
 */
export const repeatsARepeat = (source) => {
  // For each group open at this point: whether something in it repeats without bound.
  const groups = [false];
  const unbounded = /^(\*|\+|\{\d*,\})/;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c == '\\') i++;
    else if (c == '[') {
      for (i++; i < source.length && source[i] != ']'; i++) if (source[i] == '\\') i++;
    } else if (c == '(') groups.push(false);
    else if (c == ')' && groups.length > 1) {
      const inner = groups.pop();
      const repeated = unbounded.test(source.slice(i + 1));
      if (inner && repeated) return true;
      if (inner) groups[groups.length - 1] = true;
    } else if (unbounded.test(source.slice(i))) groups[groups.length - 1] = true;
  }
  return false;
};

/**
 * A Redirect URI Pattern: a regular expression, as in Developer Console. Any page can send the authorize endpoint a
 * redirect_uri to test against it, so one that can backtrack catastrophically (`(a+)+`, see repeatsARepeat) is
 * refused: a few dozen characters would hold the server for seconds.
 */
const pattern = (what, value) => {
  try {
    new RegExp(value);
  } catch (e) {
    throw new LocalImsError(`${what} ${value}: ${e.message}`);
  }
  if (repeatsARepeat(value)) {
    throw new LocalImsError(
      `${what} ${value}: can backtrack catastrophically (a repeated group that repeats, as (a+)+)`,
    );
  }
  return value;
};

/** A port to listen on: 0 to 65535, 0 picking a free one. */
export const checkPort = (port) => {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new LocalImsError(`port ${port}: not a port (a number from 0 to 65535; 0 picks a free one)`);
  }
  return port;
};

/**
 * The clients of startLocalIms() (`{clientId, redirectUris?, redirectUriPatterns?, defaultRedirectUri?}`), checked,
 * as the server keeps them: exact redirect URIs (which count as patterns too), patterns, and the default, where IMS
 * answers a redirect_uri no pattern matches (the first redirect URI unless given).
 */
export function checkClients(clients) {
  if (!Array.isArray(clients)) throw new LocalImsError('clients: a list of {clientId, redirectUris, …}');
  const seen = new Set();
  return clients.map((c) => {
    const id = c?.clientId;
    if (typeof id != 'string' || !id) throw new LocalImsError('a client needs a clientId');
    if (seen.has(id)) throw new LocalImsError(`client ${id} is registered twice`);
    seen.add(id);
    const uris = (c.redirectUris ?? []).map((u) => httpUrl(`client ${id}: redirect URI`, u));
    const patterns = (c.redirectUriPatterns ?? []).map((p) => pattern(`client ${id}: redirect URI pattern`, p));
    const fallback =
      c.defaultRedirectUri == null ? uris[0] : httpUrl(`client ${id}: default redirect URI`, c.defaultRedirectUri);
    if (!uris.length && !patterns.length) throw new LocalImsError(`client ${id} needs a redirect URI (or a pattern)`);
    if (!fallback) throw new LocalImsError(`client ${id} has patterns only: give its default redirect URI`);
    return {
      client_id: id,
      redirect_uris: uris,
      redirect_uri_patterns: [...uris.map(exactly), ...patterns],
      default_redirect_uri: fallback,
    };
  });
}
