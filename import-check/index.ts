/**
 * `check`: the verdict of iTop's CSV import on AE and link files, before importing them (docs/IMPORT-CHECK.md).
 */
import path from 'node:path';
import defaultModel from '../model/br-medicaldevice/index.js';
import type { Language, ModelDefinition } from '../model/schema/model.js';
import { AE_CLASS, ImportCheck, LINK_CLASS } from './check.js';
import type { Encoding } from './csv/decode.js';
import type { CsvSource } from './csv/read-csv.js';
import { totalsOf, type CheckReport } from './report/render.js';

export { AE_CLASS, LINK_CLASS, type Finding, type FileTotals } from './check.js';
export { ImportInputError } from './errors.js';
export { ENCODINGS, parseEncoding, type Encoding } from './csv/decode.js';
export { renderJson, renderText, type CheckReport, type Totals } from './report/render.js';
export { IMPORT_RULE_IDS } from './report/messages.js';

export interface ImportCheckInput {
  ae?: string;
  links?: string;
  /** Exports of existing objects: `FILE` (class detected from the header) or `CLASS:FILE`. */
  existing?: string[];
  lang?: Language;
  encoding?: Encoding;
  /** Forced separator (`,` `;` or tab); detected per file when absent. */
  separator?: string;
  model?: ModelDefinition;
}

/** Runs the whole check; throws ImportInputError on unusable input. */
export async function runImportCheck(input: ImportCheckInput): Promise<CheckReport> {
  const lang = input.lang ?? 'en';
  const check = new ImportCheck(input.model ?? defaultModel, { lang });
  const source = (file: string): CsvSource => ({
    path: file,
    name: path.basename(file),
    encoding: input.encoding ?? 'utf-8',
    ...(input.separator ? { separator: input.separator } : {}),
  });
  await check.loadExisting(
    (input.existing ?? []).map((spec) => {
      const { className, path: file } = check.classOfSpec(spec);
      return { source: source(file), ...(className ? { className } : {}) };
    }),
  );
  if (input.ae) await check.checkFile(source(input.ae), AE_CLASS);
  if (input.links) await check.checkFile(source(input.links), LINK_CLASS);
  return { findings: check.findings, files: check.files, totals: totalsOf(check.findings, check.files) };
}
