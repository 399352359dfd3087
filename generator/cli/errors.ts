import { ModelError } from '../../model/load/model-error.js';

/** Exit codes: 0 done, 1 check failed (stale output, rule violations), 2 unusable input. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 70 } as const;

/** A problem with what the user gave us, reported as one line without a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * `error instanceof type`, or an error of that class from another copy of its module: in build/, the command line
 * and each command are bundles of their own (scripts/build.mjs), each with its copy of the error classes.
 */
function isError<T extends Error>(error: unknown, type: abstract new (...args: never[]) => T, name: string): error is T {
  return error instanceof type || (error instanceof Error && error.name === name);
}

/** Prints an error the way a user should read it (file, path in the model, what was expected) and returns the exit code. */
export function reportError(error: unknown, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): number {
  if (isError(error, ModelError, 'ModelError')) {
    write(`error: ${error.file} is not a valid model (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}):`);
    for (const issue of error.issues) write(`  ${error.file}: ${issue.path}: ${issue.message}`);
    return EXIT.badInput;
  }
  if (isError(error, UsageError, 'UsageError')) {
    write(`error: ${error.message}`);
    return EXIT.badInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`error: internal error: ${message}`);
  if (process.env['BR_MEDICALDEVICE_DEBUG'] && error instanceof Error && error.stack) write(error.stack);
  return EXIT.internal;
}
