/** Table-level clauses after ENGINE, in the order the generator writes them back. */
export const TABLE_CLAUSES = [
  'PARTITION BY',
  'PRIMARY KEY',
  'ORDER BY',
  'SAMPLE BY',
  'TTL',
  'COMMENT',
] as const;
export type TableClause = (typeof TABLE_CLAUSES)[number];

export interface SettingAssignment {
  name: string;
  value: string;
}

export interface ColumnDefinition {
  name: string;
  /** Source text of the type; empty when the column only has a default expression. */
  type: string;
  /** DEFAULT, MATERIALIZED, ALIAS or EPHEMERAL: the value is computed, not sent by the writer. */
  computed: boolean;
}

/** `CREATE TABLE [IF NOT EXISTS] {{db}}.name (...) ENGINE = E[(args)] clauses [SETTINGS ...]`. */
export interface CreateTableStatement {
  kind: 'create-table';
  table: string;
  /** Column, index, projection and constraint definitions as normalised source text. */
  elements: string[];
  columns: ColumnDefinition[];
  engine: { name: string; args: string[] };
  clauses: Partial<Record<TableClause, string>>;
  settings: SettingAssignment[];
}

/**
 * `columns` actions change the row shape, so they apply to the local table and to the Distributed
 * table in front of it; `storage` actions (indexes, TTL, settings) only exist on the local table.
 */
export type AlterScope = 'columns' | 'storage';

export interface AlterAction {
  /** Upper-case verb, e.g. `ADD COLUMN`, `MODIFY TTL`. */
  verb: string;
  scope: AlterScope;
  /** `IF EXISTS` / `IF NOT EXISTS` as written, or as added to make a re-run harmless. */
  guard: string;
  /** Everything after the verb and guard, normalised. */
  rest: string;
  /** The column, index or projection named by the action. */
  target?: string;
  /** ADD COLUMN's definition. */
  column?: ColumnDefinition;
  /** RENAME COLUMN's new name. */
  renamedTo?: string;
  /** MODIFY SETTING's assignments. */
  settings?: SettingAssignment[];
}

/** `ALTER TABLE {{db}}.name action[, action...]`. */
export interface AlterTableStatement {
  kind: 'alter-table';
  table: string;
  actions: AlterAction[];
}

export type MigrationStatement = CreateTableStatement | AlterTableStatement;
