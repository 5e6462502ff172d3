import type { SqlSession } from './driver.js';

/** A column of a table that already exists, as the database describes it. */
export interface ExistingColumn {
  readonly name: string;
  /** As the database spells it: `varchar(255)`, `INTEGER`, ... */
  readonly sqlType: string;
  readonly nullable: boolean;
  /** Has a default or is filled by the database (auto-increment), so inserts may leave it out. */
  readonly filledByDatabase: boolean;
}

/** Reads the shape of existing tables, for the schema check before a load. */
export interface Introspector {
  /** The table's columns in order, or undefined when there is no such table. */
  columns(session: SqlSession, table: string): Promise<ExistingColumn[] | undefined>;
}
