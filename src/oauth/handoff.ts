import type { Token } from './token-request.js';
import type { AuthErrorDetail } from './errors.js';

/** What the redirect page hands to the page that opened sign-in. */
export type Handoff = { type: 'adobe-auth'; state: string } & (
  | { token: Token }
  | { error: AuthErrorDetail }
  // The popup cannot hand a token over safely (no opener, or no verifier): the opener, which holds the verifier,
  // exchanges the code; `iss` goes with it for the opener to check.
  | { code: string; iss?: string }
  // The opener took a code: the popup may close.
  | { ack: true }
);

/**
 * The channel for when COOP severed `window.opener`, named from the unguessable state. Any page of the origin can
 * listen and post on it, so it never carries a token: only a code (useless without the opener's verifier), an
 * error or an ack.
 */
export const channelFor = (state: string): BroadcastChannel => new BroadcastChannel('adobe-auth:' + state);

const isHandoff = (d: unknown, state: string): d is Handoff =>
  !!d && (d as Handoff).type == 'adobe-auth' && (d as Handoff).state === state;

/**
 * Sends to the opener by `postMessage`, to this origin only (`to` widens that for an error, which carries no secret).
 * False when there is no opener to send to.
 */
export const postToOpener = (msg: Handoff, to = location.origin, opener = window.opener as Window | null): boolean => {
  try {
    opener!.postMessage(msg, to);
    return true;
  } catch {
    // no opener (COOP, or opened directly), or a closed one
    return false;
  }
};

/** Sends on the state's channel: anything but a token. */
export const postOnChannel = (msg: Handoff): void => {
  if ('token' in msg) return;
  const ch = channelFor(msg.state);
  ch.postMessage(msg);
  ch.close();
};

/**
 * Listens for the handoff of `state`: by `postMessage` from `source` (the popup), from this origin, or an error only
 * from another one (IMS answered at a redirect URI there); and on the state's channel, where a token is never
 * taken. `source` null: a page reloaded while its popup was out, which knows it only as a window this one opened.
 * `on` learns the sender's origin. Returns a function that stops listening.
 */
export const listenForHandoff = (
  state: string,
  source: Window | null,
  on: (msg: Handoff, origin: string) => void,
): (() => void) => {
  const onMessage = (e: MessageEvent) => {
    const from = e.source as Window | null;
    if (
      (source ? from === source : from?.opener === window) &&
      isHandoff(e.data, state) &&
      (e.origin === location.origin || 'error' in e.data)
    ) {
      on(e.data, e.origin);
    }
  };
  const ch = channelFor(state);
  ch.onmessage = (e) => isHandoff(e.data, state) && !('token' in e.data) && on(e.data, location.origin);
  addEventListener('message', onMessage);
  return () => {
    removeEventListener('message', onMessage);
    ch.close();
  };
};
