import type { ModelDefinition } from '../../model/schema/model.js';

/** Hooks of iTop's ModuleInstallerAPI a step can run in (setup/moduleinstaller.class.inc.php). */
export type InstallerHook = 'BeforeDatabaseCreation' | 'AfterDatabaseCreation' | 'AfterDataLoad';

/** One thing the module's installer does at setup: PHP statements run in a hook, in list order. */
export interface InstallerStep {
  hook: InstallerHook;
  /** Why the step exists, written above its code. */
  comment: string;
  /** PHP statements (no `<?php`), run with `$oConfiguration`, `$sPreviousVersion`, `$sCurrentVersion` in scope. */
  code: string;
  /** Protected static methods of the installer class the code calls (added once, after the shared helpers). */
  helpers?: string[];
}

/** A field the upgrade from the hand-written extension sets to its default where old rows have none. */
export interface DefaultFill {
  class: string;
  field: string;
  value: string;
}

/** A bridge's mirrored field filled, at that upgrade, from the key the old version stored. */
export interface MirrorBackfill {
  class: string;
  /** Column of the key in the class's table (kept by iTop even where the bridge is not installed). */
  keyColumn: string;
  foreignClass: string;
  attribute: string;
  into: string;
}

/** What an upgrade from the hand-written extension does, once (below `below`). */
export interface SuccessorMigration {
  below: string;
  defaults: DefaultFill[];
  backfills: MirrorBackfill[];
}

export function buildSuccessorMigration(model: ModelDefinition): SuccessorMigration | undefined {
  const successor = model.successorOf;
  if (!successor) return undefined;
  const defaults = successor.newFieldsWithDefaults.map(({ class: className, field: code }) => {
    const field = model.classes.find((cls) => cls.name === className)?.fields.find((f) => f.code === code);
    const value = field && 'default' in field && field.default !== undefined ? String(field.default) : undefined;
    if (value === undefined) throw new Error(`successorOf: ${className}.${code} has no default`);
    return { class: className, field: code, value };
  });
  const backfills = (model.bridges ?? []).map((bridge) => {
    const key = bridge.fields.find((f) => f.code === bridge.mirror.key);
    return { class: bridge.class, keyColumn: bridge.mirror.key, foreignClass: key?.type === 'externalKey' ? key.target : '', attribute: bridge.mirror.attribute, into: bridge.mirror.into };
  });
  return { below: successor.below, defaults, backfills };
}
