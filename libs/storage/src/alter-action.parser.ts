import { identifierName, parseColumnDefinition } from './column-definition.parser';
import { type AlterAction, type AlterScope } from './migration-statement.type';
import { type SqlToken, isWord, splitTokens, tokensText } from './sql-token.util';
import { checkExpression, parseSettings, statementError, wordsAt } from './statement-syntax.util';

interface Verb {
  words: string[];
  scope: AlterScope;
  /** Guard added when the migration wrote none, so re-running the cluster script is harmless. */
  guard: '' | 'IF EXISTS' | 'IF NOT EXISTS';
  named: boolean;
}

const verb = (text: string, scope: AlterScope, guard: Verb['guard'], named = true): Verb => ({
  words: text.split(' '),
  scope,
  guard,
  named,
});

/** The ALTER actions the generator maps; any other action stops generation. */
const VERBS: Verb[] = [
  verb('ADD COLUMN', 'columns', 'IF NOT EXISTS'),
  verb('DROP COLUMN', 'columns', 'IF EXISTS'),
  verb('MODIFY COLUMN', 'columns', 'IF EXISTS'),
  verb('RENAME COLUMN', 'columns', 'IF EXISTS'),
  verb('COMMENT COLUMN', 'columns', 'IF EXISTS'),
  verb('MATERIALIZE COLUMN', 'storage', ''),
  verb('ADD INDEX', 'storage', 'IF NOT EXISTS'),
  verb('DROP INDEX', 'storage', 'IF EXISTS'),
  verb('MATERIALIZE INDEX', 'storage', ''),
  verb('ADD PROJECTION', 'storage', 'IF NOT EXISTS'),
  verb('DROP PROJECTION', 'storage', 'IF EXISTS'),
  verb('ADD CONSTRAINT', 'storage', 'IF NOT EXISTS'),
  verb('DROP CONSTRAINT', 'storage', 'IF EXISTS'),
  verb('MODIFY TTL', 'storage', '', false),
  verb('REMOVE TTL', 'storage', '', false),
  verb('MODIFY SETTING', 'storage', '', false),
  verb('RESET SETTING', 'storage', '', false),
  verb('MODIFY ORDER BY', 'storage', '', false),
  verb('MODIFY COMMENT', 'storage', '', false),
];

function parseAction(sql: string, tokens: SqlToken[]): AlterAction {
  const found = VERBS.find((v) => wordsAt(tokens, 0, v.words));
  if (!found)
    throw statementError(sql, `ALTER action "${tokensText(sql, tokens.slice(0, 2))}" is not mapped`);
  let at = found.words.length;
  let guard: string = found.guard;
  for (const written of [
    ['IF', 'NOT', 'EXISTS'],
    ['IF', 'EXISTS'],
  ]) {
    if (wordsAt(tokens, at, written)) {
      guard = written.join(' ');
      at += written.length;
    }
  }
  const rest = tokens.slice(at);
  const text = found.words.join(' ');
  if (rest.length === 0 && text !== 'REMOVE TTL') throw statementError(sql, `${text} without a target`);
  const action: AlterAction = { verb: text, scope: found.scope, guard, rest: tokensText(sql, rest) };
  if (found.named) {
    action.target = identifierName(rest[0]);
    if (action.target === undefined) throw statementError(sql, `${text} needs a name`);
  }
  if (text === 'ADD COLUMN') action.column = parseColumnDefinition(sql, rest);
  if (text === 'RENAME COLUMN') {
    action.renamedTo = isWord(rest[1], 'TO') ? identifierName(rest[2]) : undefined;
    if (action.renamedTo === undefined) throw statementError(sql, 'expected RENAME COLUMN old TO new');
  }
  if (text === 'MODIFY SETTING') action.settings = parseSettings(sql, rest);
  if (text === 'MODIFY TTL' || text === 'MODIFY ORDER BY') checkExpression(sql, text.slice(7), rest);
  return action;
}

/** The comma-separated actions of `ALTER TABLE {{db}}.name ...` (tokens after the table name). */
export function parseAlterActions(sql: string, tokens: SqlToken[]): AlterAction[] {
  if (tokens.length === 0) throw statementError(sql, 'ALTER TABLE without an action');
  return splitTokens(tokens, 0).map((action) => parseAction(sql, action));
}
