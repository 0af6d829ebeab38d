// Labels in the user's language: the element's `locale` (IMS form), else the nearest `lang` (its own, an ancestor's,
// `<html lang>`), else the browser's language; English otherwise. Every language of Adobe's sign-in screens, with the
// locale IMS gets for it; `text` picks the wording; slotted text always wins; a `lang` changed later relabels.
import { expect, fixture, html } from '@open-wc/testing';
import {
  IMS,
  REDIRECT,
  afterEachOnce,
  click,
  imsStats,
  newClient,
  signInElement,
  storeToken,
  tokenFor,
  tokenKeyFor,
  waitFor,
  withCleanPage,
} from '../support/flow.js';
import '../support/kit.js';
import type { AdobeAuthRedirect, AdobeSignIn } from '../support/kit.js';
import { ENGLISH, type Labels } from '../../src/labels.js';
import { translate } from '../../src/translations.js';

/** Every language the kit has labels for, as a page would name it, with what it should read. */
const LANGUAGES: [string, Labels, string][] = [
  ['en-US', ENGLISH, 'en_US'],
  ...(
    [
      'cs',
      'da',
      'de',
      'es',
      'fi',
      'fr',
      'it',
      'ja',
      'ko',
      'nb',
      'nl',
      'pl',
      'pt-BR',
      'ru',
      'sv',
      'tr',
      'uk',
      'zh-CN',
      'zh-TW',
      'hu',
      'id',
      'ms',
      'th',
      'vi',
      'el',
      'ro',
      'sk',
      'bg',
      'hr',
      'sl',
      'et',
      'lv',
      'lt',
      'he',
      'ar',
      'hi',
      'pt-PT',
    ] as const
  ).map((tag): [string, Labels, string] => {
    const t = translate(tag.toLowerCase())!;
    return [tag, t.labels, t.locale];
  }),
];

const button = (el: AdobeSignIn) => el.shadowRoot!.querySelector('button')!;
/** The label the button shows (the visible slot's assigned text, else its fallback). */
const shown = (el: AdobeSignIn) => {
  const slot = [...button(el).querySelectorAll('slot')].find((s) => getComputedStyle(s).display != 'none')!;
  const assigned = slot.assignedNodes();
  return (assigned.length ? assigned : [slot]).map((n) => n.textContent).join('');
};

/** An <adobe-sign-in> in a <div> with `attrs`; the element gets `own` attributes. */
const inside = async (attrs: Record<string, string>, own: Record<string, string> = {}) => {
  const div = document.createElement('div');
  for (const [k, v] of Object.entries(attrs)) div.setAttribute(k, v);
  const el = document.createElement('adobe-sign-in');
  for (const [k, v] of Object.entries({ 'client-id': 'labels', 'redirect-uri': REDIRECT, 'ims-origin': IMS, ...own }))
    el.setAttribute(k, v);
  div.append(el);
  await fixture(div);
  await el.updateComplete;
  return el;
};

/** Gives the page (or `navigator`) another language for the rest of the test. */
const htmlLang = (lang: string | null) => {
  const root = document.documentElement;
  const before = root.getAttribute('lang');
  if (lang == null) root.removeAttribute('lang');
  else root.setAttribute('lang', lang);
  afterEachOnce(() => (before == null ? root.removeAttribute('lang') : root.setAttribute('lang', before)));
};
const browserLanguage = (lang: string) => {
  Object.defineProperty(navigator, 'language', { value: lang, configurable: true });
  afterEachOnce(() => delete (navigator as { language?: string }).language);
};

describe('labels in the user’s language', () => {
  withCleanPage();

  it('speaks English by default, on a page that says nothing of its language', async () => {
    htmlLang(null);
    browserLanguage('en-GB');
    const el = await inside({});
    expect(shown(el)).to.equal('Sign in with Adobe');
  });

  for (const [tag, labels, locale] of LANGUAGES) {
    it(`speaks ${tag} from locale, an ancestor’s lang, <html lang> and the browser’s language`, async () => {
      expect(shown(await inside({}, { locale: locale }))).to.equal(labels.signin);
      expect(shown(await inside({ lang: tag }))).to.equal(labels.signin);
      htmlLang(tag);
      expect(shown(await inside({}))).to.equal(labels.signin);
      htmlLang(null);
      browserLanguage(tag);
      expect(shown(await inside({}))).to.equal(labels.signin);
    });
  }

  it('speaks the browser’s language on a page with no lang, and sends IMS its locale', async () => {
    htmlLang(null);
    browserLanguage('de-DE');
    const clientId = await newClient({});
    const el = await signInElement(clientId);
    expect(shown(el)).to.equal(translate('de')!.labels.signin);
    await click(button(el));
    await waitFor(async () => (await imsStats(clientId)).authorize, 'the authorize request');
    expect((await imsStats(clientId)).authorize!.locale).to.equal('de_DE');
  });

  it('reads regions, scripts and older codes as the nearest language it has', async () => {
    for (const [tag, as] of [
      ['fr-CA', 'fr'],
      ['de-AT', 'de'],
      ['zh-Hant', 'zh-TW'],
      ['zh-HK', 'zh-TW'],
      ['zh-Hant-TW', 'zh-TW'],
      ['zh-Hans-CN', 'zh-CN'],
      ['zh', 'zh-CN'],
      ['no', 'nb'],
      ['nb-NO', 'nb'],
      ['pt', 'pt-BR'],
      ['pt-PT', 'pt-PT'],
      ['pt-AO', 'pt-PT'],
      ['es-MX', 'es'],
      ['iw', 'he'],
    ]) {
      const expected = LANGUAGES.find(([t]) => t == as)![1].signin;
      expect(shown(await inside({ lang: tag })), tag).to.equal(expected);
    }
  });

  it('falls back to English, without an error, for tags it does not know or cannot read', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    addEventListener('error', onError);
    afterEachOnce(() => removeEventListener('error', onError));
    for (const lang of ['xx', 'en_US', '', 'i-klingon', '12', 'sr-Latn']) {
      browserLanguage('en-US');
      expect(shown(await inside({ lang })), JSON.stringify(lang)).to.equal('Sign in with Adobe');
    }
    expect(errors).to.deep.equal([]);
  });

  it('prefers locale to lang, and its own lang to an ancestor’s', async () => {
    expect(shown(await inside({ lang: 'de' }, { locale: 'fr_FR' }))).to.equal(translate('fr')!.labels.signin);
    expect(shown(await inside({ lang: 'de' }, { lang: 'ja' }))).to.equal(translate('ja')!.labels.signin);
  });

  it('relabels when a lang changes after load, back and forth', async () => {
    const el = await inside({ lang: 'de' });
    const div = el.parentElement!;
    expect(shown(el)).to.equal(translate('de')!.labels.signin);
    div.setAttribute('lang', 'ja');
    await waitFor(() => shown(el) == translate('ja')!.labels.signin, 'the Japanese label');
    div.setAttribute('lang', 'en');
    await waitFor(() => shown(el) == ENGLISH.signin, 'the English label again');
  });

  it('offers three wordings, each translated', async () => {
    for (const lang of ['en', 'de', 'ja']) {
      const labels = lang == 'en' ? ENGLISH : translate(lang)!.labels;
      for (const text of ['signin', 'continue', 'signup'] as const) {
        expect(shown(await inside({ lang }, { text })), `${lang} ${text}`).to.equal(labels[text]);
      }
      expect(shown(await inside({ lang }, { text: 'sideways' }))).to.equal(labels.signin);
    }
  });

  it('lets slotted text win in every language, and translates the sign-out label too', async () => {
    const el = await fixture<AdobeSignIn>(
      html`<div lang="de">
        <adobe-sign-in client-id="slotted" redirect-uri=${REDIRECT} ims-origin=${IMS}>Weiter zu Adobe</adobe-sign-in>
      </div>`,
    ).then((d) => d.querySelector('adobe-sign-in')!);
    await el.updateComplete;
    expect(shown(el)).to.equal('Weiter zu Adobe');
    const clientId = await newClient();
    storeToken(tokenFor(clientId, 3600_000));
    const signedIn = await inside({ lang: 'de' }, { 'client-id': clientId });
    expect(shown(signedIn)).to.equal(translate('de')!.labels.signout);
  });

  it('sends IMS the locale of its language, and a page’s own locale as it is', async () => {
    const clientId = await newClient({});
    htmlLang('ja');
    const el = await signInElement(clientId);
    await click(button(el));
    await waitFor(async () => (await imsStats(clientId)).authorize, 'the authorize request');
    expect((await imsStats(clientId)).authorize!.locale).to.equal('ja_JP');
    const other = await newClient({});
    const pinned = await signInElement(other, 'locale=fr_CA');
    await click(button(pinned));
    await waitFor(async () => (await imsStats(other)).authorize, 'the authorize request');
    expect((await imsStats(other)).authorize!.locale).to.equal('fr_CA');
  });

  it('lays the button out right to left, accessibly, on Hebrew and Arabic pages', async () => {
    const clientId = await newClient();
    const profile = { sub: 'A1B2C3D4E5F6@AdobeID', name: 'Test User' };
    sessionStorage.setItem(tokenKeyFor(clientId), JSON.stringify({ ...tokenFor(clientId, 3600_000), profile }));
    for (const [lang, id] of [
      ['he', 'rtl-signed-out'],
      ['ar', clientId],
    ]) {
      const page = await fixture<HTMLElement>(
        html`<section lang=${lang} dir="rtl">
          <p>${lang}</p>
          <adobe-sign-in client-id=${id} redirect-uri=${REDIRECT} ims-origin=${IMS}></adobe-sign-in>
        </section>`,
      );
      const el = page.querySelector('adobe-sign-in')!;
      await el.updateComplete;
      expect(getComputedStyle(button(el)).direction).to.equal('rtl');
      await expect(page).to.be.accessible();
    }
    // Signed in: who is signed in comes first in reading order, so on the right, and the button on its left.
    const el = document.querySelector<AdobeSignIn>(`adobe-sign-in[client-id="${clientId}"]`)!;
    const user = el.shadowRoot!.querySelector('[part=user]')!.getBoundingClientRect();
    expect(user.left).to.be.above(button(el).getBoundingClientRect().right - 1);
    expect(el.shadowRoot!.querySelector('[part=user]')!.getAttribute('title')).to.equal(
      // The name isolated (U+2068 … U+2069), so that a right-to-left sentence keeps its order around it.
      translate('ar')!.labels.user.replace('{name}', '\u2068Test User\u2069'),
    );
  });
});

describe('the redirect page in the user’s language', () => {
  it('says "Signing you in…", "Signed in." and "Sign-in failed:" in the page’s language', async () => {
    const labels = translate('de')!.labels;
    const el = await fixture<AdobeAuthRedirect>(html`<adobe-auth-redirect lang="de"></adobe-auth-redirect>`);
    await el.updateComplete;
    const slots = [...el.shadowRoot!.querySelectorAll('slot')].map((s) => s.textContent);
    expect(slots).to.deep.equal([labels.working, labels.done, labels.failed]);
  });
});
