/**
 * Whether a name — a flag, a variable, a JSON/YAML key, a header, a query parameter, a label key —
 * says its value is a secret. Fail-safe by design: a harmless value hidden because its name
 * sounds secret (`--session-timeout 30`) is the accepted cost; a secret shown is not.
 */

/** Anywhere in the name once lowercased and stripped of separators: `PGPASSWORD`, `x-api-key`, `client_secret`. */
const ANYWHERE = [
  'passw', // password, passwd, passwort
  'passphrase',
  'passcode',
  'passkey',
  'secret',
  'token',
  'credential',
  'cookie',
  'session',
  'signature',
  'apikey',
  'privatekey',
  'oauth',
  'bearer',
  'jwt',
  // A macaroon (LND's --macaroon, MACAROON_HEX) is a bearer credential; so is a SAML response.
  'macaroon',
  'samlresponse',
];

/** Whole words of the name (split at separators, case changes and digits): `DB_PASS`, `apiKey`, `sig`. */
const WORDS = new Set([
  'pass',
  'pwd',
  'pw',
  'key',
  'auth',
  'sig',
  'salt',
  'otp',
  'totp',
  'pat',
  'dsn',
  'cred',
  'creds',
  'hmac',
  'psk',
  'sas',
  'privkey',
  // kubectl create secret --from-literal=ANY_NAME=value: every literal of a secret is one.
  'literal',
  // An SNMP community string and a gossip encryption key (consul -encrypt) are passwords by another name.
  'community',
  'encrypt',
  // Password, key and token in Latin-script languages, as whole words once accents are folded
  // (şifre → sifre, jelszó → jelszo, mật khẩu → mat khau): whole words, since some are parts of
  // English ones (enclave, cycle).
  'mdp',
  'cle',
  'jeton',
  'clave',
  'llave',
  'chave',
  'chiave',
  'cheie',
  'parola',
  'parole',
  'parool',
  'passord',
  'adgangskode',
  'heslo',
  'geslo',
  'klic',
  'klucz',
  'jelszo',
  'kulcs',
  'sifre',
  'sifra',
  'anahtar',
  'lozinka',
  'kljuc',
  'slaptazodis',
  'salasona',
  'contrasenya',
  'contrasinal',
  'sandi',
  'katasandi',
  'katalaluan',
  'laluan',
  'kunci',
  'khau',
  'matkhau',
  'nenosiri',
  'nywila',
  'avain',
  'nyckel',
  'nokkel',
  'nogle',
  'sleutel',
  'geheim',
  'geheimnis',
  'schlussel',
  'schluessel',
  'geheimschlussel',
  'geheimschluessel',
  'segredo',
  'pasfhocal',
  'cyfrinair',
  'pasahitza',
  'fjalekalim',
  'pasvorto',
  'wagwoord',
]);

/**
 * A name whose last word says its value is about the secret, not the secret (POSTGRES_PASSWORD_FILE, --token-ttl,
 * --password-policy, --secret-name): a path, a duration or a label a reader needs to see.
 */
const ABOUT_THE_SECRET = new Set([
  'file',
  'path',
  'ttl',
  'policy',
  'name',
  'hash',
  'checksum',
  'mode',
  'length',
  'timeout',
  // --password-stdin: the value comes from the input, and the next word is an argument (the registry);
  // --passphrase-fd 0: a file descriptor.
  'stdin',
  'fd',
  // What a secret is like, or where it is kept: --token-refresh-interval 5m, --key-size 2048, --auth-method oauth2,
  // --default-authentication-plugin=…, password_encryption=scram-sha-256, --api-key-header X-API-Key.
  'expiry',
  'expires',
  'expiration',
  'lifetime',
  'interval',
  'rotation',
  'size',
  'bits',
  'algorithm',
  'type',
  'method',
  'plugin',
  'encryption',
  'format',
  'region',
  'store',
  'header',
  'env',
  'fingerprint',
  'url',
  'uri',
  'endpoint',
  'minlength',
  'maxlength',
  // How many, or who issues and who accepts it: --token-limit 100, --key-count 3, JWT_ISSUER=https://…, --jwt-audience api.
  'count',
  'limit',
  'issuer',
  'audience',
  // Where the thing that checks it runs, or what it is kept with: --auth-server p.example:443, AUTH_HOST=…,
  // --auth-port 9000, COOKIE_DOMAIN=.example.com, SESSION_DRIVER=redis, --authenticationDatabase admin, key-alias=app.
  'server',
  'host',
  'hostname',
  'port',
  'address',
  'addr',
  'domain',
  'domains',
  'upstream',
  'upstreams',
  'driver',
  'database',
  'db',
  'alias',
  // An ARN that names it (--secret-arn, DB_PASSWORD_ARN), the program that fetches it (git's credential.helper).
  'arn',
  'helper',
  // How a login is made, not with what: authSource=admin, authMechanism=SCRAM-SHA-256, --authgroup=VPN.
  'source',
  'mechanism',
  'group',
  'realm',
  'provider',
  'scheme',
  'backend',
  // A reference to a secret kept elsewhere: passwordSecretRef=db-pw, --key-id alias/app.
  'ref',
  'reference',
  'selector',
  'id',
  // What goes before or after keys, not a key: --key-prefix cache:, TOKEN_PREFIX=Bearer, --key-suffix .v1.
  'prefix',
  'suffix',
]);

/** A last word that names a file (usersfile, keyfile, passfile, secret_files), not one that ends so (profile). */
const NAMES_A_FILE = /(?:users?|pass(?:word)?|key|secret|token|cred(?:ential)?s?|auth|cert)[_.-]?files?$/i;

/**
 * First words of a name that make it a number of secrets, not one (--max-tokens, num_keys), or a switch that takes no
 * value (--no-auth-warning, --skip-auth, --disable-token-auth). Not `enable`: a Cisco enable password is one.
 */
const QUANTITIES = new Set(['max', 'min', 'num', 'count', 'total', 'no', 'skip', 'disable']);

/** ABOUT_THE_SECRET's words in the languages of OTHER_LANGUAGES: 비밀번호_파일, PASSWORT_DATEI, SENHA_ARQUIVO. */
const ABOUT_IN_OTHER_LANGUAGES = new Set([
  '파일',
  '경로',
  '길이',
  '정책',
  '만료',
  'datei',
  'pfad',
  'laenge',
  'lange',
  'mindestlaenge',
  'mindestlange',
  'arquivo',
  'archivo',
  'fichier',
  'chemin',
  'ruta',
  'caminho',
  'longitud',
  'comprimento',
  'longueur',
  'bestand',
  'pad',
  'ファイル',
  'パス',
  '文件',
  '路径',
  'файл',
  'путь',
]);

/** Words ending in one of these are secrets (`requirepass`, `masterauth`, `signingkey`, `dbpw`)… */
const ENDINGS = ['pass', 'pwd', 'pw', 'key', 'auth'];
/** …and words starting with one of these (`authorization`, `credentials`, `salted`). */
const BEGINNINGS = ['auth', 'cred', 'salt'];
/** …except these ordinary words. */
const ORDINARY = new Set([
  'bypass',
  'compass',
  'encompass',
  'overpass',
  'underpass',
  'surpass',
  'trespass',
  'monkey',
  'donkey',
  'turkey',
  'hockey',
  'jockey',
  'whiskey',
  'hotkey',
  'author',
  'authors',
  'authored',
  'authoring',
  'authority',
  'authorities',
  'authoritative',
  'credit',
  'credits',
  'credible',
  // A public key is published, not kept: --public-key "ssh-ed25519 …", PUBKEY=…, VAPID_PUBLIC_KEY.
  'pubkey',
  'publickey',
]);

/**
 * Words that hold an ANYWHERE word without being about it: a tokenizer splits text into tokens (--tokenizer
 * bert-base, TOKENIZERS_PARALLELISM=false). Taken out of the squashed name before ANYWHERE is looked for, so
 * TOKENIZER_SECRET still names a secret.
 */
const ORDINARY_ANYWHERE = /(?:de)?tokeni[sz](?:ers?|ed|es?|ing|ations?)/g;

/** Password, secret and key in the languages a team may name them in, matched anywhere in the lowercased name. */
const OTHER_LANGUAGES = [
  '비밀번호',
  '비번',
  '암호',
  '패스워드',
  '토큰',
  '시크릿',
  '인증키',
  '비밀키',
  '개인키',
  '액세스키',
  '접근키',
  'api키',
  'kennwort',
  'contraseña',
  'contrasena',
  'senha',
  'motdepasse',
  'wachtwoord',
  'hasło',
  'haslo',
  'salasana',
  'lösenord',
  'losenord',
  'пароль',
  'токен',
  '密码',
  '密碼',
  '口令',
  'パスワード',
  '暗証',
  'トークン',
  'シークレット',
  'パスフレーズ',
  '秘密鍵',
  '暗号鍵',
  '密钥',
  '密鑰',
  '秘钥',
  '私钥',
  '令牌',
  'ключ',
  'секрет',
  'лозинка',
  'парола',
  'lykilor',
  'პაროლი',
  'পাসওয়ার্ড',
  'гасло',
  'κωδικ',
  'συνθηματικ',
  'κλειδι',
  'μυστικ',
  'סיסמה',
  'סיסמא',
  'מפתח',
  'كلمةالمرور',
  'كلمةالسر',
  'مفتاح',
  'رمزعبور',
  'گذرواژه',
  'کلید',
  'पासवर्ड',
  'कूटशब्द',
  'कुंजी',
  'รหัสผ่าน',
  'กุญแจ',
  'โทเค็น',
  '凭证',
  '憑證',
  'apiキー',
  'கடவுச்சொல்',
  'పాస్వర్డ్',
  'पिन',
  'գաղտնաբառ',
  'құпия',
  'нууц',
  'коддоступа',
  'ፓስወርድ',
  'මුරපදය',
  'ពាក្យសម្ងាត់',
  'စကားဝှက်',
  'رمز',
  // ø is a letter of its own, not o with a mark, so these are not whole words once folded.
  'nøkkel',
  'nøgle',
].map(fold);

/** Invisible format characters someone could slip into a name (`pass\u200bword`) are ignored. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;
const NOT_ALNUM = /[^a-z0-9]+/g;
/** Word boundaries: separators, lower→Upper (`apiKey`), Upper→Upper+lower (`PEMKey`), letters↔digits. */
const WORD_BOUNDARY =
  /[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])/;

/** Answers for names seen lately: a command repeats its few names, a hostile one repeats one name many times. */
const recent = new Map<string, boolean>();
const RECENT_MAX = 512;

export function isSensitiveKey(name: string): boolean {
  let known = recent.get(name);
  if (known === undefined) {
    known = classify(name);
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(name, known);
  }
  return known;
}

/**
 * Cyrillic and Greek letters that look Latin (pаssword with а, tοken with ο, PАSSWORD with А), read as the Latin
 * letter they imitate, in both cases.
 */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic.
  а: 'a',
  в: 'b',
  е: 'e',
  һ: 'h',
  і: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  с: 'c',
  ѕ: 's',
  т: 't',
  у: 'y',
  ԝ: 'w',
  х: 'x',
  ԁ: 'd',
  А: 'A',
  В: 'B',
  Е: 'E',
  І: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Ѕ: 'S',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  // Greek.
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'g');

/**
 * A name as compared: fullwidth and other compatibility forms as their plain letters (ｐａｓｓ),
 * accents and other marks dropped (şifre → sifre, κωδικός → κωδικοσ), Hangul kept whole.
 */
function fold(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
}

function classify(name: string): boolean {
  const visible = fold(name.replace(INVISIBLE, ''));
  // A name mixing Latin letters with Cyrillic or Greek look-alikes is read as all Latin; one all in Cyrillic or Greek
  // stays itself, and a mixed one that names a secret in its own script (κλειδι_db) still does.
  if (/[a-z]/i.test(visible) && LOOK_ALIKE.test(visible)) {
    LOOK_ALIKE.lastIndex = 0;
    return classify(visible.replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c] ?? c)) || classifyFolded(visible);
  }
  LOOK_ALIKE.lastIndex = 0;
  return classifyFolded(visible);
}

function classifyFolded(visible: string): boolean {
  const lower = visible.toLowerCase();
  const words = visible.split(WORD_BOUNDARY).filter(Boolean);
  const last = words.at(-1)?.toLowerCase();
  // An id names a secret (--secret-id prod/db, KMS_KEY_ID), but a session id is the session, and Vault's
  // AppRole secret_id=… is a credential.
  const before = words.at(-2)?.toLowerCase();
  const credentialId =
    last === 'id' &&
    (before === 'session' || (before === 'secret' && (!visible.startsWith('-') || /app-?role/i.test(visible))));
  // Names that hold a secret by a tool's own convention, whatever their words say: SonarQube's sonar.login token,
  if (/(?:^|[.-]|-D)sonar[.-]login$/i.test(visible)) return true;
  // Bundler's credentials for a gem server, BUNDLE_GEMS__EXAMPLE__COM=user:password (its build flags and mirrors aside).
  if (/^BUNDLE_(?!BUILD__|MIRROR__)[A-Z0-9_]*__[A-Z0-9_]+$/.test(visible)) return true;
  // A password's prefix or suffix (PASSWORD_SUFFIX=…) is part of the password; a key's or a token's is a label.
  const partOfPassword = (last === 'prefix' || last === 'suffix') && /pass|pwd|secret/i.test(visible);
  if (words.length > 1 && last !== undefined && ABOUT_THE_SECRET.has(last) && !credentialId && !partOfPassword)
    return false;
  // --max-tokens 4096, MIN_KEY_LENGTH, num_tokens: a name that opens with a quantity counts secrets, it holds none.
  if (words.length > 1 && QUANTITIES.has(words[0]!.toLowerCase())) return false;
  // existingSecret=db-secret, --existing-secret: the name of a secret kept elsewhere.
  if (words.length > 1 && words.at(-2)!.toLowerCase() === 'existing' && last === 'secret') return false;
  const parts = lower.split(/[\s_.-]+/).filter(Boolean);
  if (parts.length > 1 && ABOUT_IN_OTHER_LANGUAGES.has(parts.at(-1)!)) return false;
  if (OTHER_LANGUAGES.some((word) => parts.join('').includes(word))) return true;
  // --public-key, VAPID_PUBLIC_KEY, publicKey: the key named is the public half, which is published.
  if (words.length > 1 && last === 'key' && /^pub(?:lic)?$/i.test(before ?? '')) return false;
  // traefik.…basicauth.usersfile, --auth-keyfile, DB_PASSFILE: the last word names a file (an AUTH_PROFILE is a name).
  if (words.length > 1 && last !== undefined && last.length > 4 && NAMES_A_FILE.test(last)) return false;
  const squashed = lower.replace(NOT_ALNUM, '');
  if (squashed.length < 2) return false;
  const unordinary = squashed.replace(ORDINARY_ANYWHERE, ' ');
  if (ANYWHERE.some((word) => unordinary.includes(word))) return true;
  for (const part of visible.split(WORD_BOUNDARY)) {
    const word = part.toLowerCase();
    if (word.length < 2 || ORDINARY.has(word)) continue;
    if (WORDS.has(word)) return true;
    if (ENDINGS.some((end) => word.endsWith(end)) || BEGINNINGS.some((start) => word.startsWith(start))) return true;
  }
  return false;
}

/**
 * Flags whose value is a user name, or `user:password` (curl -u, --proxy-user, smbclient -U user%pw).
 * Their value is hidden when it carries a `:` or `%`; a plain user name (mysql -u root) stays.
 */
export function isUserFlag(flag: string): boolean {
  return /^(?:-[uU]|--?(?:user|proxy-user|http-user))$/.test(flag);
}
