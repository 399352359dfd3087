import type { ModelDefinition } from '../../../model/schema/model.js';
import { INSTALLER_HOOKS, type InstallerStep } from '../../ir/installer-steps.js';
import { modulePrefix } from '../governance/names.js';

/** The module's installer class, e.g. `BrMedicaldeviceInstaller` (global namespace, like iTop's core modules). */
export function installerClassName(model: ModelDefinition): string {
  return `${modulePrefix(model)}Installer`;
}

const indent = (code: string, tabs: number): string =>
  code
    .split('\n')
    .map((line) => (line === '' ? '' : `${'\t'.repeat(tabs)}${line}`))
    .join('\n');

/**
 * The installer class, PHP without an opening tag, to follow `SetupWebPage::AddModule` in the module file.
 * Guarded by `class_exists` as iTop's core modules guard theirs: setup may read the module file more than once.
 * Each hook with steps calls them in list order; PHP 7.1 syntax (the 2.7 target).
 */
export function renderInstallerClass(className: string, steps: readonly InstallerStep[]): string {
  const ids = new Set<string>();
  for (const step of steps) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(step.id) || ids.has(step.id)) throw new Error(`installer step id '${step.id}' is not a unique PHP identifier`);
    ids.add(step.id);
  }
  const parameters = 'Config $oConfiguration, $sPreviousVersion, $sCurrentVersion';
  const members: string[] = [];
  for (const hook of INSTALLER_HOOKS) {
    const calls = steps.filter((step) => step.hook === hook);
    if (calls.length === 0) continue;
    members.push(
      [
        `public static function ${hook}(${parameters})`,
        '{',
        ...calls.map((step) => `\tself::Step${step.id}($oConfiguration, $sPreviousVersion, $sCurrentVersion);`),
        '}',
      ].join('\n'),
    );
  }
  for (const step of steps) {
    members.push(
      [
        `/** ${step.hook}: ${step.summary.replace(/\*\//g, '* /')} */`,
        `private static function Step${step.id}(${parameters})`,
        '{',
        indent(step.body.trim(), 1),
        '}',
      ].join('\n'),
    );
    if (step.helpers.trim() !== '') members.push(step.helpers.trim());
  }
  return [
    `if (!class_exists('${className}'))`,
    '{',
    `\tclass ${className} extends ModuleInstallerAPI`,
    '\t{',
    indent(members.join('\n\n'), 2),
    '\t}',
    '}',
    '',
  ].join('\n');
}
