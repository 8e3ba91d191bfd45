import { ENGLISH_WORDS } from './english-words.constant';

/**
 * What one path segment looks like, before any learning:
 * - typed kinds are values whatever their siblings are: `int`, `uuid`, `hex`, `token` (long mixed,
 *   prefixed ids such as `cus_…`, base62), `idlike` (letters and ≥ 2 digits: `user42`, `PROJ-123`),
 *   `email`, `ip`, `list` (`1;2;3`);
 * - soft kinds are values once a second distinct one is seen at the same place: `date` (a lone date is
 *   usually a version: `/2010-04-01/Accounts`), `semver` (`/2.0/`, `3.5.1`) and integers in the first
 *   segment (`/1/boards`);
 * - literal-leaning kinds: `version` (`v1`, `2.0`, `v1beta1`), `rpc` (`chat.postMessage`),
 *   `word` and `compound` (dictionary words: `settings`, `no-answers`, `getstationsdata`);
 * - `name`: letters that are not words (`torvalds`, `octocat`): values if structure agrees;
 * - `empty`: the segment after a trailing slash.
 */
export type SegmentKind =
  | 'int'
  | 'uuid'
  | 'hex'
  | 'token'
  | 'idlike'
  | 'email'
  | 'ip'
  | 'list'
  | 'date'
  | 'version'
  | 'semver'
  | 'rpc'
  | 'word'
  | 'compound'
  | 'name'
  | 'empty';

const TYPED: ReadonlySet<SegmentKind> = new Set([
  'int',
  'uuid',
  'hex',
  'token',
  'idlike',
  'email',
  'ip',
  'list',
]);
const VOCABULARY: ReadonlySet<SegmentKind> = new Set(['word', 'compound']);

export const isTypedKind = (kind: SegmentKind): boolean => TYPED.has(kind);
export const isVocabularyKind = (kind: SegmentKind): boolean => VOCABULARY.has(kind);

/** Tokens with digits that name things rather than identify them. */
const TECH_TOKENS = new Set([
  'oauth2',
  'oauth1',
  's3',
  'ec2',
  'ipv4',
  'ipv6',
  'md5',
  'sha1',
  'sha256',
  'sha512',
  'x509',
  'utf8',
  'utf-8',
  'base64',
  'http2',
  'h2',
  'h3',
  '2fa',
  'mfa',
  'i18n',
  'l10n',
  'k8s',
  'b2b',
  'b2c',
  'p2p',
  '3ds',
  'mp3',
  'mp4',
  'web3',
  'e2e',
  'html5',
  'css3',
  'es6',
  'oidc',
  'saml2',
  'pkcs12',
  'ed25519',
  'rsa2048',
  'log4j',
  'g2',
  'v8',
  'a11y',
  'covid19',
  'top10',
  'top100',
  '1password',
  '3d',
  '2d',
  '4k',
  'ssl3',
  'tls13',
]);

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const HEX = /^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}$/i;
const LONG_MIXED = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9_~=+-]{20,}$/;
const IDLIKE = /^(?=(?:[^\d]*\d){2})(?=.*[A-Za-z])[A-Za-z0-9_.~:+=-]+$/;
const BASE62_CASED = /^(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9]{16,}$/;
const EMAIL = /^[^@/\s]+@[^@/\s]+\.[a-z]{2,}$/i;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^(?=.*:)[0-9a-f:.]{2,45}$/i;
const LIST = /^[\w.@-]+(?:[;,][\w.@-]+)+$/;
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const VERSION = /^(?:v\d+(?:\.\d+)*(?:(?:alpha|beta|rc|preview)\d*)?|\d+\.\d+(?:\.\d+)?|api-?v\d+)$/i;
const RPC_JOINED =
  /^(get|set|add|create|delete|remove|update|list|sync|switch|drop|fetch|post|put|send|check|start|stop|enable|disable|reset|search|find|upload|download|invite|join|leave|mark|open|close|cancel|confirm|verify|validate|refresh|revoke|register|unregister|subscribe|unsubscribe)[a-z]{3,}$/;
const RPC_DOTTED = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)+$/;
/**
 * Dotted names whose last part is a top-level domain or a two-letter suffix are names of things, not
 * RPC methods (`node.js`, `socket.io`, `example.com`): a method ends in a verb or a noun
 * (`chat.postMessage`, `users.info`, `pins.add`).
 */
const NOT_RPC_SUFFIX = /\.(?:[A-Za-z]{1,2}|com|org|net|edu|gov|dev)$/;

/** Suffixes whose stem may be a word: `answerers` -> `answer`, `invited` -> `invite`. */
const SUFFIXES = [
  'ies',
  'es',
  's',
  'ed',
  'd',
  'ing',
  'ers',
  'er',
  'ly',
  'able',
  'ment',
  'ness',
  'ize',
  'ify',
];
const SHORT_WORDS = new Set([
  'a',
  'an',
  'at',
  'by',
  'do',
  'go',
  'in',
  'is',
  'it',
  'me',
  'my',
  'no',
  'of',
  'on',
  'or',
  'to',
  'up',
  'us',
  'we',
  'id',
  'ip',
  'io',
  'ui',
  'os',
  'db',
]);

const PREFIXES = ['un', 're', 'non', 'pre', 'de', 'dis', 'sub', 'multi', 'auto', 'over', 'out'];

function isWord(part: string, prefixed = true): boolean {
  if (ENGLISH_WORDS.has(part) || SHORT_WORDS.has(part)) return true;
  if (prefixed)
    for (const prefix of PREFIXES)
      if (
        part.length - prefix.length >= 4 &&
        part.startsWith(prefix) &&
        isWord(part.slice(prefix.length), false)
      )
        return true;
  // nouns of action: `participation` -> `participate`, `completion` -> `complete`
  const action = /^(.{3,})(?:ation|ion)s?$/.exec(part);
  if (action && [`${action[1]}ate`, `${action[1]}e`, action[1]].some((stem) => ENGLISH_WORDS.has(stem)))
    return true;
  for (const suffix of SUFFIXES) {
    if (part.length - suffix.length < 3 || !part.endsWith(suffix)) continue;
    const stem = part.slice(0, -suffix.length);
    if (ENGLISH_WORDS.has(stem) || ENGLISH_WORDS.has(`${stem}e`) || ENGLISH_WORDS.has(`${stem}y`))
      return true;
    // doubled consonant: `starred` -> `star`
    if (stem.length > 3 && stem.at(-1) === stem.at(-2) && ENGLISH_WORDS.has(stem.slice(0, -1))) return true;
  }
  return false;
}

/** Can `text` be cut into dictionary words of ≥ 3 letters (`getstationsdata`)? At most 4 words. */
function segmentsIntoWords(text: string): boolean {
  if (text.length > 40) return false;
  const reach: number[] = new Array<number>(text.length + 1).fill(99);
  reach[0] = 0;
  for (let end = 3; end <= text.length; end++) {
    for (let start = Math.max(0, end - 16); start <= end - 2; start++) {
      if (reach[start] >= 4) continue;
      const piece = text.slice(start, end);
      if ((piece.length >= 3 || SHORT_WORDS.has(piece)) && isWord(piece))
        reach[end] = Math.min(reach[end], reach[start] + 1);
    }
  }
  return reach[text.length] <= 4;
}

/** Splits `reputation-history`, `boardStars`, `top_answer_tags` into lower-case parts. */
export function wordParts(segment: string): string[] {
  return segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_.~+-]+/)
    .filter(Boolean);
}

/** `word` for one dictionary word, `compound` for words joined, undefined otherwise. */
export function vocabularyOf(segment: string): 'word' | 'compound' | undefined {
  const parts = wordParts(segment);
  if (parts.length === 0) return undefined;
  let joined = parts.length > 1;
  for (const part of parts) {
    if (/^\d{1,2}$/.test(part) && parts.length > 1) continue;
    if (!/^[a-z]+$/.test(part)) return undefined;
    if (isWord(part)) continue;
    if (part.length >= 6 && segmentsIntoWords(part)) {
      joined = true;
      continue;
    }
    return undefined;
  }
  return joined ? 'compound' : 'word';
}

function safeDecode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Letters no one pronounces (`jmkcqpeimn`, `p0rmmgmw`): generated ids without digits enough to be
 * `idlike`. Names have vowels every few letters (`torvalds`, `sindresorhus`).
 */
function looksRandom(segment: string): boolean {
  if (segment.length < 7 || !/^[A-Za-z0-9]+$/.test(segment)) return false;
  const letters = segment.toLowerCase().replace(/\d/g, '');
  const vowels = (letters.match(/[aeiouy]/g) ?? []).length;
  const run = Math.max(0, ...(letters.match(/[^aeiouy]+/g) ?? []).map((r) => r.length));
  return run >= 5 || vowels / Math.max(1, letters.length) < 0.2 || /\d/.test(segment);
}

/** Kinds of recently seen segments: the same values recur, and classifying is regex work. */
const recentKinds = new Map<string, SegmentKind>();

/** The kind of one segment (without its file extension). */
export function segmentKind(raw: string): SegmentKind {
  const known = recentKinds.get(raw);
  if (known !== undefined) return known;
  const kind = classify(raw);
  if (recentKinds.size >= 16_384) recentKinds.clear();
  recentKinds.set(raw, kind);
  return kind;
}

function classify(raw: string): SegmentKind {
  if (raw === '') return 'empty';
  // Bitbucket-style `{uuid}` values arrive with their braces
  const decoded = safeDecode(raw);
  const segment = /^\{[^{}]+\}$/.test(decoded) ? decoded.slice(1, -1) : decoded;
  const lower = segment.toLowerCase();
  if (TECH_TOKENS.has(lower)) return 'word';
  if (/^\d+\.\d+(?:\.\d+)?$/.test(segment)) return 'semver';
  if (VERSION.test(segment)) return 'version';
  if (/^\d+$/.test(segment)) return 'int';
  if (DATE.test(segment)) return 'date';
  if (UUID.test(segment)) return 'uuid';
  if (EMAIL.test(segment)) return 'email';
  if (IPV4.test(segment) || (IPV6.test(segment) && segment.split(':').length > 2)) return 'ip';
  if (HEX.test(segment)) return 'hex';
  if (LIST.test(segment) && /\d/.test(segment)) return 'list';
  if (LONG_MIXED.test(segment)) return 'token';
  if (IDLIKE.test(segment)) return 'idlike';
  if (BASE62_CASED.test(segment) && vocabularyOf(segment) === undefined) return 'token';
  if (RPC_DOTTED.test(segment) && !NOT_RPC_SUFFIX.test(segment)) return 'rpc';
  const vocabulary = vocabularyOf(segment);
  // `getstationsdata`, `addwebhook`: an operation named by a verb run into its object
  if (vocabulary === 'compound' && RPC_JOINED.test(segment)) return 'rpc';
  if (vocabulary) return vocabulary;
  if (looksRandom(segment)) return 'token';
  return 'name';
}

/** Extensions that stay literal after a value: `{Sid}.json`. */
const EXTENSIONS = new Set([
  'json',
  'xml',
  'csv',
  'html',
  'htm',
  'txt',
  'yaml',
  'yml',
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'svg',
  'webp',
  'zip',
  'gz',
  'tar',
  'mp3',
  'mp4',
  'atom',
  'rss',
  'ics',
  'wasm',
  'php',
  'jsonp',
  'asp',
  'aspx',
  'jsp',
  'ndjson',
  'jsonl',
  'protobuf',
  'proto',
  'bin',
  'ico',
  'woff',
  'woff2',
]);

/** `SM123.json` -> { stem: 'SM123', ext: '.json' }; `chat.postMessage` keeps its dot. */
export function splitExtension(segment: string): { stem: string; ext: string } {
  const dot = segment.lastIndexOf('.');
  if (dot <= 0 || dot === segment.length - 1) return { stem: segment, ext: '' };
  const ext = segment.slice(dot + 1).toLowerCase();
  if (!EXTENSIONS.has(ext)) return { stem: segment, ext: '' };
  return { stem: segment.slice(0, dot), ext: `.${ext}` };
}
