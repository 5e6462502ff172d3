import { resolve } from 'node:path';
import type { Config } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import { registry } from '../core/registry.js';
import { parseDatabaseUrl, readCredentialsFile, type ConnectionSpec } from './connection-spec.js';

// Config keys this module reads, so unknown-key checks accept them.
registry.declareSection('database', ['url', 'credentials', 'database']);
registry.declareSection('database-export', ['credentials', 'database']);

export interface ConnectionChoice {
  /** --credentials FILE (edX's JSON). */
  credentials?: string;
  /** --database-url. */
  databaseUrl?: string;
  /** --database: the database when the credentials file names none. */
  database?: string;
  /** Consulted when neither flag is given. */
  config?: Config;
  /** The SQLite file used when nothing names a database. */
  defaultSqlitePath: string;
}

export interface ResolvedConnection {
  spec: ConnectionSpec;
  /** Which input chose it, for messages: "--database-url", "[database] url", "default". */
  source: string;
}

/**
 * Picks the database, first match wins: --database-url, --credentials,
 * `[database] url`, `[database] credentials`, `[database-export] credentials`
 * (edX's section), else the default SQLite file.
 */
export function resolveConnection(choice: ConnectionChoice): ResolvedConnection {
  const { config } = choice;
  const databaseUrl = nonEmpty(choice.databaseUrl);
  const credentials = nonEmpty(choice.credentials);
  if (databaseUrl && credentials)
    throw new UsageError('Both --database-url and --credentials were given; pass only one of them.');
  const fallbackDatabase =
    nonEmpty(choice.database) ?? nonEmpty(config?.get('database', 'database')) ?? nonEmpty(config?.get('database-export', 'database'));
  if (databaseUrl) return { spec: parseDatabaseUrl(databaseUrl), source: '--database-url' };
  if (credentials) return { spec: readCredentialsFile(localPath(credentials), fallbackDatabase), source: '--credentials' };
  const configUrl = nonEmpty(config?.get('database', 'url'));
  if (configUrl) return { spec: parseDatabaseUrl(configUrl), source: '[database] url' };
  for (const section of ['database', 'database-export']) {
    const file = nonEmpty(config?.get(section, 'credentials'));
    if (file) return { spec: readCredentialsFile(localPath(file), fallbackDatabase), source: `[${section}] credentials` };
  }
  return { spec: Object.freeze({ dialect: 'sqlite', path: resolve(choice.defaultSqlitePath) }), source: 'default' };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

// edX writes credentials locations as URLs; only local files are readable here.
function localPath(location: string): string {
  if (/^file:\/\//i.test(location)) return location.replace(/^file:\/\//i, '');
  if (/^[a-z][a-z0-9+]*:\/\//i.test(location))
    throw new UsageError(`credentials ${location}: only local files are supported; copy it locally and pass its path.`);
  return location;
}
