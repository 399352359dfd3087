import type { ModelDefinition } from '../../model/schema/model.js';
import type { PlannedRule } from '../../governance/plan.js';
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

/** Placeholder until the governance PHP lands: no hooks. */
export function buildPhpHooks(_model: ModelDefinition, _governance: PlannedRule[], _target: Target): PhpHooks {
  return { classes: {}, includes: [] };
}
