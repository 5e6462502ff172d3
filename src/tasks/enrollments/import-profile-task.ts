import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { p, Task } from '../../core/index.js';
import { describeConnection, queryRows } from '../../sql/index.js';
import type { DirectoryTarget } from '../../targets/index.js';
import { warehouseParameters, withConfigDefaults } from '../warehouse/index.js';
import { lmsConnection } from './lms-connection.js';
import { importDateParameter } from './parameters.js';
import { endPartition } from './tables.js';

/** Where the LMS is: never part of a task id (the same import from a replica is the same work). */
export const lmsParameters = {
  importDatabaseUrl: p.string({ default: '', identity: false, description: 'The LMS database (auth_userprofile; auth_user and the cohort tables for the engagement CSVs): mysql://user:pw@host:3306/edxapp (or sqlite:PATH). Default: [database-import] url.' }),
  importCredentials: p.string({ default: '', identity: false, description: "edX's JSON credentials file for the LMS database. Default: [database-import] credentials." }),
  importDatabase: p.string({ default: '', identity: false, description: 'The LMS database name when the credentials file has none. Default: [database-import] database.' }),
};

/**
 * edX `ImportAuthUserProfileTask`: the LMS `auth_userprofile` columns the
 * enrollment breakdowns join on, copied into the warehouse as
 * `auth_userprofile/dt=DATE/auth_userprofile`, lines
 * `user_id<TAB>gender<TAB>year_of_birth<TAB>level_of_education` (NULL `\N`).
 */
export class ImportAuthUserProfileTask extends Task {
  static override description = 'Copy the LMS auth_userprofile (gender, year of birth, education) into the warehouse for one day.';
  static override parameters = { ...Task.parameters, ...importDateParameter, ...warehouseParameters, ...lmsParameters };
  declare date: string;
  declare warehousePath: string;
  declare importDatabaseUrl: string;
  declare importCredentials: string;
  declare importDatabase: string;

  constructor(params?: Record<string, unknown>) {
    super(withConfigDefaults(new.target, params, 'hive', { warehousePath: 'warehouse_path' }));
  }

  override output(): DirectoryTarget {
    return endPartition(this.warehousePath, 'auth_userprofile', this.date);
  }

  // Without an LMS database the breakdowns cannot be made: say so before the daily and mode tables load.
  override preflight(): void {
    lmsConnection(this);
  }

  override async run(): Promise<void> {
    const spec = lmsConnection(this);
    this.reportProgress({ done: 0, unit: 'rows', message: `reading auth_userprofile from ${describeConnection(spec)}` });
    const rows = await queryRows<Record<string, unknown>>(spec, 'SELECT user_id, gender, year_of_birth, level_of_education FROM auth_userprofile ORDER BY user_id');
    const cell = (v: unknown) => (v === null || v === undefined ? '\\N' : String(v).replace(/[\t\n\r]/g, ' '));
    const text = rows.map((r) => [r.user_id, r.gender, r.year_of_birth, r.level_of_education].map(cell).join('\t') + '\n').join('');
    await this.output().build(async (tmp) => writeFile(join(tmp, 'auth_userprofile'), text));
    this.incrementCounter('Enrollments', 'LMS Profiles Imported', rows.length);
  }
}
