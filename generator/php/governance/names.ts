import type { ModelDefinition } from '../../../model/schema/model.js';

/**
 * Names shared by the governance PHP file and the hooks that call it, so that the XML glue, the module's
 * `datamodel` list and the emitted file cannot disagree.
 */

/** `br-medicaldevice` → `BrMedicaldevice`: a PHP class prefix derived from the module code (global namespace). */
export function modulePrefix(model: ModelDefinition): string {
  return model.module.code
    .split('-')
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** The class holding every generated check, e.g. `BrMedicaldeviceGovernance`. */
export function governanceClassName(model: ModelDefinition): string {
  return `${modulePrefix(model)}Governance`;
}

/** Module-relative path of the governance PHP file, as listed in the module's `datamodel` array. */
export function governancePhpPath(model: ModelDefinition): string {
  return `src/${governanceClassName(model)}.php`;
}

/** The static method checking one model class, e.g. `CheckMedicalDicomApplicationEntity`. */
export function checkMethodName(className: string): string {
  return `Check${className}`;
}

/** Instance method of each governed class that receives `EVENT_DB_CHECK_TO_WRITE` (3.1+ targets). */
export const EVENT_CALLBACK_METHOD = 'OnCheckToWriteGovernance';
/** Id of the `<event_listener>` that calls it. */
export const EVENT_LISTENER_ID = 'GovernanceRules';
