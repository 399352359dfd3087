import { buildAudit } from '../ir/audit.js';
import { planGovernance } from '../../governance/plan.js';
import path from 'node:path';
import { readInputs, type GeneratorInputs } from '../inputs.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { planOutputs } from '../outputs.js';
import { DEFAULT_TARGET, targetById, TARGETS, type Target } from '../targets/target.js';
import { diffFolder, writeFolderAtomically } from '../writer/folder-writer.js';
import { EXIT, UsageError } from './errors.js';

export interface CommonOptions {
  model: string;
  itop: string;
  releaseDate?: string;
  itopMin?: string;
}

/** Reads the model, and the generator's package.json and templates (from its own folder, not the current one), for the target named. */
export async function readInputsFor(options: CommonOptions): Promise<{ target: Target; inputs: GeneratorInputs }> {
  const target = resolveTarget(options.itop ?? DEFAULT_TARGET);
  const inputs = await readInputs({
    root: PACKAGE_ROOT,
    modelFile: options.model,
    target,
    ...(options.releaseDate ? { releaseDate: options.releaseDate } : {}),
    ...(options.itopMin ? { itopMin: options.itopMin } : {}),
  });
  return { target, inputs };
}

export interface GenerateOptions extends CommonOptions {
  out: string;
  /** Folder of the generated documentation; false (--no-docs) = not written. */
  docs: string | false;
  check?: boolean;
  /** The release to compare the schema with (folder or zip); default: the extension folder under `out` before it is overwritten. */
  since?: string;
}

export function resolveTarget(id: string): Target {
  const target = targetById(id);
  if (!target) throw new UsageError(`unknown iTop target '${id}': expected one of ${Object.keys(TARGETS).join(', ')}`);
  return target;
}

/** `generate`: writes every output folder atomically, or with --check only compares and lists what is stale. */
export async function runGenerate(options: GenerateOptions, log: (line: string) => void): Promise<number> {
  const { target, inputs } = await readInputsFor(options);
  const outputs = planOutputs(inputs, target, { out: options.out, docs: options.docs === false ? null : options.docs });
  const [extension] = outputs;
  if (extension) {
    // Issue #16: refuse a schema change that would lose or orphan stored data unless the model declares it.
    const { checkAgainstRelease } = await import('../schema-changes/check-release.js');
    const release = await checkAgainstRelease(inputs.model, inputs.release.version, extension.files, extension.dir, options.since);
    release.lines.forEach((line) => log(line));
    if (release.refused) return EXIT.failed;
  }
  if (options.check) {
    let stale = 0;
    for (const output of outputs) {
      for (const difference of await diffFolder(output.dir, output.files)) {
        log(`stale: ${path.join(output.dir, difference)}`);
        stale++;
      }
    }
    if (stale > 0) {
      log(`${stale} generated file(s) differ from the model: run npm run generate and commit the result`);
      return EXIT.failed;
    }
    log(`up to date: ${outputs.map((o) => o.dir).join(', ')}`);
    return EXIT.ok;
  }
  for (const output of outputs) {
    await writeFolderAtomically(output.dir, output.files);
    log(`generated ${output.files.length} files into ${output.dir} (iTop ${target.itopVersions})`);
  }
  return EXIT.ok;
}

/** `validate`: loads and checks the model alone. */
/** What validate says of the iTop Audit: how many rules it audits, and each rule OQL cannot express (not audited in iTop). */
function auditSummary(model: Parameters<typeof planGovernance>[0]): string[] {
  const audit = buildAudit(model, planGovernance(model));
  const audited = audit.categories.reduce((n, category) => n + category.rules.length, 0);
  return [
    `iTop Audit: ${audited} rules audited in ${audit.categories.length} categories${audit.notAudited.length ? `; not audited in iTop: ${audit.notAudited.length}` : ''}`,
    ...audit.notAudited.map((rule) => `  ${rule.key} (${rule.className}) not audited in iTop: ${rule.reason}`),
  ];
}

export async function runValidate(options: CommonOptions, log: (line: string) => void): Promise<number> {
  const { inputs } = await readInputsFor(options);
  const { model } = inputs;
  log(`${options.model}: valid model: ${model.classes.length} classes, ${model.rules.length} rules, ${model.menus.length} menus`);
  for (const line of auditSummary(model)) log(line);
  return EXIT.ok;
}
