// The kit's texts in the user's language. English is here; every other language is in translations.ts, which a page
// loads only when one of its elements speaks another language: an English page makes no request for it.
import type { ReactiveElement } from '@lit/reactive-element';

/** Every text the kit shows, in English. */
export const ENGLISH = {
  signin: 'Sign in with Adobe',
  continue: 'Continue with Adobe',
  signup: 'Sign up with Adobe',
  signout: 'Sign out',
  /** The tooltip of who is signed in. */
  user: 'Signed in as {name}',
  working: 'Signing you in…',
  done: 'Signed in.',
  failed: 'Sign-in failed:',
};
export type Labels = typeof ENGLISH;

/** A language's labels, and the locale IMS's own screens take for it (`ja_JP`). */
export interface Language {
  labels: Labels;
  locale: string;
}

const english: Language = { labels: ENGLISH, locale: 'en_US' };
let translations: Promise<typeof import('./translations.js')> | undefined;

/**
 * The language an element speaks, as a lowercase BCP 47 tag: its `locale` (IMS form `fr_FR`), else the nearest
 * `lang` (its own, an ancestor's, across shadow roots, `<html lang>`), else the browser's.
 */
export const languageOf = (el: Element, locale?: string | null): string => {
  let tag = locale;
  for (let n: Element | undefined = el; !tag && n; n = (n.getRootNode() as ShadowRoot).host) {
    const owner = n.closest('[lang]');
    // lang="" says the language is unknown: the browser's is the best guess then.
    if (owner) {
      tag = owner.getAttribute('lang') || navigator.language;
      break;
    }
  }
  return (tag || navigator.language || 'en').replace(/_/g, '-').toLowerCase();
};

/** The labels and IMS locale of a language tag: English at once, any other once the translations have loaded. */
export const languageFor = (tag: string): Language | Promise<Language> =>
  /^en(-|$)/.test(tag)
    ? english
    : (translations ??= import('./translations.js')).then(
        (t) => t.translate(tag) ?? english,
        () => english,
      );

let watching = false;
/** From the first element on: a `lang` attribute changed, or the browser's language, relabels every element. */
export const watchLanguage = (): void => {
  if (watching) return;
  watching = true;
  const relabel = () =>
    document.querySelectorAll<ReactiveElement>('adobe-sign-in,adobe-auth-redirect').forEach((el) => el.requestUpdate());
  new MutationObserver(relabel).observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
  addEventListener('languagechange', relabel);
};
