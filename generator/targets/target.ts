/**
 * Everything that differs between the iTop versions we generate for lives here, so that each
 * difference has exactly one home (ITOP-REFERENCE §1 and §8). Emitters read these flags; they
 * never test a version number themselves.
 */
export type TargetId = '3.2' | '3.1' | '2.7';

export interface Target {
  id: TargetId;
  /** `itop_design@version`: the newest format the target iTop reads. */
  designVersion: string;
  /** iTop versions the output installs on, for the README table and extension.xml. */
  itopVersions: string;
  /** The oldest iTop that reads this output; `--itop-min` may raise it, never lower it. */
  itopVersionMin: string;
  phpVersions: string;
  /** Modules the extension depends on; each at the minimum iTop version (iTop's module versions equal its own). */
  dependencyModules: string[];
  /** Folder (relative to the module) holding the dictionary files; '' = module root. */
  dictionaryFolder: string;
  /** 3.x enum values carry `<code>` children; 1.7 writes the code as the element's text. */
  enumValueSyntax: 'code-element' | 'text';
  /** 3.1+ sorts enum values alphabetically unless `sort_type` = rank is given. */
  enumRanks: boolean;
  /** Enum value badges (`style` with colours), 3.0+. */
  enumStyles: boolean;
  /** Where the class icon goes: 3.x `properties/style/icon`, 2.7 `properties/icon`. */
  classIcon: 'style' | 'properties';
  /** 3.x-only XML elements: complementary naming, MenuGroup decoration, `fields_semantic`. */
  complementaryNaming: boolean;
  menuDecoration: boolean;
  /** 3.x `fields_semantic/state_attribute` (coloured status badges); none on 2.7, where a lifecycle would demand states and stimuli. */
  stateAttribute: 'fields_semantic' | 'none';
  /** Class colours in `properties/style` (3.0+). */
  classColours: boolean;
  /** `presentation/summary` (3.1+). */
  summaryPresentation: boolean;
  /** How generated checks are hooked into CheckToWrite (never both, ITOP-REFERENCE §8). */
  checkMechanism: 'event-listener' | 'do-check-to-write';
  /** Ship a placeholder `model.<code>.php` and list it in `datamodel` (needed on 2.7/3.0). */
  modelPlaceholder: boolean;
  /** Suffix of the release zip name; '' for the default target. */
  zipSuffix: string;
  /** What this target cannot express and what is emitted instead (README table, generated docs). */
  downgrades: string[];
}

export const ITOP_32: Target = {
  id: '3.2',
  designVersion: '3.2',
  itopVersions: '3.2.x',
  itopVersionMin: '3.2.0',
  phpVersions: '8.1 – 8.3',
  dependencyModules: ['itop-config-mgmt', 'itop-profiles-itil'],
  dictionaryFolder: 'dictionaries/',
  enumValueSyntax: 'code-element',
  enumRanks: true,
  enumStyles: true,
  classIcon: 'style',
  complementaryNaming: true,
  menuDecoration: true,
  stateAttribute: 'fields_semantic',
  classColours: true,
  summaryPresentation: true,
  checkMechanism: 'event-listener',
  modelPlaceholder: false,
  zipSuffix: '',
  downgrades: [],
};

/** iTop 3.1 reads the same syntax; only the format version, the dependencies and the PHP range differ. */
export const ITOP_31: Target = {
  ...ITOP_32,
  id: '3.1',
  designVersion: '3.1',
  itopVersions: '3.1.x, 3.2.x',
  itopVersionMin: '3.1.0',
  phpVersions: '7.4 – 8.1',
  zipSuffix: '-itop3.1',
};

/**
 * iTop 2.7 reads format 1.7 at most. The file is written so that iTop 3.x, converting it upward
 * (ITOP-REFERENCE §1), still installs it; what 1.7 cannot say is listed in `downgrades`.
 */
export const ITOP_27: Target = {
  id: '2.7',
  designVersion: '1.7',
  itopVersions: '2.7.x (and 3.x through its 1.7 → 3.x conversion)',
  itopVersionMin: '2.7.0',
  phpVersions: '7.1 – 7.4',
  dependencyModules: ['itop-config-mgmt', 'itop-profiles-itil'],
  dictionaryFolder: '',
  enumValueSyntax: 'text',
  enumRanks: false,
  enumStyles: false,
  classIcon: 'properties',
  complementaryNaming: true,
  menuDecoration: true,
  stateAttribute: 'none',
  classColours: false,
  summaryPresentation: false,
  checkMechanism: 'do-check-to-write',
  modelPlaceholder: true,
  zipSuffix: '-itop2.7',
  downgrades: [
    'enum values keep the model order on 2.7; on iTop 3.1+ (after conversion) they sort alphabetically by code, since format 1.7 has no value rank',
    'status badges (enum value colours, state attribute semantics) and class colours are not written: format 1.7 cannot carry them',
    'the summary card (presentation/summary, 3.1+) is not written',
    'checks run in a DoCheckToWrite override, after iTop\'s own checks, instead of the 3.1+ CheckToWrite event',
  ],
};

export const TARGETS: Record<TargetId, Target> = { '3.2': ITOP_32, '3.1': ITOP_31, '2.7': ITOP_27 };
export const DEFAULT_TARGET: TargetId = '3.2';

export function targetById(id: string): Target | undefined {
  return (TARGETS as Record<string, Target>)[id];
}
