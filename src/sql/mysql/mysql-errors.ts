import type { MysqlConnectionSpec } from '../connection-spec.js';
import { DatabaseError } from '../errors.js';

interface DriverError {
  code?: string;
  errno?: number;
  message?: string;
  sqlMessage?: string;
}

/** The cause of a failed connect, in words an operator can act on. */
function connectCause(spec: MysqlConnectionSpec, error: DriverError): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the server running and listening on that port?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unknown host (check the host name)';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable (check the network or the host name)';
    case 'ETIMEDOUT':
      return `timed out after ${(spec.connectTimeoutMs ?? 10_000) / 1000} s (is a firewall dropping the connection?)`;
    case 'ER_ACCESS_DENIED_ERROR':
      return `access denied for user ${spec.user} (check the username and password)`;
    case 'ER_DBACCESS_DENIED_ERROR':
      return `user ${spec.user} may not use this database (GRANT it access)`;
    case 'ER_BAD_DB_ERROR':
      return `unknown database ${spec.database} (create it with CREATE DATABASE, or fix the name)`;
    default:
      return oneLine(error.sqlMessage ?? error.message ?? String(error));
  }
}

/** A failed connect as one line naming host, port, database and the cause; never the password. */
export function mysqlConnectError(spec: MysqlConnectionSpec, error: unknown): DatabaseError {
  const cause = connectCause(spec, (error ?? {}) as DriverError);
  return new DatabaseError(
    `Cannot connect to MySQL at ${spec.host}:${spec.port}, database ${spec.database}: ${redact(cause, spec.password)}. Check ${spec.settings ?? '--credentials, --database-url or [database] in the config'}.`,
    { cause: error },
  );
}

/** A failed statement, as one line naming the server and what was being done. */
export function mysqlStatementError(spec: MysqlConnectionSpec, sql: string, error: unknown): DatabaseError {
  const e = (error ?? {}) as DriverError;
  const what = oneLine(sql).slice(0, 80);
  const detail = redact(oneLine(e.sqlMessage ?? e.message ?? String(error)), spec.password);
  return new DatabaseError(`MySQL at ${spec.host}:${spec.port}/${spec.database}: ${detail}${e.code ? ` (${e.code})` : ''} while running: ${what}`, {
    cause: error,
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Belt and braces: no driver message we know of contains the password, but one never may.
function redact(text: string, password: string): string {
  return password.length >= 3 ? text.split(password).join('***') : text;
}
