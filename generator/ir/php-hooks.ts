import type { ModelDefinition } from '../../model/schema/model.js';
import type { PlannedRule } from '../../governance/plan.js';
import { generatedRulesByClass } from '../php/governance/governance-class.js';
import { hookMethod } from '../php/governance/glue.js';
import { EVENT_CALLBACK_METHOD, EVENT_LISTENER_ID, governanceClassName, governancePhpPath } from '../php/governance/names.js';
import type { Target } from '../targets/target.js';

/** PHP that the datamodel XML attaches to one class: methods and (3.1+) event listeners. */
export interface ClassPhpHooks {
  methods: { id: string; code: string }[];
  eventListeners: { id: string; event: string; callback: string; rank: number }[];
}

/** Generated PHP wiring: per-class hooks for the XML, and module-relative PHP files for `datamodel`. */
export interface PhpHooks {
  classes: Record<string, ClassPhpHooks>;
  includes: string[];
}

/**
 * The CheckToWrite wiring of the governance rules enforced by generated PHP: for every class that has such
 * rules, one hook method (and, for the 'event-listener' mechanism, its EVENT_DB_CHECK_TO_WRITE listener) that
 * calls the governance class; the governance file is listed in the module's `datamodel` array.
 * The target alone decides the mechanism (ITOP-REFERENCE §8.1: never both).
 */
export function buildPhpHooks(model: ModelDefinition, governance: PlannedRule[], target: Target): PhpHooks {
  const byClass = generatedRulesByClass(model, governance);
  if (byClass.size === 0) return { classes: {}, includes: [] };
  const governanceClass = governanceClassName(model);
  const classes: Record<string, ClassPhpHooks> = {};
  for (const [className, rules] of byClass) {
    const method = hookMethod(target, governanceClass, className, rules);
    classes[className] = {
      methods: [method],
      eventListeners:
        target.checkMechanism === 'event-listener'
          ? [{ id: EVENT_LISTENER_ID, event: 'EVENT_DB_CHECK_TO_WRITE', callback: EVENT_CALLBACK_METHOD, rank: 0 }]
          : [],
    };
  }
  return { classes, includes: [governancePhpPath(model)] };
}
