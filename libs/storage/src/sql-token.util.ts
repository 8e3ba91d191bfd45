import { ClusterDdlException, ClusterDdlExceptionCode } from './cluster-ddl.exception';

export type SqlTokenKind = 'word' | 'string' | 'identifier' | 'number' | 'placeholder' | 'symbol';

/**
 * One lexical token of a migration statement. `depth` counts the brackets ((), [], {}) around it;
 * an opening bracket carries the depth outside it, its closing bracket the same, so "top level of
 * the column list" is simply `depth === 1` for every kind of token.
 */
export interface SqlToken {
  kind: SqlTokenKind;
  text: string;
  start: number;
  end: number;
  depth: number;
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSE = new Set([')', ']', '}']);
const TWO_CHAR_SYMBOLS = new Set(['::', '->', '<=', '>=', '!=', '<>', '||', '==']);

function fail(message: string): never {
  throw new ClusterDdlException(ClusterDdlExceptionCode.UNSUPPORTED_STATEMENT, message);
}

/** End (exclusive) of a quoted run starting at `start`; doubled quotes and backslash escapes stay inside. */
function quotedEnd(sql: string, start: number): number {
  const quote = sql[start];
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === '\\') i += 2;
    else if (sql[i] === quote && sql[i + 1] === quote) i += 2;
    else if (sql[i] === quote) return i + 1;
    else i += 1;
  }
  return fail(`unterminated ${quote} quote at offset ${start}`);
}

/** End (exclusive) of the run of `chars` that starts at `start`. */
function runEnd(sql: string, start: number, chars: RegExp): number {
  let i = start + 1;
  while (i < sql.length && chars.test(sql[i])) i += 1;
  return i;
}

/**
 * Splits ClickHouse SQL into tokens, skipping `--` and `/* *\/` comments and checking that brackets
 * balance. It knows just enough lexis to find clause keywords and commas at a given nesting level:
 * expressions themselves are carried through verbatim, never interpreted.
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  const stack: string[] = [];
  let i = 0;
  const push = (kind: SqlTokenKind, end: number, depth = stack.length) => {
    tokens.push({ kind, text: sql.slice(i, end), start: i, end, depth });
    i = end;
  };
  while (i < sql.length) {
    const c = sql[i];
    const two = sql.slice(i, i + 2);
    if (/\s/.test(c)) i += 1;
    else if (two === '--') i = sql.indexOf('\n', i) === -1 ? sql.length : sql.indexOf('\n', i);
    else if (two === '/*') {
      const end = sql.indexOf('*/', i + 2);
      if (end === -1) fail(`unterminated comment at offset ${i}`);
      i = end + 2;
    } else if (two === '{{') {
      const end = sql.indexOf('}}', i);
      if (end === -1) fail(`unterminated {{placeholder}} at offset ${i}`);
      push('placeholder', end + 2);
    } else if (c === "'") push('string', quotedEnd(sql, i));
    else if (c === '`' || c === '"') push('identifier', quotedEnd(sql, i));
    else if (/[A-Za-z_]/.test(c)) push('word', runEnd(sql, i, /[A-Za-z0-9_$]/));
    else if (/[0-9]/.test(c)) push('number', runEnd(sql, i, /[0-9A-Za-z_.]/));
    else if (OPEN[c] !== undefined) {
      push('symbol', i + 1);
      stack.push(OPEN[c]);
    } else if (CLOSE.has(c)) {
      if (stack.pop() !== c) fail(`unbalanced "${c}" at offset ${i}`);
      push('symbol', i + 1);
    } else push('symbol', i + (TWO_CHAR_SYMBOLS.has(two) ? 2 : 1));
  }
  if (stack.length > 0) fail(`unclosed bracket: expected "${stack[stack.length - 1]}" before the end`);
  return tokens;
}

/** Case-insensitive keyword test. */
export function isWord(token: SqlToken | undefined, ...words: string[]): boolean {
  return token?.kind === 'word' && words.includes(token.text.toUpperCase());
}

/** Splits at `separator` symbols found exactly at `depth`; empty parts are a syntax error. */
export function splitTokens(tokens: readonly SqlToken[], depth: number, separator = ','): SqlToken[][] {
  const parts: SqlToken[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'symbol' && t.text === separator && t.depth === depth) parts.push([]);
    else parts[parts.length - 1].push(t);
  }
  if (parts.some((p) => p.length === 0)) fail(`empty item in a "${separator}"-separated list`);
  return parts;
}

/**
 * The source text of a run of tokens with comments dropped and each gap of whitespace made one
 * space: quoted text is never touched, so `DEFAULT 'a  b'` keeps its two spaces.
 */
export function tokensText(sql: string, tokens: readonly SqlToken[]): string {
  return tokens
    .map((t, k) => (k > 0 && t.start > tokens[k - 1].end ? ' ' : '') + sql.slice(t.start, t.end))
    .join('');
}
