import { readFileSync } from 'node:fs';
import { ImportInputError, ItopError, renderJson, renderText, runImportCheck, type ItopReadOptions } from '../../import-check/index.js';
import { EXIT, UsageError } from './errors.js';
import { parseReportOptions } from './report-options.js';

export interface CheckCommandOptions {
  ae?: string;
  links?: string;
  existing?: string[];
  format?: string;
  lang?: string;
  strict?: boolean;
  encoding?: string;
  separator?: string;
  /** iTop to read the existing objects from (REST); credentials from the environment or files. */
  itop?: string;
  itopUser?: string;
  itopPasswordFile?: string;
  itopTokenFile?: string;
  itopPageSize?: string;
  insecure?: boolean;
}

/** The connection of `--itop`: user and password (ITOP_USER / ITOP_PWD, or files), or a token (ITOP_TOKEN). */
function itopOptions(options: CheckCommandOptions, env: NodeJS.ProcessEnv, log: (line: string) => void): ItopReadOptions | undefined {
  if (options.itop === undefined) {
    for (const flag of ['itopUser', 'itopPasswordFile', 'itopTokenFile', 'itopPageSize', 'insecure'] as const) {
      if (options[flag] !== undefined) throw new UsageError(`--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} needs --itop URL`);
    }
    return undefined;
  }
  const secret = (file: string, what: string): string => {
    try {
      return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch {
      throw new UsageError(`cannot read the ${what} file ${file}`);
    }
  };
  const token = options.itopTokenFile ? secret(options.itopTokenFile, 'token') : env['ITOP_TOKEN'] || undefined;
  const user = options.itopUser ?? (env['ITOP_USER'] || undefined);
  const password = options.itopPasswordFile ? secret(options.itopPasswordFile, 'password') : env['ITOP_PWD'];
  if (!token && (!user || password === undefined)) {
    throw new UsageError('--itop needs credentials: ITOP_USER and ITOP_PWD in the environment (or --itop-user, --itop-password-file), or a token in ITOP_TOKEN (or --itop-token-file)');
  }
  let pageSize: number | undefined;
  if (options.itopPageSize !== undefined) {
    pageSize = Number(options.itopPageSize);
    if (!Number.isInteger(pageSize) || pageSize < 2) throw new UsageError(`--itop-page-size must be an integer of at least 2, not '${options.itopPageSize}'`);
  }
  if (options.insecure) log(`warning: --insecure: the HTTPS certificate of ${options.itop} is not verified`);
  return {
    url: options.itop,
    ...(token ? { token } : { user: user as string, password: password as string }),
    ...(options.insecure ? { insecure: true } : {}),
    ...(pageSize ? { pageSize } : {}),
    log,
  };
}

/**
 * `check`: reads the AE and link CSV files as iTop's import would, runs every rule, prints the findings and the
 * totals. Exit 0 clean, 1 errors (or warnings with --strict), 2 unusable input.
 */
export async function runCheck(
  options: CheckCommandOptions,
  write: (text: string) => void,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const { format, lang, encoding, separator } = parseReportOptions(options);
  if (!options.ae && !options.links) throw new UsageError('nothing to check: give --ae FILE and/or --links FILE');
  const itop = itopOptions(options, env, log);
  if (itop && (options.existing ?? []).length > 0) throw new UsageError('give either --itop (read the existing objects from iTop) or --existing exports, not both');

  try {
    const report = await runImportCheck({
      ...(options.ae ? { ae: options.ae } : {}),
      ...(options.links ? { links: options.links } : {}),
      existing: options.existing ?? [],
      lang,
      encoding,
      ...(separator ? { separator } : {}),
      ...(itop ? { itop } : {}),
    });
    write(format === 'json' ? renderJson(report) : renderText(report, lang));
    const failed = report.totals.errors > 0 || (options.strict === true && report.totals.warnings > 0);
    return failed ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (error instanceof ImportInputError || error instanceof ItopError) throw new UsageError(error.message);
    throw error;
  }
}
