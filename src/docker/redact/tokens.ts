/**
 * Secrets recognisable by their shape alone, wherever they stand: tokens with a vendor prefix (the
 * formats gitleaks and GitHub secret scanning document), JWTs and other base64 JSON, password
 * hashes, and PEM private key blocks. The prefix stays visible (`ghp_***`), so a reader knows what
 * was hidden; the rest of the token is masked.
 *
 * Each shape is a literal prefix at a word start plus a body of at least `min` characters of one
 * class. Bodies are checked only up to `min` before the whole run is masked, and the search resumes
 * after what was masked, so the pass is linear whatever the input.
 */
import { isSensitiveKey } from './keys.ts';
import { isAlnum, OPENSSH_PUBLIC_KEY, type Span } from './scan.ts';

interface Shape {
  prefixes: string[];
  /** The characters the body is made of, as a regex character class body. */
  body: string;
  /** Shortest body that counts; shorter runs are left alone (they are not that token). */
  min: number;
}

const ALNUM = 'A-Za-z0-9';
const WORD = 'A-Za-z0-9_';
const WORD_DASH = 'A-Za-z0-9_\\-';
const HEX = '0-9a-fA-F';
const BASE64 = 'A-Za-z0-9+/=_\\-';

const SHAPES: Shape[] = [
  // GitHub: personal, OAuth, user-to-server, server-to-server and refresh tokens; fine-grained PATs.
  { prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], body: ALNUM, min: 20 },
  { prefixes: ['github_pat_'], body: WORD, min: 20 },
  // GitLab: personal, deploy, trigger, runner, CI job, OAuth, feed, mail, agent, SCIM, feature-flag tokens.
  {
    prefixes: [
      'glpat-',
      'gldt-',
      'glptt-',
      'glrt-',
      'glcbt-',
      'gloas-',
      'glft-',
      'glimt-',
      'glagent-',
      'glsoat-',
      'glffct-',
      'GR1348941',
    ],
    body: `${WORD_DASH}.`,
    min: 16,
  },
  // Slack: bot, user, app, workspace, refresh and configuration tokens; webhooks below.
  {
    prefixes: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxo-', 'xoxe-', 'xoxe.xoxb-', 'xoxe.xoxp-', 'xapp-'],
    body: `${ALNUM}\\-`,
    min: 10,
  },
  // Webhook URLs whose path is the secret.
  {
    prefixes: [
      'hooks.slack.com/services/',
      'hooks.slack.com/workflows/',
      'hooks.slack.com/triggers/',
      'discord.com/api/webhooks/',
      'discordapp.com/api/webhooks/',
      'webhook.office.com/webhookb2/',
    ],
    body: `${WORD_DASH}/+@`,
    min: 16,
  },
  // AWS access key ids (users, roles, temporary credentials, …).
  {
    prefixes: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'APKA', 'A3T'],
    body: 'A-Z0-9',
    min: 16,
  },
  // Google: API keys, OAuth access tokens, OAuth client secrets.
  { prefixes: ['AIza', 'GOCSPX-'], body: WORD_DASH, min: 20 },
  { prefixes: ['ya29.'], body: `${WORD_DASH}.`, min: 20 },
  // Stripe and alike (secret, restricted, webhook signing keys).
  {
    prefixes: ['sk_live_', 'sk_test_', 'sk_prod_', 'rk_live_', 'rk_test_', 'rk_prod_', 'whsec_'],
    body: ALNUM,
    min: 10,
  },
  // OpenAI, Anthropic and other `sk-` keys (sk-proj-…, sk-ant-api03-…).
  { prefixes: ['sk-'], body: WORD_DASH, min: 20 },
  // Package registries.
  { prefixes: ['npm_'], body: ALNUM, min: 30 },
  { prefixes: ['pypi-AgE'], body: WORD_DASH, min: 20 },
  { prefixes: ['rubygems_'], body: HEX, min: 32 },
  { prefixes: ['dckr_pat_', 'dckr_oat_'], body: WORD_DASH, min: 20 },
  // Cloud and SaaS vendors with prefixed tokens.
  {
    prefixes: ['dop_v1_', 'doo_v1_', 'dor_v1_', 'dapi', 'pul-', 'shpat_', 'shpca_', 'shppa_', 'shpss_'],
    body: HEX,
    min: 32,
  },
  { prefixes: ['shippo_live_', 'shippo_test_', 'key-', 'SK'], body: HEX, min: 32 },
  { prefixes: ['hvs.', 'hvb.', 'hvr.'], body: WORD_DASH, min: 20 },
  {
    prefixes: ['hf_', 'api_org_', 'ntn_', 'secret_', 'pplx-', 'gsk_', 'r8_', 'nfp_', 'sbp_', 'pnu_', 'ico-'],
    body: ALNUM,
    min: 30,
  },
  { prefixes: ['SG.'], body: `${WORD_DASH}.`, min: 40 },
  {
    prefixes: ['ATATT3', 'ATCTT3', 'ATBB', 'PMAK-', 'HRKU-', 'EAAA', 'sq0atp-', 'sq0csp-'],
    body: `${WORD_DASH}=`,
    min: 20,
  },
  { prefixes: ['lin_api_', 'lin_oauth_', 'LTAI'], body: ALNUM, min: 16 },
  {
    prefixes: ['glc_', 'glsa_', 'sntrys_', 'sntryu_', 'ops_', 'fo1_', 'fm1r_', 'fm1a_', 'fm2_'],
    body: BASE64,
    min: 20,
  },
  // Doppler tokens name their environment after the kind: dp.st.prd.….
  { prefixes: ['dp.pt.', 'dp.st.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'], body: `${ALNUM}._`, min: 20 },
  // xAI, Tavily, Brevo (Sendinblue), Contentful, Portainer, LangSmith, Buildkite, Render, Typeform, CircleCI,
  // NuGet, LaunchDarkly SDK keys, Google refresh tokens (Firebase CI), Dropbox short-lived tokens, Clojars.
  { prefixes: ['xai-', 'tvly-', 'xkeysib-', 'xsmtpsib-', 'CFPAT-', 'tfp_', 'CCIPAT_'], body: WORD_DASH, min: 30 },
  { prefixes: ['ptr_'], body: BASE64, min: 30 },
  { prefixes: ['lsv2_pt_', 'lsv2_sk_', 'bkua_', 'bkct_', 'rnd_', 'oy2', 'CLOJARS_'], body: WORD, min: 30 },
  { prefixes: ['sdk-', 'mob-'], body: `${HEX}\\-`, min: 36 },
  { prefixes: ['1//0', '1//'], body: WORD_DASH, min: 40 },
  { prefixes: ['sl.'], body: WORD_DASH, min: 40 },
  { prefixes: ['EAAB', 'EAAG', 'EAAI', 'EAAJ', 'EAAY', 'EAAL'], body: ALNUM, min: 40 },
  { prefixes: ['access_token$production$', 'access_token$sandbox$'], body: `${ALNUM}$`, min: 20 },
  {
    prefixes: ['pscale_tkn_', 'pscale_pw_', 'pscale_oauth_', 'duffel_live_', 'duffel_test_'],
    body: `${WORD_DASH}.=`,
    min: 20,
  },
  {
    prefixes: ['dt0c01.', 'tskey-', 'figd_', 'fio-u-', 'FLWSECK-', 'FLWSECK_TEST-', 'rdme_'],
    body: `${WORD_DASH}.`,
    min: 20,
  },
  { prefixes: ['AKCp', 'cmVmd', 'EZAK', 'EZTK', 'EAAC', 'EAAM'], body: ALNUM, min: 40 },
  { prefixes: ['API-'], body: 'A-Z0-9', min: 26 },
  { prefixes: ['AGE-SECRET-KEY-1'], body: 'A-Z0-9', min: 20 },
  // JWTs, and base64 of any JSON object ({" encodes as eyJ): Docker auth configs, Kubernetes tokens.
  { prefixes: ['eyJ'], body: `${BASE64}.`, min: 16 },
  // Password hashes (crypt, bcrypt, Apache MD5, yescrypt, argon2): crackable offline.
  {
    prefixes: ['$1$', '$2a$', '$2b$', '$2y$', '$5$', '$6$', '$y$', '$apr1$', '$argon2id$', '$argon2i$', '$argon2d$'],
    body: 'A-Za-z0-9./$=,+\\-',
    min: 16,
  },
];

/** Shapes without a fixed prefix, each anchored at a word start and linear (bounded parts, one open tail). */
const PATTERNS: RegExp[] = [
  // Telegram bot tokens: bot id, colon, 35 characters; in API URLs right after "bot" (/bot123456:AA…/getMe).
  /(?<![A-Za-z0-9])(?:bot)?\d{6,12}:[A-Za-z0-9_-]{30,}/g,
  // Kubernetes bootstrap tokens (abcdef.0123456789abcdef) and k3s join tokens (K10…::server:…).
  /(?<![A-Za-z0-9.])[a-z0-9]{6}\.[a-z0-9]{16}(?![A-Za-z0-9.])/g,
  /(?<![A-Za-z0-9])K10[0-9a-f]{20,}::[a-z]+:[A-Za-z0-9]{8,}/g,
  // SonarQube tokens.
  /(?<![A-Za-z0-9])sq[pua]_[0-9a-f]{30,}/g,
  // Vault's older service tokens (s.), New Relic keys, Discord bot tokens.
  /(?<![A-Za-z0-9.])s\.[A-Za-z0-9]{24,}/g,
  /(?<![A-Za-z0-9])NR(?:AK|AA|II|JS)-[A-Za-z0-9]{20,}/g,
  /(?<![A-Za-z0-9_.-])[A-Za-z0-9_-]{24,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,}/g,
  // A PEM block in base64 (LS0tLS1CRUdJTi is "-----BEGIN"): a Kubernetes secret's or kubeconfig's key data.
  /LS0tLS1CRUdJTi[A-Za-z0-9+/=]{8,}/g,
  // Webhook paths whose last part is the secret: Mattermost, Zapier, Gotify.
  /\/hooks\/(?:catch\/)?[A-Za-z0-9/_-]{16,}/g,
  /gotify:\/\/[^\s/]+\/[A-Za-z0-9._-]{10,}/g,
  // Terraform Cloud / HCP tokens: 14 characters, .atlasv1., the rest.
  /(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{20,}/g,
  // Airtable personal access tokens (pat, 14 characters, a dot, 64 hex), Infisical service tokens (st.<uuid>.<hex>.<hex>),
  // ClickUp personal tokens (pk_<user id>_…), Mailchimp API keys (32 hex, -us<data centre>).
  /(?<![A-Za-z0-9])pat[A-Za-z0-9]{14}\.[0-9a-f]{64}/g,
  /(?<![A-Za-z0-9.])st\.[0-9a-f-]{36}\.[0-9a-f]{32}\.[0-9a-f]{32}/g,
  /(?<![A-Za-z0-9])pk_\d{3,12}_[A-Z0-9]{20,}/g,
  /(?<![A-Za-z0-9])[0-9a-f]{32}-us\d{1,2}(?![A-Za-z0-9])/g,
  // An AWS secret access key next to its key id (AKIA…:secret, AKIA… secret): 40 characters of base64.
  /(?<=(?:AKIA|ASIA)[A-Z0-9]{16}["']?[\s:,=;|/]{1,3}["']?)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/g,
  // Microsoft Entra (Azure AD) client secrets: three characters, a digit, Q~, the rest.
  /(?<![\w~.-])[\w~.]{3}\dQ~[\w~.-]{30,}/g,
];

interface CompiledShape {
  prefix: string;
  body: boolean[];
  min: number;
}

function charTable(body: string): boolean[] {
  const re = new RegExp(`[${body}]`);
  return Array.from({ length: 128 }, (_, c) => re.test(String.fromCharCode(c)));
}

const BY_PREFIX = new Map<string, CompiledShape>();
for (const shape of SHAPES) {
  const body = charTable(shape.body);
  for (const prefix of shape.prefixes) BY_PREFIX.set(prefix, { prefix, body, min: shape.min });
}

/** Every prefix at a word start; longest first so `xoxe.xoxb-` wins over `xoxe-`. */
const PREFIX = new RegExp(
  `(?<![A-Za-z0-9])(?:${[...BY_PREFIX.keys()]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
    .join('|')})`,
  'g',
);

function inBody(shape: CompiledShape, c: number): boolean {
  return c < 128 && shape.body[c] === true;
}

export function maskTokenShapes(text: string, masks: Span[]): void {
  const shaped: Span[] = [];
  PREFIX.lastIndex = 0;
  for (let match = PREFIX.exec(text); match; match = PREFIX.exec(text)) {
    const shape = BY_PREFIX.get(match[0])!;
    const bodyStart = match.index + match[0].length;
    let p = bodyStart;
    while (p < text.length && p - bodyStart < shape.min && inBody(shape, text.charCodeAt(p))) p++;
    if (p - bodyStart < shape.min) continue; // too short to be this token; look on after the prefix
    while (p < text.length && inBody(shape, text.charCodeAt(p))) p++;
    shaped.push([bodyStart, p]);
    PREFIX.lastIndex = p;
  }
  masks.push(...shaped);
  maskRandomRuns(text, shaped, masks);
  maskEncodedLogins(text, masks);
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      masks.push([match.index, match.index + match[0].length]);
    }
  }
}

/** Shortest run of letters and digits that can read as random; shorter ones are words, ids and versions. */
const RANDOM_MIN = 16;

/**
 * Runs of letters and digits that read as random, with no prefix to know them by (a B2 application key, a reset
 * link's token, a webhook's last part, a password): small and capital letters and a digit, the kind of character
 * changing often, and few letters in word-like stretches (Python3Dot11Slim, X509Certificate2 are names). Hex
 * digests, UUIDs and commit hashes have no capitals. A run holding a prefixed token's body is left to its shape,
 * so the prefix stays shown (`eyJ***`).
 */
function maskRandomRuns(text: string, shaped: readonly Span[], masks: Span[]): void {
  const published = publicKeySpans(text);
  let nextPublished = 0;
  let next = 0;
  let i = 0;
  while (i < text.length) {
    if (!isAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let upper = 0;
    let lower = 0;
    let digits = 0;
    let changes = 0;
    let kind = -1;
    for (; i < text.length && isAlnum(text.charCodeAt(i)); i++) {
      const c = text.charCodeAt(i);
      const k = c <= 0x39 ? 0 : c <= 0x5a ? 1 : 2;
      if (k === 0) digits++;
      else if (k === 1) upper++;
      else lower++;
      if (kind >= 0 && k !== kind) changes++;
      kind = k;
    }
    while (next < shaped.length && shaped[next]![1] <= start) next++;
    if (i - start < RANDOM_MIN || upper < 2 || lower < 2 || digits < 1 || changes < 0.3 * (i - start - 1)) continue;
    if (next < shaped.length && shaped[next]![0] < i) continue;
    if (wordLikeShare(text.slice(start, Math.min(i, start + 256))) >= 0.5 || inDigest(text, start)) continue;
    while (nextPublished < published.length && published[nextPublished]![1] <= start) nextPublished++;
    if (nextPublished < published.length && published[nextPublished]![0] <= start) continue;
    if (namedAsId(text, start)) continue;
    masks.push([start, i]);
  }
}

/**
 * An OpenSSH public key (authorized_keys' `ssh-ed25519 AAAA… comment`, --public-key, a deploy key's): base64 that
 * reads as random, and is published.
 */
const PUBLIC_KEY = new RegExp(String.raw`(?<![\w-])${OPENSSH_PUBLIC_KEY}`, 'g');

function publicKeySpans(text: string): Span[] {
  const spans: Span[] = [];
  if (!text.includes('AAAA')) return spans;
  PUBLIC_KEY.lastIndex = 0;
  for (let m = PUBLIC_KEY.exec(text); m; m = PUBLIC_KEY.exec(text)) {
    spans.push([m.index + m[0].length - m[1]!.length, m.index + m[0].length]);
  }
  return spans;
}

/** The name a value at the end of `before` is given to, and the separator (`--cluster-id X`, `"client_id": "X"`). */
const NAMED_VALUE = /(?:^|[\s"'{,;&?])-{0,2}([A-Za-z][\w.-]{0,62})["']?[ \t]*(?:[=:][ \t]*|[ \t])["']?$/;
const ID_ENDING = /(?:[-_.](?:id|ID)|[a-z0-9]Id)$/;
const PUBLIC_KEY_NAME = /(?:^|[-_.])pub(?:lic)?[-_.]?key$|[a-z0-9]Pub(?:lic)?Key$|^pub(?:lic)?Key$/i;

/**
 * A run that is the value of a public key's name, or of a name ending in id (--cluster-id, client_id, appId) whose
 * other words say nothing secret: an identifier that reads as random (Kafka's cluster id, an OAuth client id), not a
 * secret. A secret's id,
 * a session's, an access key's (SECRET_ID, session-id, access_key_id) stay hidden; so does a token shape there.
 */
function namedAsId(text: string, start: number): boolean {
  const name = NAMED_VALUE.exec(text.slice(Math.max(0, start - 72), start))?.[1];
  if (!name) return false;
  // --vapid-public-key BN…, PUBLIC_KEY=…: the public half of a key pair, published.
  if (PUBLIC_KEY_NAME.test(name)) return !isSensitiveKey(name);
  if (!ID_ENDING.test(name)) return false;
  const owner = name.replace(/[-_.]?(?:id|ID|Id)$/, '');
  return owner.length > 0 && !isSensitiveKey(owner) && !isSensitiveKey(name);
}

/** A word of base64, padded to whole quads, of at most 256 characters (a login is short). */
const BASE64_WORD = /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{8,256}={0,2}(?![A-Za-z0-9+/=])/g;
/** What HTTP Basic encodes: a user (a name, an address, DOMAIN\\name), a colon, a password of printable ASCII. */
const LOGIN = /^[\w.@+\\-]{1,64}:[\x20-\x7e]{1,128}$/;

/**
 * base64 of user:password wherever it stands (Basic's credential out of its header, a proxy's auth setting, a
 * docker config's auth): too short or too regular for the random-run test, but it decodes to a login.
 */
function maskEncodedLogins(text: string, masks: Span[]): void {
  BASE64_WORD.lastIndex = 0;
  for (let m = BASE64_WORD.exec(text); m; m = BASE64_WORD.exec(text)) {
    if (m[0].length % 4 !== 0) continue;
    if (LOGIN.test(Buffer.from(m[0], 'base64').toString('latin1'))) masks.push([m.index, m.index + m[0].length]);
  }
}

/** A subresource integrity digest (sha384-oqVu…): base64 of a hash, published with the file it checks. */
function inDigest(text: string, start: number): boolean {
  let p = start;
  while (p > 0 && start - p < 128 && /[A-Za-z0-9+/=-]/.test(text[p - 1]!)) p--;
  return /^sha(?:256|384|512)-/.test(text.slice(p, p + 7));
}

/** The share of a run in stretches of three or more small letters, a capital before them counted (Config, ement). */
function wordLikeShare(run: string): number {
  let letters = 0;
  for (const word of run.matchAll(/[A-Z]?[a-z]{3,}/g)) letters += word[0].length;
  return letters / run.length;
}

// PEM armour, and the ssh.com (SSH2) one: ---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----.
const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|---- BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY ----/g;
const PEM_END = /-----END|---- END/g;

/** `-----BEGIN … PRIVATE KEY-----` up to its END line (or the end of the text, when cut): the markers stay. */
/** A PuTTY key file's private part: the lines after Private-Lines:, up to its MAC (or hash) line. */
const PUTTY_PRIVATE = /Private-Lines:[ \t]*\d+[ \t]*(?:\r?\n|\\n)/g;
const PUTTY_END = /Private-(?:MAC|Hash):/g;

export function maskPrivateKeys(text: string, masks: Span[]): void {
  if (text.includes('Private-Lines:')) maskPuttyKeys(text, masks);
  PEM_BEGIN.lastIndex = 0;
  for (let match = PEM_BEGIN.exec(text); match; match = PEM_BEGIN.exec(text)) {
    const bodyStart = match.index + match[0].length;
    PEM_END.lastIndex = bodyStart;
    const end = PEM_END.exec(text)?.index ?? -1;
    masks.push([bodyStart, end < 0 ? text.length : end]);
    if (end < 0) return;
    PEM_BEGIN.lastIndex = end;
  }
}

function maskPuttyKeys(text: string, masks: Span[]): void {
  PUTTY_PRIVATE.lastIndex = 0;
  for (let match = PUTTY_PRIVATE.exec(text); match; match = PUTTY_PRIVATE.exec(text)) {
    const bodyStart = match.index + match[0].length;
    PUTTY_END.lastIndex = bodyStart;
    const end = PUTTY_END.exec(text)?.index ?? -1;
    if (end < 0) {
      masks.push([bodyStart, text.length]);
      return;
    }
    // The line break before the MAC line stays.
    const breakLength = text.endsWith('\\n', end) ? 2 : text.charCodeAt(end - 1) === 0x0a ? 1 : 0;
    masks.push([bodyStart, Math.max(bodyStart, end - breakLength)]);
    PUTTY_PRIVATE.lastIndex = end;
  }
}
