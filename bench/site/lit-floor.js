// The floor under any element built on Lit's ReactiveElement: the same shadow DOM as <adobe-sign-in> (a button, two
// slots), the same three attributes as reactive properties, and nothing else.
import { ReactiveElement, css } from '@lit/reactive-element';

let button;

export class LitFloor extends ReactiveElement {
  static styles = css`
    :host {
      display: inline-block;
    }
    button {
      font: inherit;
      font-weight: 700;
      padding: 0.4em 1.1em;
      border: 0;
      border-radius: 16px;
      background: #1473e6;
      color: #fff;
      cursor: pointer;
    }
  `;
  static properties = {
    clientId: { attribute: 'client-id' },
    redirectUri: { attribute: 'redirect-uri' },
    imsOrigin: { attribute: 'ims-origin' },
  };

  createRenderRoot() {
    const root = super.createRenderRoot();
    button ??= Object.assign(document.createElement('button'), { type: 'button' });
    if (!button.firstChild) {
      button.part = 'button';
      const signIn = document.createElement('slot');
      signIn.textContent = 'Sign in with Adobe';
      const signOut = document.createElement('slot');
      signOut.name = 'sign-out';
      signOut.textContent = 'Sign out';
      button.append(signIn, signOut);
    }
    root.append(button.cloneNode(true));
    return root;
  }
}
