import { ReactiveElement } from '@lit/reactive-element';
import { ENGLISH, english, languageFor, languageOf, watchLanguage, type Labels, type Language } from './labels.js';

/** How long `updateComplete` waits for another language's labels: a translations file that never answers. */
const LABELS_WAIT_MS = 3000;

/**
 * An element whose texts follow its language (see labels.ts). It works the language out before each update, which
 * costs one `closest()` when nothing changed; `updateComplete` also waits for another language's labels to load, up
 * to a few seconds.
 */
export class LocalizedElement extends ReactiveElement {
  /** An IMS locale the page set (`fr_FR`), which picks the language too; `<adobe-sign-in>` has the attribute. */
  declare locale?: string | null;
  /**
   * The texts in the element's language (English until another language's have loaded).
   * @internal
   */
  protected labels_: Labels = ENGLISH;
  /**
   * The element's language: its labels and IMS locale, or the promise of them while they load.
   * @internal
   */
  language_: Language | Promise<Language> = english;
  #tag = 'en';
  #loading?: Promise<unknown>;

  override connectedCallback(): void {
    super.connectedCallback();
    watchLanguage();
  }

  /** @internal */
  protected override willUpdate(): void {
    const tag = languageOf(this, this.locale);
    if (tag == this.#tag) return;
    this.#tag = tag;
    const language = (this.language_ = languageFor(tag));
    if ('then' in language) {
      const loaded = language.then((l) => {
        // Still the language asked for: a later change of `lang` may have asked for another.
        if (this.language_ != language) return;
        this.language_ = l;
        this.labels_ = l.labels;
        this.requestUpdate();
      });
      this.#loading = Promise.race([loaded, new Promise((r) => setTimeout(r, LABELS_WAIT_MS))]);
    } else this.labels_ = language.labels;
  }

  /** @internal */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#loading;
    return super.getUpdateComplete();
  }
}
