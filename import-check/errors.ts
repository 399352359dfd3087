/**
 * Input the check cannot use at all (a missing file, an unbalanced quote, an unknown column…): one message that
 * names the file and the line, no stack trace; the command exits 2.
 */
export class ImportInputError extends Error {
  override name = 'ImportInputError';

  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(line === undefined ? `${file}: ${reason}` : `${file}:${line}: ${reason}`);
  }
}
