import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';

/** Where a load goes: a MySQL/MariaDB server or a SQLite file. Frozen once built. */
export type ConnectionSpec = MysqlConnectionSpec | SqliteConnectionSpec;

export interface MysqlConnectionSpec {
  readonly dialect: 'mysql';
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** How long to wait for the server's handshake. Default 10 s. */
  readonly connectTimeoutMs?: number;
  /** Where this connection is configured, for error messages. Default: the output database's flags and section. */
  readonly settings?: string;
}

export interface SqliteConnectionSpec {
  readonly dialect: 'sqlite';
  /** Absolute path of the database file. */
  readonly path: string;
  /** Where this connection is configured, for error messages. Default: --database-url. */
  readonly settings?: string;
}

/** For messages and logs: `mysql://user@host:port/db` or `sqlite:/abs/path`. Never the password. */
export function describeConnection(spec: ConnectionSpec): string {
  if (spec.dialect === 'sqlite') return `sqlite:${spec.path}`;
  return `mysql://${spec.user}@${spec.host}:${spec.port}/${spec.database}`;
}

/** `mysql://user:pass@host:port/db[?connect_timeout=SECONDS]` or `sqlite:PATH` (relative to the working directory). */
export function parseDatabaseUrl(url: string): ConnectionSpec {
  const text = url.trim();
  if (/^sqlite:/i.test(text)) {
    const path = text.replace(/^sqlite:(\/\/)?/i, '');
    if (path === '') throw new UsageError(`--database-url ${text}: name the file, e.g. sqlite:./pipewright.sqlite.`);
    return Object.freeze({ dialect: 'sqlite', path: resolve(path) });
  }
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new UsageError(`--database-url: cannot read ${JSON.stringify(redactUrl(text))}; expected mysql://user:password@host:3306/database or sqlite:PATH.`);
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:')
    throw new UsageError(`--database-url ${redactUrl(text)}: unknown scheme ${parsed.protocol}; expected mysql://user:password@host:3306/database or sqlite:PATH.`);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/'))
    throw new UsageError(`--database-url ${redactUrl(text)}: name one database after the host, e.g. mysql://user@host:3306/analytics.`);
  const timeout = parsed.searchParams.get('connect_timeout');
  return mysqlSpec(
    {
      host: parsed.hostname,
      port: parsed.port === '' ? 3306 : Number(parsed.port),
      user: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
      database,
      connectTimeoutMs: timeout === null ? undefined : Number(timeout) * 1000,
    },
    `--database-url ${redactUrl(text)}`,
  );
}

/** The URL with its password replaced by `***`, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/**
 * edX's credentials file: JSON `{host, port, username, password, database?}`.
 * `database` falls back to `fallbackDatabase` (edX's `[database-export] database`).
 */
export function readCredentialsFile(file: string, fallbackDatabase?: string): MysqlConnectionSpec {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not a JSON object';
    throw new UsageError(`--credentials ${file}: ${why}; expected JSON like {"host": "db", "port": 3306, "username": "u", "password": "p", "database": "analytics"}.`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new UsageError(`--credentials ${file}: expected a JSON object with host, port, username, password.`);
  const database = json.database ?? fallbackDatabase;
  if (typeof database !== 'string' || database === '')
    throw new UsageError(`--credentials ${file}: no database named; add "database" to the file or set [database-export] database in the config.`);
  return mysqlSpec(
    { host: json.host, port: json.port ?? 3306, user: json.username ?? json.user, password: json.password ?? '', database },
    `--credentials ${file}`,
  );
}

function mysqlSpec(raw: Record<string, unknown>, where: string): MysqlConnectionSpec {
  const port = typeof raw.port === 'string' ? Number(raw.port) : raw.port;
  if (typeof raw.host !== 'string' || raw.host === '') throw new UsageError(`${where}: no host given.`);
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError(`${where}: port ${JSON.stringify(raw.port)} is not a TCP port (1-65535).`);
  if (typeof raw.user !== 'string' || raw.user === '') throw new UsageError(`${where}: no username given.`);
  if (typeof raw.password !== 'string') throw new UsageError(`${where}: the password must be a string.`);
  const timeout = raw.connectTimeoutMs;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0)))
    throw new UsageError(`${where}: connect_timeout must be a positive number of seconds.`);
  return Object.freeze({
    dialect: 'mysql',
    host: raw.host,
    port,
    user: raw.user,
    password: raw.password,
    database: raw.database as string,
    ...(timeout === undefined ? {} : { connectTimeoutMs: timeout }),
  });
}
