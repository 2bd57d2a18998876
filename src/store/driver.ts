import type { StoreError } from './errors.ts';

export type SqlValue = string | number | null;
export type SqlRow = Record<string, unknown>;

/**
 * What the store needs from a database, and all that differs between SQLite and PostgreSQL: the SQL
 * itself is shared ($1…$n parameters, ON CONFLICT, RETURNING and window functions mean the same in both).
 */
export interface SqlRunner {
  /** Rows of a statement that returns any (SELECT, … RETURNING). */
  query(sql: string, params?: SqlValue[]): Promise<SqlRow[]>;
  /** Runs a statement that returns no rows; resolves to the number of rows it changed. */
  execute(sql: string, params?: SqlValue[]): Promise<number>;
}

export interface SqlTransaction extends SqlRunner {
  /** Runs a script of several statements without parameters (a migration file). */
  exec(script: string): Promise<void>;
}

export interface SqlDriver extends SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  readonly location: string;
  /** Opens the file or the connection pool. */
  connect(): Promise<void>;
  /**
   * Runs `work` in one transaction that no other writer interleaves with, in this process or another:
   * SQLite's BEGIN IMMEDIATE (one writer per file), PostgreSQL's advisory lock on `lockName` held until
   * the transaction ends. `waitMs` is how long to wait for that lock (default: the driver's usual timeout).
   */
  transaction<T>(lockName: string, work: (tx: SqlTransaction) => Promise<T>, options?: { waitMs?: number }): Promise<T>;
  /** The driver's error as a StoreError that says what went wrong while `doing`, and what to do. */
  explain(err: unknown, doing: string): StoreError;
  close(): Promise<void>;
}
