import { PipewrightError } from '../core/errors.js';

/**
 * A database could not be reached or refused what we asked. The message is
 * one line naming where (host, port, database or file) and the cause, and
 * never contains a password.
 */
export class DatabaseError extends PipewrightError {}

/** The table exists with columns the task's declaration cannot load into. */
export class SchemaMismatchError extends PipewrightError {}
