/**
 * The governance engine: `validate(write, context)` lists what iTop 3.2.0 plus the generated PHP of
 * br-medicaldevice would report for one write. It is driven only by the model and `planGovernance(model)`:
 * one checker per rule kind (checks/), no rule-specific code. The generated PHP must follow the same semantics.
 *
 * ## The object and its changes
 * - values are first turned into what iTop holds after `Set()` (values.ts `toItopValue`): strings null → '';
 *   enums ''/null → null; integers ''/null → null, else PHP's `(int)` cast exactly as iTop's
 *   `AttributeInteger::MakeRealValue` does it ('104' ≡ 104, 'abc' → 0, '12abc' → 12, ' 104' → 104, '1e3' → 1000,
 *   '-5' → -5, 104.5 → 104); external keys ''/null → 0, else PHP `(int)`.
 * - create: the object = written values + model defaults for absent attributes (empty value when no default).
 *   "Changes" = every writable attribute (iTop: `ListChanges()` of a new object is all of `m_aCurrValues`).
 * - update: the object = the stored record (context `get`, an iTop lookup) with the written values applied.
 *   "Changes" = written attributes whose held value differs from the stored one (strict after normalization):
 *   writing port "104abc" over a stored 104 changes nothing.
 *   An update without changes reports nothing: iTop's `DBUpdate()` returns before `CheckToWrite()`.
 * - an unknown class or attribute, a non-writable attribute, or an update of a missing object throws WriteError.
 *
 * ## Stages (issues are returned in this order; every stage's issues are reported together)
 * 1. iTop's attribute checks (itop-attribute-checks.ts), on the held values of the changes only: ITOP-MANDATORY,
 *    ITOP-EXTKEY, ITOP-ENUM, ITOP-IPADDRESS, ITOP-URL. Severity error.
 *    ITOP-INTEGER (ITOP_CHECK_IDS.integer) is never reported: iTop 3.2.0's server never checks integer syntax.
 *    `AttributeInteger` does not override `CheckFormat` (always true) and `MakeRealValue` has already cast the
 *    written value with `(int)`; its validation pattern `^[0-9]+$` only serves the console/portal forms. So over
 *    REST, CSV or synchronisation a port "abc" is 0 and AE-4 reports it, "-1" is -1 (AE-4 only), "12abc" is 12.
 * 2. Native uniqueness rules (plan enforcement 'native-uniqueness', kind unique-together), on every write
 *    whatever changed: another object (id ≠ this one) with equal values in all fields, strings compared as
 *    MySQL utf8mb4_unicode_ci compares (case- and accent-insensitive, trailing spaces ignored). An empty
 *    `ignoreWhenEmpty` attribute on this object means no collision. Severity as declared (AE-9: warning).
 *    Field null.
 * 3. Local generated rules (plan `local: true`), on the whole object at every write, in plan order:
 *    - text-format: skipped when empty ('' / null); length in code points within [minLength, maxLength]; every
 *      code point inside one of allowedRanges and not in forbiddenCharacters; with forbidSurroundingSpaces no
 *      U+0020 first or last. A value of spaces only is not empty (it fails on surrounding spaces).
 *    - required-when: when every `when` attribute holds one of its listed codes (exact match) and at least one
 *      listed field is empty (iTop IsNull: '' strings, null enums/integers, 0 external keys): ONE issue for the
 *      rule, on the first empty field in declaration order (AE-3 without IP and port: one message, on ipaddress).
 *    - empty-when: same condition; ONE issue, on the first listed field that is not empty.
 *    - range: when the value is a number (an integer attribute always holds one unless empty; on other types a
 *      string `^[+-]?[0-9]+$` counts), outside [min, max] → issue. So port 0, -1 and "abc" (0) fail AE-4.
 *    - url: when set: no whitespace (space, \t, \n, \v, \f, \r) anywhere; shape `scheme://authority…` with the
 *      scheme as written (case-sensitive) in `schemes`; a non-empty host (authority minus `userinfo@` and
 *      `:port`); with forbidCredentials no '@' in the authority.
 *    - distinct-fields: both fields non-empty and equal → one issue on the second field.
 * 4. Remote generated rules (plan `local: false`, enforcement 'generated-php') run only if no local rule of
 *    severity error failed in stage 3 (warnings, iTop checks and uniqueness do not count):
 *    - referenced-value-not-in, on create, and on update only when the key is among the changes (an update that
 *      leaves the key alone reads nothing and is not blocked by legacy data: an administrator can still mark a
 *      bad legacy link obsolete); empty key → skip; referenced object missing → skip (ITOP-EXTKEY reports it);
 *      its `attribute` in `values` → issue on the key. The objects all such rules of the class need are read
 *      together: one `getMany(class, ids)` per target class (a link create: 1 query for both AEs; a link update:
 *      1 query for the AEs whose key changed, none if no key changed).
 *    - referenced-by (derived, e.g. AE-10): only on update, only when `attribute` is among the changes and its
 *      new value is in `values`; then one count of `referencingClass` objects whose `referencingField` = this
 *      id; > 0 → issue on `attribute`.
 *
 * Messages: the rule's message in the chosen language (default en) with `{code}` placeholders filled from the
 * object (renderMessage of plan.ts); iTop checks use iTop's `Core:CheckValueError` wording.
 */
import defaultModel from '../../model/br-medicaldevice/index.js';
import type { Language, ModelDefinition } from '../../model/schema/model.js';
import { planGovernance, renderMessage, type PlannedCheck, type PlannedRule } from '../plan.js';
import { isLocalKind, isRemoteKind, localCheckers, remoteCheckers, uniquenessCheckers } from './checks/index.js';
import type { LocalChecker, ObjectRef, RemoteChecker, RemoteReader, UniquenessChecker, Violation } from './checks/types.js';
import type { GovernanceContext } from './context.js';
import { itopAttributeIssues } from './itop-attribute-checks.js';
import { buildSubject, writableFieldsOf, type Subject } from './subject.js';
import { WriteError, type Issue, type StoredRecord, type ValidateOptions, type Write } from './types.js';
import type { WritableField } from './values.js';

interface ClassRules {
  fields: Map<string, WritableField>;
  uniqueness: PlannedRule[];
  local: PlannedRule[];
  remote: PlannedRule[];
}

export interface Validator {
  readonly model: ModelDefinition;
  readonly plan: readonly PlannedRule[];
  validate(write: Write, context: GovernanceContext, options?: ValidateOptions): Issue[];
}

/** A validator for a model: the plan and the per-class rule lists are computed once. */
export function createValidator(model: ModelDefinition): Validator {
  const plan = planGovernance(model);
  const classes = new Map<string, ClassRules>();
  const rulesOf = (className: string): ClassRules => {
    let rules = classes.get(className);
    if (rules) return rules;
    const fields = writableFieldsOf(model, className);
    if (!fields) throw new WriteError(`unknown class '${className}'`);
    rules = { fields, uniqueness: [], local: [], remote: [] };
    for (const rule of plan.filter((r) => r.class === className)) {
      if (rule.enforcement === 'native-uniqueness') rules.uniqueness.push(rule);
      else if (rule.local) rules.local.push(rule);
      else rules.remote.push(rule);
    }
    classes.set(className, rules);
    return rules;
  };
  return {
    model,
    plan,
    validate(write, context, options = {}) {
      return run(write, context, rulesOf(write.class), options.lang ?? 'en');
    },
  };
}

let shipped: Validator | undefined;

/** Checks a write against the shipped br-medicaldevice model. */
export function validate(write: Write, context: GovernanceContext, options: ValidateOptions = {}): Issue[] {
  shipped ??= createValidator(defaultModel);
  return shipped.validate(write, context, options);
}

function run(write: Write, context: GovernanceContext, rules: ClassRules, lang: Language): Issue[] {
  const subject = buildSubject(write, rules.fields, context);
  if (subject.op === 'update' && subject.changes.size === 0) return [];

  const issues: Issue[] = [...itopAttributeIssues(subject, context, lang)];
  const report = (rule: PlannedRule, violations: Violation[]): void => {
    for (const { field } of violations) {
      issues.push({ ruleId: rule.id, severity: rule.severity, field, message: renderMessage(rule.message[lang], subject.object) });
    }
  };

  for (const rule of rules.uniqueness) report(rule, uniquenessChecker(rule.check)(rule.check, subject, context));

  let localErrors = 0;
  for (const rule of rules.local) {
    const violations = localChecker(rule.check)(rule.check, subject);
    if (rule.severity === 'error') localErrors += violations.length;
    report(rule, violations);
  }
  if (localErrors > 0 || rules.remote.length === 0) return issues;

  const reader = remoteReader(rules.remote, subject, context);
  for (const rule of rules.remote) report(rule, remoteChecker(rule.check).evaluate(rule.check, subject, reader.forRule(rule.id)));
  return issues;
}

/** Loads every object the remote rules want, one getMany per class, and counts on their behalf. */
function remoteReader(remote: PlannedRule[], subject: Subject, context: GovernanceContext): { forRule(ruleId: string): RemoteReader } {
  const wanted = new Map<string, { ids: Set<number>; ruleIds: Set<string> }>();
  for (const rule of remote) {
    for (const ref of remoteChecker(rule.check).wants(rule.check, subject)) {
      let entry = wanted.get(ref.className);
      if (!entry) wanted.set(ref.className, (entry = { ids: new Set(), ruleIds: new Set() }));
      entry.ids.add(ref.id);
      entry.ruleIds.add(rule.id);
    }
  }
  const loaded = new Map<string, ReadonlyMap<number, StoredRecord>>();
  for (const [className, { ids, ruleIds }] of wanted) {
    loaded.set(className, context.getMany(className, [...ids], { by: 'governance', ruleId: [...ruleIds].join(',') }));
  }
  return {
    forRule: (ruleId) => ({
      object: (ref: ObjectRef) => loaded.get(ref.className)?.get(ref.id),
      count: (className, query) => context.count(className, query, { by: 'governance', ruleId }),
    }),
  };
}

function localChecker(check: PlannedCheck): LocalChecker<PlannedCheck> {
  if (!isLocalKind(check.kind)) throw new Error(`no local checker for rule kind '${check.kind}'`);
  return localCheckers[check.kind] as LocalChecker<PlannedCheck>;
}

function remoteChecker(check: PlannedCheck): RemoteChecker<PlannedCheck> {
  if (!isRemoteKind(check.kind)) throw new Error(`no remote checker for rule kind '${check.kind}'`);
  return remoteCheckers[check.kind] as RemoteChecker<PlannedCheck>;
}

function uniquenessChecker(check: PlannedCheck): UniquenessChecker<PlannedCheck> {
  if (check.kind !== 'unique-together') throw new Error(`no uniqueness checker for rule kind '${check.kind}'`);
  return uniquenessCheckers[check.kind] as UniquenessChecker<PlannedCheck>;
}
