import { ImportInputError, parseEncoding, renderJson, renderText, runImportCheck, ENCODINGS } from '../../import-check/index.js';
import { LANGUAGES, type Language } from '../../model/schema/model.js';
import { EXIT, UsageError } from './errors.js';

export interface CheckCommandOptions {
  ae?: string;
  links?: string;
  existing?: string[];
  format?: string;
  lang?: string;
  strict?: boolean;
  encoding?: string;
  separator?: string;
}

/**
 * `check`: reads the AE and link CSV files as iTop's import would, runs every rule, prints the findings and the
 * totals. Exit 0 clean, 1 errors (or warnings with --strict), 2 unusable input.
 */
export async function runCheck(options: CheckCommandOptions, write: (text: string) => void): Promise<number> {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  const lang = (options.lang ?? 'en') as Language;
  if (!LANGUAGES.includes(lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, not '${options.lang}'`);
  const encoding = parseEncoding(options.encoding ?? 'utf-8');
  if (!encoding) throw new UsageError(`--encoding must be one of ${ENCODINGS.join(', ')}, not '${options.encoding}'`);
  const separator = options.separator === undefined ? undefined : options.separator.toLowerCase() === 'tab' || options.separator === '\\t' ? '\t' : options.separator;
  if (separator !== undefined && ![',', ';', '\t'].includes(separator)) throw new UsageError(`--separator must be ',', ';' or tab, not '${options.separator}'`);
  if (!options.ae && !options.links) throw new UsageError('nothing to check: give --ae FILE and/or --links FILE');

  try {
    const report = await runImportCheck({
      ...(options.ae ? { ae: options.ae } : {}),
      ...(options.links ? { links: options.links } : {}),
      existing: options.existing ?? [],
      lang,
      encoding,
      ...(separator ? { separator } : {}),
    });
    write(format === 'json' ? renderJson(report) : renderText(report, lang));
    const failed = report.totals.errors > 0 || (options.strict === true && report.totals.warnings > 0);
    return failed ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (error instanceof ImportInputError) throw new UsageError(error.message);
    throw error;
  }
}
