import { renderAuditJson, renderAuditText } from '../../import-check/audit/render-audit.js';
import { runAudit } from '../../import-check/audit/run-audit.js';
import { ImportInputError } from '../../import-check/index.js';
import { EXIT, UsageError } from './errors.js';
import { parseReportOptions } from './report-options.js';

export interface AuditCommandOptions {
  format?: string;
  lang?: string;
  strict?: boolean;
  encoding?: string;
  separator?: string;
  obsolete?: boolean;
}

/**
 * `audit EXPORT…`: every stored object of the exports that breaks a governance rule, as iTop's Audit lists them.
 * Exit 0 clean, 1 errors (or warnings with --strict), 2 unusable input; same report format as `check`.
 */
export async function runAuditCommand(exports: string[], options: AuditCommandOptions, write: (text: string) => void): Promise<number> {
  const { format, lang, encoding, separator } = parseReportOptions(options);
  if (exports.length === 0) throw new UsageError('nothing to audit: give the iTop exports of the AEs and links (and organizations)');
  try {
    const report = await runAudit({ exports, lang, encoding, ...(separator ? { separator } : {}), obsolete: options.obsolete === true });
    write(format === 'json' ? renderAuditJson(report) : renderAuditText(report, lang));
    const failed = report.totals.errors > 0 || (options.strict === true && report.totals.warnings > 0);
    return failed ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (error instanceof ImportInputError) throw new UsageError(error.message);
    throw error;
  }
}
