import { fieldNameWords } from './field-name.util';

/** What a field's name says about the value it holds. All false for a name that says nothing. */
export interface NameHints {
  phone: boolean;
  password: boolean;
  passwordHash: boolean;
  /** A secret by name: `*_token`, `*_secret`, `api_key`, `private_key`, `recovery_codes`... */
  secret: boolean;
  /** A 2FA seed by name, or a bare `secret`/`seed` inside a 2FA object. */
  otpSecret: boolean;
  /** A 2FA name that says seed explicitly (`two_factor_secret`, `otp_secret_key`), not just `otp`. */
  namedSeed: boolean;
  /** Exactly `secret` or `seed`: a strict base32 value there is a TOTP seed. */
  bareSecret: boolean;
  birthDate: boolean;
  ssn: boolean;
  card: boolean;
  /** The name describes something that only looks like an IP (a version, an OID, a range bound). */
  notAnAddress: boolean;
  /** The name describes an identifier or code that only looks like a card, SSN or phone number. */
  notAPersonalNumber: boolean;
  /** The name means something only with its parent (`number`, `secret`): look the pair up. */
  dependsOnParent: boolean;
}

const has = (words: readonly string[], list: ReadonlySet<string>) => words.some((w) => list.has(w));
const set = (words: string) => new Set(words.trim().split(/\s+/));

// Words that turn a sensitive-sounding name into metadata about the value (a flag, a date, a count).
const METADATA = set(`
  at date time ts timestamp created updated changed expires expiry expiration expired ttl lifetime
  count total length len min max limit limits policy policies rule rules requirement requirements
  strength score set has is enabled disabled required status type types kind format mode method
  hint label placeholder name id ids uuid url uri link verified confirmed valid invalid last4 last
  four prefix suffix masked mask fingerprint version outcome scanning question answer history
  attempts sent used revoked provider algorithm visibility visible reminder reminders digits
  period arn path ref
`);
const PASSWORD = set(`password passwd pwd passphrase passcode pass pw`);
const HASHED = set(`hash hashed digest encrypted crypted crypt`);
const TOKEN_NOT_SECRET = set(`
  page next prev previous continuation pagination cursor sync csrf xsrf push device fcm apns
  registration usage endpoint scheme audience issuer scope scopes input output completion prompt
  cache hash hashed public idempotency authenticity captcha recaptcha hcaptcha turnstile
`);
const KEY_QUALIFIERS = set(`
  api secret private access signing encryption master client auth webhook service account license
  session shared hmac consumer subscription admin deploy ingest ingestion app
`);
const KEY_NOT_SECRET = set(`public publishable owner idempotency`);
const OTP = set(`otp totp hotp 2fa mfa tfa twofa authenticator 2step`);
const SEED = set(`secret seed key`);
const BIRTH = set(`dob birth birthday birthdate bday born dateofbirth`);
// `date` and `at` are part of birth-date names (`date_of_birth`, `born_at`), so birth has its own vetoes.
const NOT_BIRTH = set(`
  place city country location state certificate weight year month reminder reminders visibility
  visible hidden public show enabled verified set has is format type created updated changed count
`);
const PHONE = set(
  `phone phones mobile tel telephone cell cellphone msisdn fax whatsapp sms landline phonenumber`,
);
const NOT_PHONE = set(`country code ext extension sid carrier model os brand app opt optin consent`);
const CARD = set(`card cc pan creditcard cardnumber ccnumber ccnum`);
const NOT_CARD = set(`bin iin brand token exp holder country funding network first6 cvc cvv`);
const NOT_ADDRESS = set(`
  version ver build release revision rev oid mask netmask lower upper semver sdk firmware tag
  engine requires compat compatibility
`);
const NOT_PERSONAL_NUMBER = set(`
 id ids sku part code ref reference order tracking invoice serial model isbn ean upc gtin
 imei iccid zip postal routing account ticket case claim version build seq sequence nonce
 timestamp ts time quantity amount price balance total count size
`);

function secretByName(words: readonly string[], joined: string): boolean {
  if (has(words, METADATA)) return false;
  // Anti-forgery tokens (`X-CSRFToken`, Rails `authenticity_token`, ASP.NET
  // `__RequestVerificationToken`) are handed to every visitor: not secrets.
  if (/csrf|xsrf|requestverification/.test(joined)) return false;
  if (/(?:secret|token|tokens|credentials?|authorization)$/.test(joined) || words.includes('secret'))
    return !has(words, TOKEN_NOT_SECRET);
  const k = words.lastIndexOf('key');
  if (k > 0 && KEY_QUALIFIERS.has(words[k - 1]) && !has(words, KEY_NOT_SECRET)) return true;
  if (/^(?:apikey|accesskey|secretkey|privatekey|signingkey|clientkey)$/.test(words[words.length - 1] ?? ''))
    return true;
  // 2FA recovery and backup codes, OAuth device and authorization codes: each logs an attacker in.
  return /^(?:.*(?:recovery|backup)codes?|devicecode|(?:authorization|auth)code)$/.test(joined);
}

// Names whose meaning depends on the enclosing object (`card.number`, `totp.secret`). Every other
// name is looked up by itself, which keeps the hot path to one map lookup.
const PARENT_DEPENDENT =
  /^(?:number|num|no|pan|value|e164|international|nationalnumber|full|phonenumber|secret|seed|sharedsecret)$/;

function hintsOf(name: string, parent: string | null): NameHints {
  const words = fieldNameWords(name);
  const joined = words.join('');
  const parentWords = parent === null ? [] : fieldNameWords(parent);
  const passwordish = has(words, PASSWORD) || /password|passwd/.test(joined);
  const otpContext =
    has(words, OTP) || /twofactor|twostep|2fa/.test(joined) || words.some((w) => /^t?otp/.test(w));
  const parentOtp = has(parentWords, OTP) || /twofactor|twostep|2fa/.test(parentWords.join(''));
  const metadata = has(words, METADATA);
  // `card.number` (Stripe's form fields) and `phone_number.national_number` (PayPal) name their
  // value through the parent.
  const cardByParent = has(parentWords, CARD) && /^(?:number|num|no|pan)$/.test(joined);
  const phoneByParent =
    (has(parentWords, PHONE) || parentWords.join('').includes('phone')) &&
    /^(?:number|num|no|value|e164|international|nationalnumber|full|phonenumber)$/.test(joined);
  const bareSecret = joined === 'secret' || joined === 'seed' || joined === 'sharedsecret';
  return {
    phone:
      phoneByParent ||
      ((has(words, PHONE) || joined.includes('phone')) && !metadata && !has(words, NOT_PHONE)),
    password:
      passwordish && !metadata && !has(words, HASHED) && !/reset|token|salt|forgot|recovery/.test(joined),
    passwordHash: passwordish && has(words, HASHED),
    secret: secretByName(words, joined) && !(otpContext && has(words, SEED)),
    otpSecret:
      ((otpContext && (has(words, SEED) || words.length === 1)) || (parentOtp && bareSecret)) &&
      !metadata &&
      !/code|recovery|backup/.test(joined),
    namedSeed: otpContext && has(words, SEED) && !metadata,
    bareSecret,
    birthDate: (has(words, BIRTH) || /birth/.test(joined)) && !has(words, NOT_BIRTH),
    ssn: (words.includes('ssn') || /socialsecurity/.test(joined)) && !metadata,
    card:
      cardByParent ||
      ((has(words, CARD) || /cardnumber|creditcard/.test(joined)) && !metadata && !has(words, NOT_CARD)),
    notAnAddress: has(words, NOT_ADDRESS),
    notAPersonalNumber: has(words, NOT_PERSONAL_NUMBER),
    dependsOnParent: PARENT_DEPENDENT.test(joined),
  };
}

// Field names repeat endlessly in traffic; bounded caches keep hostile unique names from growing them.
const CACHE_LIMIT = 8192;
const byName = new Map<string, NameHints>();
const byParentAndName = new Map<string, NameHints>();
const NO_NAME = hintsOf('', null);

function cached(cache: Map<string, NameHints>, key: string, name: string, parent: string | null): NameHints {
  let hints = cache.get(key);
  if (hints === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    hints = hintsOf(name, parent);
    cache.set(key, hints);
  }
  return hints;
}

/** Hints for a field called `name` inside an object called `parent` (for `$.two_factor.secret`). */
export function nameHintsOf(name: string | null, parent: string | null = null): NameHints {
  if (name === null || name === '') return NO_NAME;
  const own = cached(byName, name, name, null);
  if (parent === null || !own.dependsOnParent) return own;
  return cached(byParentAndName, `${parent}\u0000${name}`, name, parent);
}
