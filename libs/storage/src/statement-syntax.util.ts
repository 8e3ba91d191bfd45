import { ClusterDdlException, ClusterDdlExceptionCode } from './cluster-ddl.exception';
import { type SettingAssignment } from './migration-statement.type';
import { type SqlToken, isWord, splitTokens, tokensText } from './sql-token.util';

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Shared pieces of the migration-statement grammar (CREATE TABLE and ALTER TABLE parsers). */
export function statementError(sql: string, why: string): ClusterDdlException {
  const head = sql.replace(/\s+/g, ' ').trim();
  return new ClusterDdlException(
    ClusterDdlExceptionCode.UNSUPPORTED_STATEMENT,
    `${why} in "${head.length > 100 ? `${head.slice(0, 100)}...` : head}"`,
  );
}

/** True when `tokens[at...]` spell `words` (case-insensitive, top level). */
export function wordsAt(tokens: readonly SqlToken[], at: number, words: readonly string[]): boolean {
  return words.every((w, k) => isWord(tokens[at + k], w) && tokens[at + k].depth === 0);
}

/** `{{db}}.name` at `at`: the only table reference our migrations use (the database is configurable). */
export function tableReference(sql: string, tokens: readonly SqlToken[], at: number): string {
  const [db, dot, name] = tokens.slice(at, at + 3);
  if (db?.text !== '{{db}}' || dot?.text !== '.' || name?.kind !== 'word' || !TABLE_NAME.test(name.text))
    throw statementError(sql, 'expected a table written {{db}}.name');
  return name.text;
}

export function parseSettings(sql: string, tokens: readonly SqlToken[]): SettingAssignment[] {
  return splitTokens(tokens, tokens[0]?.depth ?? 0).map((part) => {
    if (part[0]?.kind !== 'word' || part[1]?.text !== '=' || part.length < 3)
      throw statementError(sql, 'expected SETTINGS name = value');
    return { name: part[0].text, value: tokensText(sql, part.slice(2)) };
  });
}

/** Keywords that join or introduce operands in key and TTL expressions (`a IS NOT NULL`, `TO DISK 'x'`). */
const JOINING_WORDS = new Set('AND OR NOT IN IS LIKE ILIKE BETWEEN INTERVAL GLOBAL'.split(' '));
const TTL_JOINING_WORDS = new Set('WHERE TO DISK VOLUME RECOMPRESS CODEC GROUP BY SET'.split(' '));
/** Keywords that close an operand (`INTERVAL 1 DAY`, `a DESC`, `... DELETE`): nothing may follow them but an operator. */
const CLOSING_WORDS = new Set('SECOND MINUTE HOUR DAY WEEK MONTH QUARTER YEAR ASC DESC DELETE'.split(' '));

/**
 * Clause expressions are carried through verbatim, so this is the check that they end where the
 * clause ends: two operands side by side at the clause's level (`ORDER BY a FOO`) mean a keyword the
 * parser does not know swallowed into the expression, and that must stop generation.
 */
export function checkExpression(sql: string, clause: string, tokens: readonly SqlToken[]): void {
  if (clause === 'COMMENT') {
    if (tokens.length !== 1 || tokens[0].kind !== 'string')
      throw statementError(sql, 'COMMENT takes one string');
    return;
  }
  const level = tokens[0]?.depth ?? 0;
  const word = (t: SqlToken, set: Set<string>) => t.kind === 'word' && set.has(t.text.toUpperCase());
  const joining = (t: SqlToken) => word(t, JOINING_WORDS) || (clause === 'TTL' && word(t, TTL_JOINING_WORDS));
  const closingWord = (t: SqlToken) => word(t, CLOSING_WORDS);
  const operand = (t: SqlToken) => t.kind !== 'symbol' && !joining(t) && !closingWord(t);
  const own = tokens.filter((t) => t.depth === level);
  own.forEach((t, k) => {
    const p = own[k - 1];
    const afterOperand = p !== undefined && (operand(p) || closingWord(p) || /^[)\]}]$/.test(p.text));
    if (afterOperand && operand(t)) throw statementError(sql, `${clause}: unexpected "${t.text}"`);
  });
}
