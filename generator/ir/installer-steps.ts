/**
 * The steps of the module's installer class (iTop's ModuleInstallerAPI), as a list: each step names the setup
 * hook that runs it and carries its PHP. The installer renderer (generator/php/installer/installer-class.ts)
 * turns the list into one class, in the module file, whose hooks call their steps in list order.
 *
 * To add a step (e.g. an upgrade migration), append it in `buildInstallerSteps`; its body runs with
 * `$oConfiguration` (Config), `$sPreviousVersion` ('' on a first install) and `$sCurrentVersion` in scope.
 * Hooks (setup/moduleinstaller.class.inc.php, same on 2.7 to 3.2), in the order setup calls them:
 * BeforeDatabaseCreation, AfterDatabaseCreation, AfterDatabaseSetup, AfterDataLoad. Every hook runs on a first
 * install and on every upgrade (and re-install) of the module.
 */
import type { ModelDefinition } from '../../model/schema/model.js';
import type { Target } from '../targets/target.js';
import { auditInstallerStep } from '../php/installer/audit-step.js';
import type { AuditIR } from './audit.js';

export const INSTALLER_HOOKS = ['BeforeDatabaseCreation', 'AfterDatabaseCreation', 'AfterDatabaseSetup', 'AfterDataLoad'] as const;
export type InstallerHook = (typeof INSTALLER_HOOKS)[number];

export interface InstallerStep {
  /** PHP identifier, unique among the steps: the step's method is `Step<id>`. */
  id: string;
  hook: InstallerHook;
  /** One line, for the generated comment. */
  summary: string;
  /** PHP statements of the step's method. */
  body: string;
  /** Further private static methods the step calls (complete PHP method declarations), or ''. */
  helpers: string;
}

/** Every installer step of the extension, in the order they run within a hook. */
export function buildInstallerSteps(model: ModelDefinition, audit: AuditIR, target: Target): InstallerStep[] {
  const steps: InstallerStep[] = [];
  if (audit.categories.length > 0) steps.push(auditInstallerStep(model, audit, target));
  return steps;
}
