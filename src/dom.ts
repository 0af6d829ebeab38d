/** Builds a small element tree with DOM calls: no HTML parsing, so it passes a Trusted Types policy. */
export const h = (tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement => {
  const el = document.createElement(tag);
  for (const k in attrs) el.setAttribute(k, attrs[k]);
  el.append(...children);
  return el;
};

/** Sets a node's text, only when it changes: a slot's new fallback text is a `slotchange`, and another update. */
export const say = (node: Node, text: string): void => {
  if (node.textContent != text) node.textContent = text;
};

/**
 * A shadow root's styles as a constructed style sheet, which Lit adopts as it is (no `css` tag to carry); none where
 * there is no CSSStyleSheet: a server rendering the page.
 */
export const sheet = (text: string): CSSStyleSheet[] => {
  if (typeof CSSStyleSheet != 'function') return [];
  const s = new CSSStyleSheet();
  s.replaceSync(text);
  return [s];
};
