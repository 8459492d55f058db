/**
 * The little the SQL store needs from a database: run a statement, run several in one transaction. Statements are
 * written once with Postgres placeholders (`$1`); the SQLite driver renumbers them (`?1`), which SQLite reads the
 * same way (https://www.sqlite.org/lang_expr.html#parameters).
 */

export type Row = Record<string, unknown>;

export interface SqlExecutor {
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface SqlDriver extends SqlExecutor {
  readonly kind: 'sqlite' | 'postgres';
  /** Runs `work` in one transaction: all of it is kept, or none of it. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** The column type of an auto-numbered primary key. */
  readonly serialKey: string;
  /**
   * Appended to the claim queries: Postgres's `FOR UPDATE SKIP LOCKED`, so instances sharing a database never wait
   * on, nor take, each other's rows; empty on SQLite, where one process owns the file.
   */
  readonly skipLocked: string;
  close(): Promise<void>;
}

/** Reads a number column: Postgres hands BIGINT over as a string, SQLite as a number. */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

export function optionalNum(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : num(value);
}

export function optionalText(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}
