/**
 * Everything that differs between the iTop versions we generate for lives here, so that each
 * difference has exactly one home (ITOP-REFERENCE §1 and §8). Emitters read these flags; they
 * never test a version number themselves.
 */
export type TargetId = '3.2';

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
  stateAttribute: 'fields_semantic' | 'lifecycle';
  /** `presentation/summary` (3.1+). */
  summaryPresentation: boolean;
  /** How generated checks are hooked into CheckToWrite (never both, ITOP-REFERENCE §8). */
  checkMechanism: 'event-listener' | 'do-check-to-write';
  /** Ship a placeholder `model.<code>.php` and list it in `datamodel` (needed on 2.7/3.0). */
  modelPlaceholder: boolean;
  /** Suffix of the release zip name; '' for the default target. */
  zipSuffix: string;
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
  summaryPresentation: true,
  checkMechanism: 'event-listener',
  modelPlaceholder: false,
  zipSuffix: '',
};

export const TARGETS: Record<TargetId, Target> = { '3.2': ITOP_32 };
export const DEFAULT_TARGET: TargetId = '3.2';

export function targetById(id: string): Target | undefined {
  return (TARGETS as Record<string, Target>)[id];
}
