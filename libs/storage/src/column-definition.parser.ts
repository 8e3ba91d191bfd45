import { type ColumnDefinition } from './migration-statement.type';
import { type SqlToken, isWord, tokensText } from './sql-token.util';

const COMPUTED = ['DEFAULT', 'MATERIALIZED', 'ALIAS', 'EPHEMERAL'];
/** Words that end a column's type at the column's own nesting level. */
const AFTER_TYPE = [
  ...COMPUTED,
  'CODEC',
  'TTL',
  'COMMENT',
  'NULL',
  'NOT',
  'PRIMARY',
  'SETTINGS',
  'AFTER',
  'FIRST',
];

/** `name` or `` `name` `` as a plain name. */
export function identifierName(token: SqlToken | undefined): string | undefined {
  if (token?.kind === 'word') return token.text;
  if (token?.kind === 'identifier' && token.text.startsWith('`')) return token.text.slice(1, -1);
  return undefined;
}

/**
 * `name Type [DEFAULT expr] [CODEC(...)] ...` (also `name DEFAULT expr`). Returns undefined for the
 * other elements of a column list (INDEX, PROJECTION, CONSTRAINT) and for anything without a name.
 */
export function parseColumnDefinition(
  sql: string,
  tokens: readonly SqlToken[],
): ColumnDefinition | undefined {
  if (isWord(tokens[0], 'INDEX', 'PROJECTION', 'CONSTRAINT')) return undefined;
  const name = identifierName(tokens[0]);
  if (name === undefined) return undefined;
  const level = tokens[0].depth;
  const own = (t: SqlToken) => t.depth === level;
  const typeEnd = tokens.findIndex((t, k) => k > 0 && own(t) && isWord(t, ...AFTER_TYPE));
  const typeTokens = tokens.slice(1, typeEnd === -1 ? tokens.length : typeEnd);
  return {
    name,
    type: tokensText(sql, typeTokens),
    computed: tokens.some((t) => own(t) && isWord(t, ...COMPUTED)),
  };
}
