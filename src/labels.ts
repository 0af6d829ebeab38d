// The kit's texts in the user's language. English is here; every other language is in translations.ts, which a page
// loads only when one of its elements speaks another language: an English page makes no request for it.
import type { ReactiveElement } from '@lit/reactive-element';

/** The kit's version, set by the build: the translations file must carry the same, or it is not read. */
declare const KIT_VERSION: string;

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

export const english: Language = { labels: ENGLISH, locale: 'en_US' };
/** What translations.ts exports, as read from a file that may be another version's, or not the kit's at all. */
type Translations = { version?: unknown; translate?: unknown };
let translations: Promise<Translations> | undefined;

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

/**
 * What the translations file says of `tag`, when it is this version's and says it whole (every label a string, an
 * IMS locale); English otherwise, or when reading it throws.
 */
const read = (t: Translations, tag: string): Language => {
  try {
    const found = t.version === KIT_VERSION && (t.translate as (tag: string) => Language | undefined)(tag);
    if (
      found &&
      /^[a-z]{2}_[A-Z]{2}$/.test(found.locale) &&
      Object.keys(ENGLISH).every((k) => typeof found.labels[k as keyof Labels] == 'string')
    ) {
      return found;
    }
  } catch {
    // not the kit's translations file
  }
  return english;
};

/**
 * The labels and IMS locale of a language tag: English at once, any other once the translations file has loaded. A
 * file that is missing, another version's or broken gives English; a sign-in never waits for it (sign-in-flow.ts).
 */
export const languageFor = (tag: string): Language | Promise<Language> =>
  /^en(-|$)/.test(tag)
    ? english
    : (translations ??= import('./translations.js').catch(() => ({}))).then((t) => read(t, tag));

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
