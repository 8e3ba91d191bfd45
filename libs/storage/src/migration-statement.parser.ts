import { parseAlterActions } from './alter-action.parser';
import { parseColumnDefinition } from './column-definition.parser';
import {
  type CreateTableStatement,
  type MigrationStatement,
  type SettingAssignment,
  type TableClause,
} from './migration-statement.type';
import { type SqlToken, isWord, splitTokens, tokenizeSql, tokensText } from './sql-token.util';
import {
  checkExpression,
  parseSettings,
  statementError,
  tableReference,
  wordsAt,
} from './statement-syntax.util';

const CLAUSE_WORDS: Record<TableClause | 'SETTINGS', string[]> = {
  'PARTITION BY': ['PARTITION', 'BY'],
  'PRIMARY KEY': ['PRIMARY', 'KEY'],
  'ORDER BY': ['ORDER', 'BY'],
  'SAMPLE BY': ['SAMPLE', 'BY'],
  TTL: ['TTL'],
  COMMENT: ['COMMENT'],
  SETTINGS: ['SETTINGS'],
};

/** Index of the bracket closing the one at `open`. */
function closing(tokens: readonly SqlToken[], open: number): number {
  return tokens.findIndex((t, k) => k > open && t.depth === tokens[open].depth && /^[)\]}]$/.test(t.text));
}

function parseCreateTable(sql: string, tokens: SqlToken[]): CreateTableStatement {
  let at = wordsAt(tokens, 2, ['IF', 'NOT', 'EXISTS']) ? 5 : 2;
  const table = tableReference(sql, tokens, at);
  at += 3;
  if (tokens[at]?.text !== '(') throw statementError(sql, 'expected the column list after the table name');
  const close = closing(tokens, at);
  const elements = splitTokens(tokens.slice(at + 1, close), 1);
  const columns = elements.map((e) => parseColumnDefinition(sql, e));
  if (elements.some((e, k) => columns[k] === undefined && !isWord(e[0], 'INDEX', 'PROJECTION', 'CONSTRAINT')))
    throw statementError(sql, 'a column list item is neither a column nor INDEX/PROJECTION/CONSTRAINT');
  at = close + 1;
  if (!wordsAt(tokens, at, ['ENGINE']) || tokens[at + 1]?.text !== '=' || tokens[at + 2]?.kind !== 'word')
    throw statementError(sql, 'expected ENGINE = Name after the column list');
  const engine = { name: tokens[at + 2].text, args: [] as string[] };
  at += 3;
  if (tokens[at]?.text === '(') {
    const end = closing(tokens, at);
    const inner = tokens.slice(at + 1, end);
    engine.args = inner.length === 0 ? [] : splitTokens(inner, 1).map((a) => tokensText(sql, a));
    at = end + 1;
  }
  const clauses: Partial<Record<TableClause, string>> = {};
  let settings: SettingAssignment[] = [];
  const names = Object.keys(CLAUSE_WORDS) as Array<TableClause | 'SETTINGS'>;
  const clauseAt = (k: number) => names.find((n) => wordsAt(tokens, k, CLAUSE_WORDS[n]));
  const starts = tokens.map((_, k) => k).filter((k) => k >= at && clauseAt(k) !== undefined);
  if (tokens.length > at && starts[0] !== at)
    throw statementError(sql, `unexpected "${tokens[at].text}" after ENGINE (not a table clause)`);
  starts.forEach((start, k) => {
    const name = clauseAt(start)!;
    const body = tokens.slice(start + CLAUSE_WORDS[name].length, starts[k + 1] ?? tokens.length);
    if (body.length === 0) throw statementError(sql, `${name} without an expression`);
    if (name === 'SETTINGS') {
      if (settings.length > 0) throw statementError(sql, 'SETTINGS given twice');
      settings = parseSettings(sql, body);
    } else {
      if (clauses[name] !== undefined) throw statementError(sql, `${name} given twice`);
      checkExpression(sql, name, body);
      clauses[name] = tokensText(sql, body);
    }
  });
  if (clauses['ORDER BY'] === undefined) throw statementError(sql, 'a MergeTree table needs ORDER BY');
  return {
    kind: 'create-table',
    table,
    elements: elements.map((e) => tokensText(sql, e)),
    columns: columns.filter((c) => c !== undefined),
    engine,
    clauses,
    settings,
  };
}

/**
 * Parses one statement of a migration file in the subset our migrations are written in (CREATE
 * TABLE and ALTER TABLE on `{{db}}.name`). Anything else throws: the cluster generator must never
 * guess at a statement it does not understand.
 */
export function parseMigrationStatement(sql: string): MigrationStatement {
  const tokens = tokenizeSql(sql);
  if (tokens.some((t) => t.text === ';')) throw statementError(sql, 'one statement expected, found ";"');
  if (wordsAt(tokens, 0, ['CREATE', 'TABLE'])) return parseCreateTable(sql, tokens);
  if (wordsAt(tokens, 0, ['ALTER', 'TABLE'])) {
    return {
      kind: 'alter-table',
      table: tableReference(sql, tokens, 2),
      actions: parseAlterActions(sql, tokens.slice(5)),
    };
  }
  throw statementError(sql, 'only CREATE TABLE and ALTER TABLE statements can be turned into cluster DDL');
}
