import { p, registry, UsageError } from '../../core/index.js';
import { parseDatabaseUrl, readCredentialsFile, type ConnectionSpec } from '../../sql/index.js';

/** Where the LMS is: never part of a task id (the same import from a replica is the same work). */
export const lmsParameters = {
  importDatabaseUrl: p.string({ default: '', identity: false, description: 'The LMS database (auth_userprofile; auth_user and the cohort tables for the engagement CSVs): mysql://user:pw@host:3306/edxapp (or sqlite:PATH). Default: [database-import] url.' }),
  importCredentials: p.string({ default: '', identity: false, description: "edX's JSON credentials file for the LMS database. Default: [database-import] credentials." }),
  importDatabase: p.string({ default: '', identity: false, description: 'The LMS database name when the credentials file has none. Default: [database-import] database.' }),
};

/**
 * `[database-import]`: the LMS database (edX's section for reading
 * auth_userprofile and friends): `url`, or edX's `credentials` (a JSON
 * credentials file) with `database`.
 */
registry.declareSection('database-import', ['url', 'credentials', 'database']);

/**
 * The LMS database: --import-database-url, --import-credentials, then `[database-import]`.
 * `need` names what the caller reads, for the error when none is given.
 */
export function lmsConnection(
  options: { importDatabaseUrl: string; importCredentials: string; importDatabase: string },
  need = 'The enrollment breakdowns need the LMS auth_userprofile table',
): ConnectionSpec {
  const config = registry.config;
  const database = nonEmpty(options.importDatabase) ?? nonEmpty(config.get('database-import', 'database'));
  const urlFlag = nonEmpty(options.importDatabaseUrl);
  const url = urlFlag ?? nonEmpty(config.get('database-import', 'url'));
  if (url) return { ...naming(() => parseDatabaseUrl(url), '--database-url', urlFlag ? '--import-database-url' : '[database-import] url'), settings: LMS_SETTINGS };
  const credentialsFlag = nonEmpty(options.importCredentials);
  const credentials = credentialsFlag ?? nonEmpty(config.get('database-import', 'credentials'));
  if (credentials) {
    const file = credentials.replace(/^file:\/\//i, '');
    return { ...naming(() => readCredentialsFile(file, database), '--credentials', credentialsFlag ? '--import-credentials' : '[database-import] credentials'), settings: LMS_SETTINGS };
  }
  throw new UsageError(
    `${need}: give --import-database-url mysql://user:pw@lms-host/edxapp (or [database-import] url, or credentials + database).`,
  );
}

/** Where the LMS connection is set, for a connection error to name. */
const LMS_SETTINGS = '--import-database-url, --import-credentials or [database-import] in the config (the LMS database)';

/**
 * The connection parsers name the output database's settings (`--database-url`,
 * `--credentials`, `[database-export] database`); an operator who got the LMS
 * one wrong must read the LMS setting instead.
 */
function naming<T>(parse: () => T, flag: string, lmsSetting: string): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const message = error.message.replace(flag, lmsSetting).replace('[database-export] database', '--import-database or [database-import] database');
    throw new UsageError(message, { cause: error });
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
