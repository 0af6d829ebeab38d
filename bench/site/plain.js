// The baseline: a hand-written custom element with a button in its shadow root, styled like <adobe-sign-in>, and no
// sign-in behind it.
const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  :host { display: inline-block; }
  button { font: inherit; font-weight: 700; padding: 0.4em 1.1em; border: 0; border-radius: 16px;
    background: #1473e6; color: #fff; cursor: pointer; }
`);

class PlainSignIn extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    const button = document.createElement('button');
    button.type = 'button';
    button.part = 'button';
    button.append(document.createElement('slot'));
    button.firstChild.textContent = 'Sign in with Adobe';
    button.addEventListener('click', () => this.dispatchEvent(new CustomEvent('sign-in', { bubbles: true })));
    root.append(button);
  }
}
customElements.define('plain-sign-in', PlainSignIn);
