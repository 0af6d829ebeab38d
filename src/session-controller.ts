import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { EVERY_SUBSCRIBER, type Session, type SessionChange } from './session.js';

/**
 * Connects an element to a session: subscribed while connected, an update on every change, and `on(change, mine)`
 * for the element to fire its events (`mine`: the element itself caused the change).
 */
export class SessionController implements ReactiveController {
  /** @internal */
  session_: Session | null = null;
  #unsubscribe?: () => void;
  #host: ReactiveControllerHost & Element;
  #on: (change: SessionChange, mine: boolean) => void;

  constructor(host: ReactiveControllerHost & Element, on: (change: SessionChange, mine: boolean) => void) {
    (this.#host = host).addController(this);
    this.#on = on;
  }

  /**
   * Follows `session` (null: the element's settings name none) instead of the one before.
   * @internal
   */
  use_(session: Session | null): void {
    if (session === this.session_) return;
    this.hostDisconnected();
    this.session_ = session;
    if (this.#host.isConnected) this.hostConnected();
  }

  hostConnected(): void {
    this.#unsubscribe ??= this.session_?.subscribe_((change, by) => {
      this.#host.requestUpdate();
      this.#on(change, by === this.#host || by === EVERY_SUBSCRIBER);
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
