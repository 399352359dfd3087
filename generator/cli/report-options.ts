import { parseEncoding, ENCODINGS, type Encoding } from '../../import-check/index.js';
import { LANGUAGES, type Language } from '../../model/schema/model.js';
import { UsageError } from './errors.js';

/** The options `check` and `audit` share: how to read the CSV files and how to write the report. */
export interface ReportOptionsGiven {
  format?: string;
  lang?: string;
  encoding?: string;
  separator?: string;
}

export interface ReportOptions {
  format: 'text' | 'json';
  lang: Language;
  encoding: Encoding;
  separator: string | undefined;
}

/** Checks the shared options; a wrong one is a usage error naming the option and what it accepts. */
export function parseReportOptions(options: ReportOptionsGiven): ReportOptions {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  const lang = (options.lang ?? 'en') as Language;
  if (!LANGUAGES.includes(lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, not '${options.lang}'`);
  const encoding = parseEncoding(options.encoding ?? 'utf-8');
  if (!encoding) throw new UsageError(`--encoding must be one of ${ENCODINGS.join(', ')}, not '${options.encoding}'`);
  const separator = options.separator === undefined ? undefined : options.separator.toLowerCase() === 'tab' || options.separator === '\\t' ? '\t' : options.separator;
  if (separator !== undefined && ![',', ';', '\t'].includes(separator)) throw new UsageError(`--separator must be ',', ';' or tab, not '${options.separator}'`);
  return { format, lang, encoding, separator };
}
