import type { ImpactNeighbour, ModelDefinition } from '../model/schema/model.js';
import type { PlannedRule } from '../governance/plan.js';
import type { AuditIR } from './ir/audit.js';
import type { DictionaryEntry } from './ir/dictionary.js';
import type { InstallerStep } from './ir/installer.js';
import type { PhpHooks } from './ir/php-hooks.js';
import type { Target } from './targets/target.js';

/** One file an emitter produces, relative to the folder it is written into. */
export interface GeneratedFile {
  path: string;
  content: string | Uint8Array;
}

/** Facts about the release that do not come from the model (package.json, options). */
export interface ReleaseInfo {
  version: string;
  /** YYYY-MM-DD; from package.json or an explicit option, never "now", so builds are reproducible. */
  releaseDate: string;
  /** Minimum iTop version written into extension.xml and the module dependencies. */
  itopVersionMin: string;
}

/** The intermediate representation: the model plus what is derived from it once for all emitters. */
export interface ExtensionIR {
  model: ModelDefinition;
  governance: PlannedRule[];
  dictionary: DictionaryEntry[];
  php: PhpHooks;
  /** Impact neighbours to declare on a class (ours or iTop's) on behalf of another class's `impactedBy`. */
  impactsOn: Record<string, ImpactNeighbour[]>;
  /** What the main module's installer does at setup, in order. */
  installer: InstallerStep[];
  /** Images shipped in the module, by file name (read from templates/images before emitting). */
  images: Record<string, string>;
  /** The iTop Audit derived from the governance rules (categories, rules, the rules OQL cannot express). */
  audit: AuditIR;
}

/** Handed to every emitter, as ts-proto does: no globals, the target decides every version difference. */
export interface GeneratorContext {
  ir: ExtensionIR;
  target: Target;
  release: ReleaseInfo;
  /** Templates by name (file contents), read before emitting so emitters stay pure. */
  templates: Record<string, string>;
}

export type Emitter = (ctx: GeneratorContext) => GeneratedFile[];
