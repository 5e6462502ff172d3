import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { Config, UsageError } from '../../src/core/index.js';
import { describeConnection, parseDatabaseUrl, redactUrl, resolveConnection } from '../../src/sql/index.js';

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pipewright-conn-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function credentialsFile(content: unknown): string {
  const file = join(tempDir(), 'creds.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('parseDatabaseUrl', () => {
  test('when given a mysql URL then user, password, host, port and database are decoded', () => {
    expect(parseDatabaseUrl('mysql://an%40lyst:p%3Ass@db.example:3307/analytics?connect_timeout=2')).toEqual({
      dialect: 'mysql',
      host: 'db.example',
      port: 3307,
      user: 'an@lyst',
      password: 'p:ss',
      database: 'analytics',
      connectTimeoutMs: 2000,
    });
  });

  test('when the port is left out then it is 3306', () => {
    expect(parseDatabaseUrl('mysql://u:p@db/x')).toMatchObject({ port: 3306, database: 'x' });
  });

  test('when given sqlite:PATH then the path is made absolute', () => {
    expect(parseDatabaseUrl('sqlite:out/pw.sqlite')).toEqual({ dialect: 'sqlite', path: resolve('out/pw.sqlite') });
    expect(parseDatabaseUrl('sqlite:///tmp/a.sqlite')).toEqual({ dialect: 'sqlite', path: '/tmp/a.sqlite' });
  });

  test.each([
    ['postgres://u:secret@h/db', 'unknown scheme postgres:'],
    ['mysql://u:secret@h', 'name one database after the host'],
    ['mysql://u:secret@h:99999/db', 'cannot read'],
    ['mysql://:secret@h/db', 'no username given'],
    ['sqlite:', 'name the file'],
  ])('when the URL is %s then a usage error explains it without the password', (url, expected) => {
    let error: unknown;
    try {
      parseDatabaseUrl(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(expected);
    expect((error as Error).message).not.toContain('secret');
  });

  test('when described or redacted then the password never shows', () => {
    expect(describeConnection(parseDatabaseUrl('mysql://u:secret@h:1/db'))).toBe('mysql://u@h:1/db');
    expect(redactUrl('mysql://u:secret@h:1/db')).toBe('mysql://u:***@h:1/db');
  });
});

describe('resolveConnection', () => {
  const creds = { host: 'db.internal', port: 3306, username: 'pipeline', password: 'pw' };

  test('when nothing names a database then the default SQLite file is used', () => {
    expect(resolveConnection({ config: new Config(), defaultSqlitePath: 'pipewright.sqlite' })).toEqual({
      spec: { dialect: 'sqlite', path: resolve('pipewright.sqlite') },
      source: 'default',
    });
  });

  test('when an edX credentials file has no database then --database or [database-export] database names it', () => {
    const file = credentialsFile(creds);
    const config = new Config();
    config.set('database-export', 'database', 'reports');
    expect(resolveConnection({ credentials: file, config, defaultSqlitePath: 'x' }).spec).toMatchObject({ host: 'db.internal', user: 'pipeline', database: 'reports' });
    expect(resolveConnection({ credentials: file, database: 'other', config, defaultSqlitePath: 'x' }).spec).toMatchObject({ database: 'other' });
    expect(() => resolveConnection({ credentials: file, defaultSqlitePath: 'x' })).toThrow(/no database named; add "database" to the file/);
  });

  test('when flags and config both speak then the flags win, and config is read in a fixed order', () => {
    const config = new Config();
    config.set('database', 'url', 'sqlite:from-config.sqlite');
    config.set('database-export', 'credentials', credentialsFile({ ...creds, database: 'edx' }));
    expect(resolveConnection({ databaseUrl: 'sqlite:flag.sqlite', config, defaultSqlitePath: 'x' }).source).toBe('--database-url');
    expect(resolveConnection({ config, defaultSqlitePath: 'x' })).toMatchObject({ source: '[database] url', spec: { path: resolve('from-config.sqlite') } });
    const edxOnly = new Config();
    edxOnly.set('database-export', 'credentials', config.get('database-export', 'credentials')!);
    expect(resolveConnection({ config: edxOnly, defaultSqlitePath: 'x' })).toMatchObject({ source: '[database-export] credentials', spec: { database: 'edx' } });
  });

  test('when both --database-url and --credentials are given then that is a usage error', () => {
    expect(() => resolveConnection({ databaseUrl: 'sqlite:a', credentials: 'b.json', defaultSqlitePath: 'x' })).toThrow(UsageError);
  });

  test.each([
    ['{not json', 'not a JSON object'],
    [{ ...{ port: 3306, username: 'u', password: 'p', database: 'd' } }, 'no host given'],
    [{ host: 'h', port: 'many', username: 'u', password: 'p', database: 'd' }, 'is not a TCP port'],
  ])('when the credentials file is %j then the error names the file and what is wrong', (content, expected) => {
    const file = credentialsFile(content);
    expect(() => resolveConnection({ credentials: file, defaultSqlitePath: 'x' })).toThrow(new RegExp(`^--credentials ${file}: .*${expected}`));
  });

  test('when the credentials file is missing then the error says no such file', () => {
    expect(() => resolveConnection({ credentials: '/nonexistent/creds.json', defaultSqlitePath: 'x' })).toThrow('--credentials /nonexistent/creds.json: no such file');
  });

  test('when [database] credentials is a remote URL then the error asks for a local file', () => {
    const config = new Config();
    config.set('database', 'credentials', 's3://bucket/creds.json');
    expect(() => resolveConnection({ config, defaultSqlitePath: 'x' })).toThrow('only local files are supported');
  });
});
