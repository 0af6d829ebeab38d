import type { Token } from './token-request.js';
import type { AuthErrorDetail } from './errors.js';

/** What the redirect page hands to the page that opened sign-in. */
export type Handoff = { type: 'adobe-auth'; state: string } & (
  | { token: Token }
  | { error: AuthErrorDetail }
  // The popup had no verifier: the opener, which has it, exchanges the code.
  | { code: string }
  // The opener took a code: the popup may close.
  | { ack: true }
);

/** The fallback channel, named from the unguessable state: it reaches the opener when COOP severed `window.opener`. */
export const channelFor = (state: string): BroadcastChannel => new BroadcastChannel('adobe-auth:' + state);

const isHandoff = (d: unknown, state?: string): d is Handoff =>
  !!d && (d as Handoff).type == 'adobe-auth' && (state == null || (d as Handoff).state === state);

/** Sends to the opener by `postMessage` (same origin only) and by the state's BroadcastChannel. */
export const sendHandoff = (msg: Handoff, opener: Window | null = window.opener as Window | null): void => {
  try {
    opener?.postMessage(msg, location.origin);
  } catch {
    // a cross-origin or closed opener: the channel below still carries the message
  }
  const ch = channelFor(msg.state);
  ch.postMessage(msg);
  ch.close();
};

/**
 * Listens for the handoff of `state`: messages from this origin and from `source` (the popup) only, or from the
 * state's channel. Returns a function that stops listening.
 */
export const listenForHandoff = (state: string, source: Window | null, on: (msg: Handoff) => void): (() => void) => {
  const onMessage = (e: MessageEvent) => {
    if (e.origin === location.origin && e.source === source && isHandoff(e.data, state)) on(e.data);
  };
  const ch = channelFor(state);
  ch.onmessage = (e) => isHandoff(e.data, state) && on(e.data);
  addEventListener('message', onMessage);
  return () => {
    removeEventListener('message', onMessage);
    ch.close();
  };
};
