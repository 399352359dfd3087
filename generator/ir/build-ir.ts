import type { ModelDefinition } from '../../model/schema/model.js';
import { planGovernance } from '../../governance/plan.js';
import type { ExtensionIR } from '../context.js';
import type { Target } from '../targets/target.js';
import { buildAudit, type AuditIR } from './audit.js';
import { buildDictionary } from './dictionary.js';
import { buildImpactsOn } from './impacts.js';
import { buildSuccessorMigration } from './installer.js';
import { successorSteps } from '../php/installer/installer-class.js';
import { auditInstallerStep } from '../php/installer/audit-step.js';
import { buildPhpHooks } from './php-hooks.js';
import { schemaChangeSteps } from '../schema-changes/installer-steps.js';

/** Derives, once, everything several emitters need from the model. */
export function buildIR(model: ModelDefinition, target: Target, images: Record<string, string>): ExtensionIR {
  const governance = planGovernance(model);
  const audit = buildAudit(model, governance);
  return {
    model,
    governance,
    dictionary: buildDictionary(model, governance),
    php: buildPhpHooks(model, governance, target),
    impactsOn: buildImpactsOn(model),
    installer: installerSteps(model, audit),
    images,
    audit,
  };
}

/** The main module's installer steps: the 3.2.5 migration, the declared schema changes, then the audit (AfterDataLoad). */
function installerSteps(model: ModelDefinition, audit: AuditIR) {
  const migration = buildSuccessorMigration(model);
  return [
    ...(migration ? successorSteps(migration) : []),
    ...schemaChangeSteps(model),
    ...(audit.categories.length > 0 ? [auditInstallerStep(model, audit)] : []),
  ];
}
