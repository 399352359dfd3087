import type { ModelDefinition } from '../../model/schema/model.js';
import { planGovernance } from '../../governance/plan.js';
import type { ExtensionIR } from '../context.js';
import type { Target } from '../targets/target.js';
import { buildAudit } from './audit.js';
import { buildDictionary } from './dictionary.js';
import { buildImpactsOn } from './impacts.js';
import { buildInstallerSteps } from './installer-steps.js';
import { buildPhpHooks } from './php-hooks.js';

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
    images,
    audit,
    installer: buildInstallerSteps(model, audit, target),
  };
}
