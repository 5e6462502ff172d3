import { canHold, typeFamily } from './column-types.js';
import { SchemaMismatchError } from './errors.js';
import type { ExistingColumn } from './introspection.js';
import type { TableSpec } from './types.js';

/**
 * Throws SchemaMismatchError (one line naming the table, the column and the
 * fix) when rows declared by `table` cannot be inserted into the existing
 * columns. Extra columns are fine when the database fills them; so is the
 * absence of a declared generated column.
 */
export function checkSchema(table: TableSpec, existing: readonly ExistingColumn[], where: string): void {
  const byName = new Map(existing.map((c) => [c.name.toLowerCase(), c]));
  const fix = `drop or migrate the table, or load into another table`;
  for (const column of table.columns) {
    const found = byName.get(column.name.toLowerCase());
    // Columns the database fills (id, created) are never inserted, so a table without them still loads.
    if (!found && column.generated) continue;
    const wanted = column.type + (column.nullable === false ? ' not null' : '');
    if (!found)
      throw new SchemaMismatchError(`Table ${table.name} in ${where} has no column ${column.name} (the task declares ${wanted}); ${fix}.`);
    if (!canHold(typeFamily(found.sqlType), column.type))
      throw new SchemaMismatchError(
        `Table ${table.name} in ${where}: column ${column.name} is ${found.sqlType} but the task declares ${column.type}; ${fix}.`,
      );
    if (!found.nullable && column.nullable !== false && column.generated === undefined)
      throw new SchemaMismatchError(
        `Table ${table.name} in ${where}: column ${column.name} is NOT NULL but the task declares it nullable; ${fix}.`,
      );
  }
  const declared = new Set(table.columns.map((c) => c.name.toLowerCase()));
  for (const column of existing)
    if (!declared.has(column.name.toLowerCase()) && !column.nullable && !column.filledByDatabase)
      throw new SchemaMismatchError(
        `Table ${table.name} in ${where} has a column ${column.name} NOT NULL without a default that the task does not fill; ${fix}.`,
      );
}
