import { describe, expect, test } from 'vitest';
import { MysqlWriter } from '../../src/sql/mysql/mysql-writer.js';
import { SqliteWriter } from '../../src/sql/sqlite/sqlite-writer.js';
import type { TableSpec } from '../../src/sql/index.js';
import type { DialectName } from './support/dialects.js';

const writers = { mysql: new MysqlWriter(), sqlite: new SqliteWriter() };

const table: TableSpec = {
  name: 'visits',
  columns: [
    { name: 'id', type: 'bigint', generated: 'autoIncrement' },
    { name: 'course_id', type: 'string', nullable: false },
    { name: 'module', type: 'string', length: 100 },
    { name: 'n', type: 'integer', nullable: false },
    { name: 'created', type: 'timestamp', generated: 'now' },
  ],
  indexes: [['course_id'], ['course_id', 'module']],
};

describe('SQL writers', () => {
  test('when a table is declared then each dialect writes its own DDL', () => {
    const expected: Record<DialectName, string[]> = {
      mysql: [
        'CREATE TABLE IF NOT EXISTS `visits` (\n  `id` BIGINT NOT NULL AUTO_INCREMENT,\n  `course_id` VARCHAR(255) NOT NULL,\n  `module` VARCHAR(100),\n  `n` INT NOT NULL,\n  `created` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n  PRIMARY KEY (`id`),\n  INDEX `ix_visits_course_id` (`course_id`),\n  INDEX `ix_visits_course_id_module` (`course_id`, `module`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4',
      ],
      sqlite: [
        'CREATE TABLE IF NOT EXISTS "visits" (\n  "id" INTEGER PRIMARY KEY AUTOINCREMENT,\n  "course_id" VARCHAR(255) NOT NULL,\n  "module" VARCHAR(100),\n  "n" INTEGER NOT NULL,\n  "created" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP\n)',
        'CREATE INDEX IF NOT EXISTS "ix_visits_course_id" ON "visits" ("course_id")',
        'CREATE INDEX IF NOT EXISTS "ix_visits_course_id_module" ON "visits" ("course_id", "module")',
      ],
    };
    for (const name of ['mysql', 'sqlite'] as const) expect(writers[name].createTable(table)).toEqual(expected[name]);
  });

  test('when identifiers contain quote characters then they are doubled', () => {
    expect(writers.mysql.quote('a`b')).toBe('`a``b`');
    expect(writers.sqlite.quote('a"b')).toBe('"a""b"');
  });

  test('when inserting several rows then one statement carries them all as placeholders', () => {
    expect(writers.mysql.insert('t', ['a', 'b'], 3)).toBe('INSERT INTO `t` (`a`, `b`) VALUES (?, ?), (?, ?), (?, ?)');
  });

  test('when a batch would pass the parameter limit then fewer rows go per statement', () => {
    expect(writers.sqlite.rowsPerInsert(12)).toBe(500);
    expect(writers.sqlite.rowsPerInsert(12, 10_000)).toBe(Math.floor(32_766 / 12));
    expect(writers.mysql.rowsPerInsert(12, 100)).toBe(100);
    expect(writers.mysql.rowsPerInsert(12, 0)).toBe(1000);
  });

  test('when index names would pass 64 characters then they are shortened but stay distinct', () => {
    const long = writers.mysql.createTable({ ...table, name: 'x'.repeat(40), indexes: [['course_id', 'module'], ['course_id', 'n', 'module']] })[0]!;
    const names = [...long.matchAll(/INDEX `([^`]+)`/g)].map((m) => m[1]!);
    expect(names.every((n) => n.length <= 64)).toBe(true);
    expect(new Set(names).size).toBe(2);
  });
});
