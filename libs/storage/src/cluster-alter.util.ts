import { ClusterDdlException, ClusterDdlExceptionCode } from './cluster-ddl.exception';
import { type ClusterTarget, renameSettings } from './cluster-table.util';
import { type AlterAction, type AlterTableStatement } from './migration-statement.type';

/** What later migrations must respect about a table the cluster DDL already created. */
export interface ClusterTableState {
  shardingColumns: string[];
  /** A configured retention owns the TTL: a migration changing it would silently undo it. */
  retentionConfigured: boolean;
}

function actionText(action: AlterAction): string {
  const rest =
    action.settings !== undefined
      ? renameSettings(action.settings)
          .map((s) => `${s.name} = ${s.value}`)
          .join(', ')
      : action.rest;
  return [action.verb, action.guard, rest].filter((part) => part !== '').join(' ');
}

function check(alter: AlterTableStatement, state: ClusterTableState, action: AlterAction): void {
  const fail = (code: ClusterDdlExceptionCode, why: string): never => {
    throw new ClusterDdlException(code, `ALTER TABLE ${alter.table} ${action.verb}: ${why}`);
  };
  const touchesKey = action.verb === 'DROP COLUMN' || action.verb === 'RENAME COLUMN';
  if (touchesKey && action.target !== undefined && state.shardingColumns.includes(action.target))
    fail(ClusterDdlExceptionCode.INCONSISTENT_SCHEMA, `${action.target} is read by the sharding key`);
  if ((action.verb === 'MODIFY TTL' || action.verb === 'REMOVE TTL') && state.retentionConfigured)
    fail(ClusterDdlExceptionCode.INVALID_OPTION, 'the cluster retention option already sets this TTL');
}

/**
 * An ALTER of a migration runs on every node's local table; actions that change columns also run on
 * the Distributed table, whose columns must stay those of the local table. Guards (`IF [NOT]
 * EXISTS`) are added where ClickHouse allows them so the cluster script can be applied again.
 */
export function clusterAlter(
  alter: AlterTableStatement,
  target: ClusterTarget,
  state: ClusterTableState | undefined,
): string[] {
  if (state === undefined)
    throw new ClusterDdlException(
      ClusterDdlExceptionCode.INCONSISTENT_SCHEMA,
      `ALTER TABLE ${alter.table}: no earlier migration creates ${alter.table}`,
    );
  alter.actions.forEach((a) => check(alter, state, a));
  const { cluster, database } = target;
  const statement = (table: string, actions: AlterAction[]) =>
    `ALTER TABLE ${database}.${table} ON CLUSTER '${cluster}'\n    ${actions.map(actionText).join(',\n    ')}`;
  const columnActions = alter.actions.filter((a) => a.scope === 'columns');
  return [
    statement(`${alter.table}_local`, alter.actions),
    ...(columnActions.length > 0 ? [statement(alter.table, columnActions)] : []),
  ];
}
