// The kit's labels in every language of Adobe's own sign-in screens but English (which is in labels.ts), and the
// locale IMS's screens take for each. Loaded only by a page whose elements speak one of them: see labels.ts.
// How the wordings were chosen and checked: docs/translations.md.
import type { Labels, Language } from './labels.js';

/** The kit's version, set by the build. */
declare const KIT_VERSION: string;

/** The version of the kit this file belongs to: labels.ts reads no other version's file (a stale copy is English). */
export const version = KIT_VERSION;

const languages: Record<string, [locale: string, labels: Labels]> = {
  // Čeština
  cs: [
    'cs_CZ',
    {
      signin: 'Přihlásit se přes Adobe',
      continue: 'Pokračovat přes Adobe',
      signup: 'Zaregistrovat se přes Adobe',
      signout: 'Odhlásit se',
      user: 'Přihlášený účet: {name}',
      working: 'Probíhá přihlašování…',
      done: 'Jste přihlášeni.',
      failed: 'Přihlášení se nezdařilo:',
    },
  ],
  // Dansk
  da: [
    'da_DK',
    {
      signin: 'Log ind med Adobe',
      continue: 'Fortsæt med Adobe',
      signup: 'Tilmeld dig med Adobe',
      signout: 'Log ud',
      user: 'Logget ind som {name}',
      working: 'Logger dig ind…',
      done: 'Logget ind.',
      failed: 'Login mislykkedes:',
    },
  ],
  // Deutsch
  de: [
    'de_DE',
    {
      signin: 'Mit Adobe anmelden',
      continue: 'Weiter mit Adobe',
      signup: 'Mit Adobe registrieren',
      signout: 'Abmelden',
      user: 'Angemeldet als {name}',
      working: 'Anmeldung läuft …',
      done: 'Angemeldet.',
      failed: 'Anmeldung fehlgeschlagen:',
    },
  ],
  // Español
  es: [
    'es_ES',
    {
      signin: 'Iniciar sesión con Adobe',
      continue: 'Continuar con Adobe',
      signup: 'Registrarse con Adobe',
      signout: 'Cerrar sesión',
      user: 'Sesión iniciada como {name}',
      working: 'Iniciando sesión…',
      done: 'Sesión iniciada.',
      failed: 'No se ha podido iniciar sesión:',
    },
  ],
  // Suomi
  fi: [
    'fi_FI',
    {
      signin: 'Kirjaudu Adobe-tilillä',
      continue: 'Jatka Adobe-tilillä',
      signup: 'Rekisteröidy Adobe-tilillä',
      signout: 'Kirjaudu ulos',
      user: 'Kirjautuneena: {name}',
      working: 'Sinut kirjataan sisään…',
      done: 'Kirjauduttu sisään.',
      failed: 'Kirjautuminen epäonnistui:',
    },
  ],
  // Français
  fr: [
    'fr_FR',
    {
      signin: 'Se connecter avec Adobe',
      continue: 'Continuer avec Adobe',
      signup: 'S’inscrire avec Adobe',
      signout: 'Se déconnecter',
      user: 'Connecté en tant que {name}',
      working: 'Connexion en cours…',
      done: 'Connexion réussie.',
      failed: 'Échec de la connexion :',
    },
  ],
  // Italiano
  it: [
    'it_IT',
    {
      signin: 'Accedi con Adobe',
      continue: 'Continua con Adobe',
      signup: 'Registrati con Adobe',
      signout: 'Esci',
      user: 'Accesso eseguito come {name}',
      working: 'Accesso in corso…',
      done: 'Accesso eseguito.',
      failed: 'Accesso non riuscito:',
    },
  ],
  // 日本語
  ja: [
    'ja_JP',
    {
      signin: 'Adobe でログイン',
      continue: 'Adobe で続ける',
      signup: 'Adobe で登録',
      signout: 'ログアウト',
      user: '{name} としてログイン中',
      working: 'ログインしています…',
      done: 'ログインしました。',
      failed: 'ログインに失敗しました：',
    },
  ],
  // 한국어
  ko: [
    'ko_KR',
    {
      signin: 'Adobe 계정으로 로그인',
      continue: 'Adobe 계정으로 계속하기',
      signup: 'Adobe 계정으로 가입하기',
      signout: '로그아웃',
      user: '{name} 님으로 로그인됨',
      working: '로그인하는 중…',
      done: '로그인했습니다.',
      failed: '로그인 실패:',
    },
  ],
  // Norsk bokmål
  nb: [
    'nb_NO',
    {
      signin: 'Logg på med Adobe',
      continue: 'Fortsett med Adobe',
      signup: 'Registrer deg med Adobe',
      signout: 'Logg av',
      user: 'Pålogget som {name}',
      working: 'Logger deg på …',
      done: 'Pålogget.',
      failed: 'Påloggingen mislyktes:',
    },
  ],
  // Nederlands
  nl: [
    'nl_NL',
    {
      signin: 'Inloggen met Adobe',
      continue: 'Doorgaan met Adobe',
      signup: 'Registreren met Adobe',
      signout: 'Uitloggen',
      user: 'Ingelogd als {name}',
      working: 'U wordt ingelogd…',
      done: 'Ingelogd.',
      failed: 'Inloggen mislukt:',
    },
  ],
  // Polski
  pl: [
    'pl_PL',
    {
      signin: 'Zaloguj się przez Adobe',
      continue: 'Kontynuuj przy użyciu konta Adobe',
      signup: 'Zarejestruj się z Adobe',
      signout: 'Wyloguj się',
      user: 'Zalogowano jako {name}',
      working: 'Trwa logowanie…',
      done: 'Zalogowano.',
      failed: 'Logowanie nie powiodło się:',
    },
  ],
  // Português (Brasil)
  'pt-br': [
    'pt_BR',
    {
      signin: 'Fazer login com a Adobe',
      continue: 'Continuar com a Adobe',
      signup: 'Inscrever-se com a Adobe',
      signout: 'Sair',
      user: 'Conectado como {name}',
      working: 'Fazendo login…',
      done: 'Conectado.',
      failed: 'Falha ao fazer login:',
    },
  ],
  // Русский
  ru: [
    'ru_RU',
    {
      signin: 'Войти через Adobe',
      continue: 'Продолжить с Adobe',
      signup: 'Зарегистрироваться через Adobe',
      signout: 'Выйти',
      user: 'Вы вошли как {name}',
      working: 'Выполняется вход…',
      done: 'Вход выполнен.',
      failed: 'Не удалось войти:',
    },
  ],
  // Svenska
  sv: [
    'sv_SE',
    {
      signin: 'Logga in med Adobe',
      continue: 'Fortsätt med Adobe',
      signup: 'Registrera dig med Adobe',
      signout: 'Logga ut',
      user: 'Inloggad som {name}',
      working: 'Du loggas in …',
      done: 'Inloggad.',
      failed: 'Inloggningen misslyckades:',
    },
  ],
  // Türkçe
  tr: [
    'tr_TR',
    {
      signin: 'Adobe ile oturum aç',
      continue: 'Adobe ile devam et',
      signup: 'Adobe ile kaydol',
      signout: 'Oturumu kapat',
      user: '{name} olarak oturum açıldı',
      working: 'Oturumunuz açılıyor…',
      done: 'Oturum açıldı.',
      failed: 'Oturum açılamadı:',
    },
  ],
  // Українська
  uk: [
    'uk_UA',
    {
      signin: 'Увійти через Adobe',
      continue: 'Продовжити з Adobe',
      signup: 'Зареєструватися через Adobe',
      signout: 'Вийти',
      user: 'Ви ввійшли як {name}',
      working: 'Відбувається вхід…',
      done: 'Ви ввійшли.',
      failed: 'Не вдалося ввійти:',
    },
  ],
  // 简体中文
  'zh-cn': [
    'zh_CN',
    {
      signin: '使用 Adobe 账号登录',
      continue: '使用 Adobe 账号继续',
      signup: '使用 Adobe 账号注册',
      signout: '退出账号',
      user: '已以 {name} 身份登录',
      working: '正在为您登录……',
      done: '已登录。',
      failed: '登录失败：',
    },
  ],
  // 繁體中文（台灣）
  'zh-tw': [
    'zh_TW',
    {
      signin: '使用 Adobe 帳戶登入',
      continue: '以 Adobe 繼續',
      signup: '使用 Adobe 帳戶註冊',
      signout: '登出',
      user: '已以 {name} 身分登入',
      working: '正在將您登入…',
      done: '登入成功。',
      failed: '登入失敗：',
    },
  ],
  // Magyar
  hu: [
    'hu_HU',
    {
      signin: 'Bejelentkezés Adobe-fiókkal',
      continue: 'Folytatás Adobe-fiókkal',
      signup: 'Regisztráció Adobe-fiókkal',
      signout: 'Kijelentkezés',
      user: 'Bejelentkezve: {name}',
      working: 'Bejelentkezés folyamatban…',
      done: 'Sikeres bejelentkezés.',
      failed: 'Sikertelen bejelentkezés:',
    },
  ],
  // Bahasa Indonesia
  id: [
    'id_ID',
    {
      signin: 'Login dengan Adobe',
      continue: 'Lanjutkan dengan Adobe',
      signup: 'Mendaftar dengan Adobe',
      signout: 'Logout',
      user: 'Login sebagai {name}',
      working: 'Sedang login…',
      done: 'Telah login.',
      failed: 'Gagal login:',
    },
  ],
  // Bahasa Melayu
  ms: [
    'ms_MY',
    {
      signin: 'Log masuk dengan Adobe',
      continue: 'Teruskan dengan Adobe',
      signup: 'Daftar dengan Adobe',
      signout: 'Log keluar',
      user: 'Dilog masuk sebagai {name}',
      working: 'Melog masuk…',
      done: 'Telah log masuk.',
      failed: 'Gagal log masuk:',
    },
  ],
  // ไทย
  th: [
    'th_TH',
    {
      signin: 'ลงชื่อเข้าใช้ด้วย Adobe',
      continue: 'ดำเนินการต่อด้วย Adobe',
      signup: 'ลงชื่อสมัครใช้ด้วย Adobe',
      signout: 'ออกจากระบบ',
      user: 'ลงชื่อเข้าใช้ในชื่อ {name}',
      working: 'กำลังลงชื่อเข้าใช้…',
      done: 'ลงชื่อเข้าใช้แล้ว',
      failed: 'ลงชื่อเข้าใช้ไม่สำเร็จ:',
    },
  ],
  // Tiếng Việt
  vi: [
    'vi_VN',
    {
      signin: 'Đăng nhập bằng Adobe',
      continue: 'Tiếp tục bằng tài khoản Adobe',
      signup: 'Đăng ký bằng Adobe',
      signout: 'Đăng xuất',
      user: 'Đã đăng nhập với tư cách {name}',
      working: 'Đang đăng nhập…',
      done: 'Đăng nhập thành công.',
      failed: 'Đăng nhập không thành công:',
    },
  ],
  // Ελληνικά
  el: [
    'el_GR',
    {
      signin: 'Σύνδεση μέσω Adobe',
      continue: 'Συνέχεια μέσω Adobe',
      signup: 'Εγγραφή μέσω Adobe',
      signout: 'Αποσύνδεση',
      user: 'Συνδεθήκατε ως {name}',
      working: 'Γίνεται σύνδεση…',
      done: 'Συνδεθήκατε.',
      failed: 'Αποτυχία σύνδεσης:',
    },
  ],
  // Română
  ro: [
    'ro_RO',
    {
      signin: 'Conectați-vă cu Adobe',
      continue: 'Continuați cu Adobe',
      signup: 'Înregistrați-vă cu Adobe',
      signout: 'Deconectați-vă',
      user: 'Conectat(ă) ca {name}',
      working: 'Vă conectați…',
      done: 'Conectat(ă).',
      failed: 'Conectarea nu a reușit:',
    },
  ],
  // Slovenčina
  sk: [
    'sk_SK',
    {
      signin: 'Prihlásiť sa účtom Adobe',
      continue: 'Pokračovať účtom Adobe',
      signup: 'Zaregistrovať sa účtom Adobe',
      signout: 'Odhlásiť sa',
      user: 'Prihlásený účet: {name}',
      working: 'Prebieha prihlasovanie…',
      done: 'Prihlásili ste sa.',
      failed: 'Prihlásenie zlyhalo:',
    },
  ],
  // Български
  bg: [
    'bg_BG',
    {
      signin: 'Вход с Adobe',
      continue: 'Продължаване с Adobe',
      signup: 'Регистрация с Adobe',
      signout: 'Изход',
      user: 'Влезли сте като {name}',
      working: 'Влизате в акаунта…',
      done: 'Влязохте в акаунта.',
      failed: 'Неуспешно влизане:',
    },
  ],
  // Hrvatski
  hr: [
    'hr_HR',
    {
      signin: 'Prijava putem usluge Adobe',
      continue: 'Nastavi putem usluge Adobe',
      signup: 'Registracija putem usluge Adobe',
      signout: 'Odjava',
      user: 'Prijavljeni ste kao {name}',
      working: 'Prijavljivanje…',
      done: 'Prijavljeni ste.',
      failed: 'Prijava nije uspjela:',
    },
  ],
  // Slovenščina
  sl: [
    'sl_SI',
    {
      signin: 'Prijava s storitvijo Adobe',
      continue: 'Nadaljuj s storitvijo Adobe',
      signup: 'Registracija s storitvijo Adobe',
      signout: 'Odjava',
      user: 'Prijavljeni kot {name}',
      working: 'Prijava v teku …',
      done: 'Prijavljeni ste.',
      failed: 'Prijava ni uspela:',
    },
  ],
  // Eesti
  et: [
    'et_EE',
    {
      signin: 'Logi sisse Adobe kontoga',
      continue: 'Jätka Adobe kontoga',
      signup: 'Registreeru Adobe kontoga',
      signout: 'Logi välja',
      user: 'Sisse logitud: {name}',
      working: 'Sisselogimine…',
      done: 'Sisse logitud.',
      failed: 'Sisselogimine ebaõnnestus:',
    },
  ],
  // Latviešu
  lv: [
    'lv_LV',
    {
      signin: 'Pierakstīties ar Adobe',
      continue: 'Turpināt ar Adobe',
      signup: 'Reģistrēties ar Adobe',
      signout: 'Izrakstīties',
      user: 'Esat pierakstījies kā {name}',
      working: 'Notiek pierakstīšanās…',
      done: 'Esat pierakstījies.',
      failed: 'Pierakstīšanās neizdevās:',
    },
  ],
  // Lietuvių
  lt: [
    'lt_LT',
    {
      signin: 'Prisijungti per „Adobe“',
      continue: 'Tęsti per „Adobe“',
      signup: 'Registruotis per „Adobe“',
      signout: 'Atsijungti',
      user: 'Prisijungta kaip {name}',
      working: 'Prisijungiama…',
      done: 'Prisijungta.',
      failed: 'Prisijungti nepavyko:',
    },
  ],
  // עברית
  he: [
    'he_IL',
    {
      signin: 'כניסה באמצעות Adobe',
      continue: 'המשך באמצעות Adobe',
      signup: 'הרשמה באמצעות Adobe',
      signout: 'יציאה',
      user: 'נכנסת בתור {name}',
      working: 'מתבצעת כניסה…',
      done: 'בוצעה כניסה.',
      failed: 'הכניסה נכשלה:',
    },
  ],
  // العربية
  ar: [
    'ar_AE',
    {
      signin: 'تسجيل الدخول عبر Adobe',
      continue: 'المتابعة عبر Adobe',
      signup: 'الاشتراك عبر Adobe',
      signout: 'تسجيل الخروج',
      user: 'تم تسجيل الدخول باسم {name}',
      working: 'جارٍ تسجيل دخولك…',
      done: 'تم تسجيل الدخول.',
      failed: 'تعذّر تسجيل الدخول:',
    },
  ],
  // हिन्दी
  hi: [
    'hi_IN',
    {
      signin: 'Adobe से साइन इन करें',
      continue: 'Adobe के साथ जारी रखें',
      signup: 'Adobe से साइन अप करें',
      signout: 'साइन आउट करें',
      user: '{name} के रूप में साइन इन किया है',
      working: 'साइन इन किया जा रहा है…',
      done: 'साइन इन किया हुआ है।',
      failed: 'साइन इन नहीं हो सका:',
    },
  ],
  // Português (Portugal)
  'pt-pt': [
    'pt_PT',
    {
      signin: 'Iniciar sessão com a Adobe',
      continue: 'Continuar com a Adobe',
      signup: 'Inscrever-se com a Adobe',
      signout: 'Terminar sessão',
      user: 'Sessão iniciada como {name}',
      working: 'A iniciar sessão…',
      done: 'Sessão iniciada.',
      failed: 'Falha ao iniciar sessão:',
    },
  ],
};

/** Tags that name one of these languages otherwise: older codes, scripts, regions that read another's spelling. */
const aliases: Record<string, string> = {
  no: 'nb',
  nn: 'nb',
  iw: 'he',
  in: 'id',
  zh: 'zh-cn',
  'zh-hans': 'zh-cn',
  'zh-sg': 'zh-cn',
  'zh-my': 'zh-cn',
  'zh-hant': 'zh-tw',
  'zh-hk': 'zh-tw',
  'zh-mo': 'zh-tw',
  pt: 'pt-br',
};

/**
 * The labels and IMS locale of a lowercase BCP 47 tag: the tag itself, else its language and script or region
 * (`zh-hant-tw` → `zh-hant`), else its language (`fr-ca` → `fr`); Portuguese outside Brazil reads Portugal's.
 * Undefined for a language not here.
 */
export const translate = (tag: string): Language | undefined => {
  const [lang, sub] = tag.split('-');
  const europeanPortuguese = lang == 'pt' && sub && sub != 'br' ? ['pt-pt'] : [];
  for (const t of [tag, `${lang}-${sub}`, ...europeanPortuguese, lang]) {
    const found = languages[aliases[t] ?? t];
    if (found) return { locale: found[0], labels: found[1] };
  }
  return undefined;
};
