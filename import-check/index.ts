/**
 * `check`: the verdict of iTop's CSV import on AE and link files, before importing them (docs/IMPORT-CHECK.md).
 */
import path from 'node:path';
import defaultModel from '../model/br-medicaldevice/index.js';
import type { Language, ModelDefinition } from '../model/schema/model.js';
import { AE_CLASS, ImportCheck, LINK_CLASS } from './check.js';
import type { Encoding } from './csv/decode.js';
import type { CsvSource } from './csv/read-csv.js';
import { ImportInputError } from './errors.js';
import { ItopReader, type ItopReadOptions } from './itop/read-existing.js';
import { totalsOf, type Assumption, type CheckReport } from './report/render.js';

export { AE_CLASS, LINK_CLASS, type Finding, type FileTotals } from './check.js';
export { ImportInputError };
export { ENCODINGS, parseEncoding, type Encoding } from './csv/decode.js';
export { renderJson, renderText, type Assumption, type CheckReport, type Totals } from './report/render.js';
export { ItopError } from './itop/rest.js';
export type { ItopReadOptions } from './itop/read-existing.js';
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
  /** Read what the files touch from this iTop (REST, read only) instead of exports. */
  itop?: ItopReadOptions;
}

/** Runs the whole check; throws ImportInputError on unusable input. */
export async function runImportCheck(input: ImportCheckInput): Promise<CheckReport> {
  const lang = input.lang ?? 'en';
  const check = new ImportCheck(input.model ?? defaultModel, { lang });
  let itop: CheckReport['itop'];
  const source = (file: string): CsvSource => ({
    path: file,
    name: path.basename(file),
    encoding: input.encoding ?? 'utf-8',
    ...(input.separator ? { separator: input.separator } : {}),
  });
  if (input.itop) {
    if ((input.existing ?? []).length > 0) throw new ImportInputError('--existing', undefined, 'give either --itop or --existing exports, not both');
    const reader = new ItopReader(check.schemas, lang);
    if (input.ae) await reader.scan(source(input.ae), AE_CLASS);
    if (input.links) await reader.scan(source(input.links), LINK_CLASS);
    const snapshot = await reader.read(input.itop);
    check.loadObjects(snapshot.url, snapshot.classes);
    itop = { url: snapshot.url, objects: Object.fromEntries(snapshot.classes.map((c) => [c.className, c.objects.length])) };
  }
  await check.loadExisting(
    (input.existing ?? []).map((spec) => {
      const { className, path: file } = check.classOfSpec(spec);
      return { source: source(file), ...(className ? { className } : {}) };
    }),
  );
  if (input.ae) await check.checkFile(source(input.ae), AE_CLASS);
  if (input.links) await check.checkFile(source(input.links), LINK_CLASS);
  const assumed: Assumption[] = [...check.assumed].map(([className, criteria]) => ({ className, label: check.schemas.classLabel(className, lang), criteria: [...criteria] }));
  return { findings: check.findings, files: check.files, totals: totalsOf(check.findings, check.files), assumed, ...(itop ? { itop } : {}) };
}
