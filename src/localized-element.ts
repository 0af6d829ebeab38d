import { ReactiveElement } from '@lit/reactive-element';
import { ENGLISH, languageFor, languageOf, watchLanguage, type Labels, type Language } from './labels.js';

/**
 * An element whose texts follow its language (see labels.ts). It works the language out before each update, which
 * costs one `closest()` when nothing changed; `updateComplete` also waits for another language's labels to load.
 */
export class LocalizedElement extends ReactiveElement {
  /** An IMS locale the page set (`fr_FR`), which picks the language too; `<adobe-sign-in>` has the attribute. */
  declare locale?: string | null;
  /**
   * The texts in the element's language (English until another language's have loaded).
   * @internal
   */
  protected labels: Labels = ENGLISH;
  /**
   * The element's language: its labels and IMS locale, or the promise of them while they load.
   * @internal
   */
  language: Language | Promise<Language> = { labels: ENGLISH, locale: 'en_US' };
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
    const language = (this.language = languageFor(tag));
    if ('then' in language) {
      this.#loading = language.then((l) => {
        // Still the language asked for: a later change of `lang` may have asked for another.
        if (this.language != language) return;
        this.language = l;
        this.labels = l.labels;
        this.requestUpdate();
      });
    } else this.labels = language.labels;
  }

  /** @internal */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#loading;
    return super.getUpdateComplete();
  }
}
