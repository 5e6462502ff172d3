/**
 * The errors Pipewright raises on purpose. Each carries the exit code the CLI
 * reports and a message meant for a person: it names the input and the fix.
 * Anything else that escapes a task is a bug in that task (or in us) and is
 * reported as a task failure, with its stack only under --debug.
 */

/** Exit codes of `launch-task`, one place for all of them. */
export const ExitCode = {
  ok: 0,
  taskFailed: 1,
  missingInput: 2,
  locked: 3,
  usage: 64,
  /** Stopped by SIGINT/SIGTERM before everything ran (128 + SIGINT, the shell's convention). */
  interrupted: 130,
} as const;

export class PipewrightError extends Error {
  readonly exitCode: number = ExitCode.taskFailed;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The user asked for something that cannot work: bad flag, bad value, unknown task. */
export class UsageError extends PipewrightError {
  override readonly exitCode = ExitCode.usage;
}

/** A task class is written wrong (no output and no complete(), a cycle, requires() returning a target). Never retried. */
export class DefinitionError extends PipewrightError {}

/** An ExternalTask's data is not there. */
export class MissingInputError extends PipewrightError {
  override readonly exitCode = ExitCode.missingInput;
}

/** Another run holds the lock for the same root task. */
export class LockHeldError extends PipewrightError {
  override readonly exitCode = ExitCode.locked;
}

/** Bad input data: a corrupt gzip, a file that cannot be read. Names the file. */
export class InputError extends PipewrightError {}

/** Input data that is not there at all (a --src that does not exist or holds no file): exit code 2, as for a missing ExternalTask. */
export class MissingInputDataError extends InputError {
  override readonly exitCode = ExitCode.missingInput;
}

/** An output cannot be written where it was asked for (permission, read-only disk, a file in the way, a full disk). Names the path. */
export class OutputError extends PipewrightError {}

/** Throw (or wrap a cause in) this from run() to ask the scheduler to retry the task. */
export class RetryableError extends PipewrightError {}

/** True for errors whose message is complete on its own: no stack trace needed. */
export function isUserFacing(error: unknown): error is PipewrightError {
  return error instanceof PipewrightError;
}
