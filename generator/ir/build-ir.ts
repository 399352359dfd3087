import type { ModelDefinition } from '../../model/schema/model.js';
import { planGovernance } from '../../governance/plan.js';
import type { ExtensionIR } from '../context.js';
import type { Target } from '../targets/target.js';
import { buildDictionary } from './dictionary.js';
import { buildImpactsOn } from './impacts.js';
import { buildSuccessorMigration } from './installer.js';
import { successorSteps } from '../php/installer/installer-class.js';
import { buildPhpHooks } from './php-hooks.js';
import { schemaChangeSteps } from '../schema-changes/installer-steps.js';

/** Derives, once, everything several emitters need from the model. */
export function buildIR(model: ModelDefinition, target: Target, images: Record<string, string>): ExtensionIR {
  const governance = planGovernance(model);
  return {
    model,
    governance,
    dictionary: buildDictionary(model, governance),
    php: buildPhpHooks(model, governance, target),
    impactsOn: buildImpactsOn(model),
    installer: installerSteps(model),
    images,
  };
}

function installerSteps(model: ModelDefinition) {
  const migration = buildSuccessorMigration(model);
  return [...(migration ? successorSteps(migration) : []), ...schemaChangeSteps(model)];
}
