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
 * object as PHP prints its values (values.ts `phpStringOf`: a port "9223372036854775808" reads 9223372036854775807),
 * through renderMessage of plan.ts; iTop checks use iTop's `Core:CheckValueError` wording.
 */
import defaultModel from '../../model/br-medicaldevice/index.js';
import type { Language, ModelDefinition } from '../../model/schema/model.js';
import { planGovernance, renderMessage, type PlannedCheck, type PlannedRule } from '../plan.js';
import { isLocalKind, isRemoteKind, localCheckers, remoteCheckers, uniquenessCheckers } from './checks/index.js';
import type { ClassInfo, LocalChecker, LocalTest, RemoteChecker, RemoteReader, RemoteTest, UniquenessChecker, UniquenessTest, Violation } from './checks/types.js';
import type { CountQuery, GovernanceContext, LookupOrigin } from './context.js';
import { itopAttributeIssues } from './itop-attribute-checks.js';
import { phpStringOf } from './values.js';
import { buildSubject, classShapeOf, writtenValuesOf, type ClassShape, type Subject, type WrittenValues } from './subject.js';
import { WriteError, type Issue, type StoredRecord, type StoredValue, type ValidateOptions, type Write } from './types.js';

/**
 * Everything about a class that does not depend on the write, computed once (createValidator, on the class's
 * first write): its fields with their iTop checks, and each rule compiled by the checker of its kind.
 */
interface ClassRules {
  shape: ClassShape;
  uniqueness: { rule: PlannedRule; test: UniquenessTest }[];
  local: { rule: PlannedRule; test: LocalTest; error: boolean }[];
  remote: { rule: PlannedRule; test: RemoteTest; origin: LookupOrigin }[];
  /** The classes remote rules load objects of, in the order of their first rule. */
  targets: RemoteTarget[];
  /** The origin of a getMany for the rules of `target` that want objects (its `wanting`): their ids, each once. */
  loadOrigin(target: RemoteTarget): LookupOrigin;
}

interface RemoteTarget {
  className: string;
  /** Positions (in ClassRules.remote) of the rules that load objects of the class. */
  positions: number[];
  /** Scratch space of wantedBy for the write being checked. */
  ids: number[];
  first: number;
  /** Bit k: the k-th rule wants an object, for k < 52 (exact in a double); `beyond`: the others (a model has a handful). */
  wanting: number;
  beyond: number[];
  /** getMany origins by `wanting`. */
  origins: Map<number, LookupOrigin>;
}

export interface Validator {
  readonly model: ModelDefinition;
  readonly plan: readonly PlannedRule[];
  validate(write: Write, context: GovernanceContext, options?: ValidateOptions): Issue[];
  /** validate(), plus the object the write produces as iTop holds it (every writable attribute, no id). */
  check(write: Write, context: GovernanceContext, options?: ValidateOptions): Validation;
  /** The writable attributes of a class, in the order of `Validation.values` and of checkWritten's `written`. */
  attributesOf(className: string): readonly string[];
  /**
   * check() for a write given in slot form (bulk callers): `written[i]` is the value written to attribute
   * `attributesOf(className)[i]`, undefined when the write leaves it out. Same semantics as a Write.
   */
  checkWritten(className: string, op: 'create' | 'update', id: number | undefined, written: WrittenValues, context: GovernanceContext, options?: BulkOptions): Validation;
}

export interface BulkOptions extends ValidateOptions {
  /**
   * `found[i]` true: the value written to attribute i is the id of an object the caller has just found in this
   * context, through the attribute's target class (a reference search). iTop's existence check of that external
   * key passes; it is not repeated.
   */
  found?: readonly boolean[];
}

export interface Validation {
  issues: Issue[];
  /** The attributes of `values` (attributesOf the class). */
  attributes: readonly string[];
  /** The written object after MakeRealValue (written values over the stored object, or over the defaults), by attribute. */
  values: readonly StoredValue[];
}

/** A validator for a model: the plan and the per-class compiled rules are computed once. */
export function createValidator(model: ModelDefinition): Validator {
  const plan = planGovernance(model);
  const classes = new Map<string, ClassRules>();
  const rulesOf = (className: string): ClassRules => {
    let rules = classes.get(className);
    if (rules) return rules;
    const shape = classShapeOf(model, className);
    if (!shape) throw new WriteError(`unknown class '${className}'`);
    const info: ClassInfo = { className, fields: shape.fields, indexOf: shape.indexOf };
    const remote: ClassRules['remote'] = [];
    const loadOrigin = (target: RemoteTarget): LookupOrigin => {
      const { wanting, beyond } = target;
      let origin = beyond.length === 0 ? target.origins.get(wanting) : undefined;
      if (!origin) {
        const wants = target.positions.filter((_, k) => (k < 52 ? Math.floor(wanting / 2 ** k) % 2 === 1 : beyond.includes(k)));
        const ruleIds = [...new Set(wants.map((position) => (remote[position] as ClassRules['remote'][number]).rule.id))];
        origin = Object.freeze({ by: 'governance', ruleId: ruleIds.join(',') });
        if (beyond.length === 0) target.origins.set(wanting, origin);
      }
      return origin;
    };
    const targets: RemoteTarget[] = [];
    rules = { shape, uniqueness: [], local: [], remote, targets, loadOrigin };
    for (const rule of plan) {
      if (rule.class !== className) continue;
      if (rule.enforcement === 'native-uniqueness') rules.uniqueness.push({ rule, test: uniquenessChecker(rule.check)(rule.check, info) });
      else if (rule.local) rules.local.push({ rule, test: localChecker(rule.check)(rule.check, info), error: rule.severity === 'error' });
      else {
        const test = remoteChecker(rule.check)(rule.check, info);
        if (test.target !== undefined) {
          let target = targets.find((candidate) => candidate.className === test.target);
          if (!target) targets.push((target = { className: test.target, positions: [], ids: [], first: -1, wanting: 0, beyond: [], origins: new Map() }));
          target.positions.push(remote.length);
        }
        remote.push({ rule, test, origin: Object.freeze({ by: 'governance', ruleId: rule.id }) });
      }
    }
    classes.set(className, rules);
    return rules;
  };
  const check = (write: Write, context: GovernanceContext, options: ValidateOptions = {}): Validation => {
    const rules = rulesOf(write.class);
    return run(rules, write.op, write.id, writtenValuesOf(write, rules.shape), context, options.lang ?? 'en');
  };
  return {
    model,
    plan,
    validate(write, context, options = {}) {
      return check(write, context, options).issues;
    },
    check,
    attributesOf(className) {
      return rulesOf(className).shape.codes;
    },
    checkWritten(className, op, id, written, context, options = {}) {
      return run(rulesOf(className), op, id, written, context, options.lang ?? 'en', options.found);
    },
  };
}

let shipped: Validator | undefined;

/** Checks a write against the shipped br-medicaldevice model. */
export function validate(write: Write, context: GovernanceContext, options: ValidateOptions = {}): Issue[] {
  shipped ??= createValidator(defaultModel);
  return shipped.validate(write, context, options);
}

function issueOf(rule: PlannedRule, violation: Violation, subject: Subject, lang: Language): Issue {
  // Placeholders as PHP prints the held values (a port of 2^63 or more is 9223372036854775807, not 9223372036854776000).
  const object = subject.object;
  const values: Record<string, string> = {};
  for (const code of rule.placeholders) values[code] = phpStringOf(object[code]);
  return { ruleId: rule.id, severity: rule.severity, field: violation.field, message: renderMessage(rule.message[lang], values) };
}

function run(rules: ClassRules, op: 'create' | 'update', id: number | undefined, written: WrittenValues, context: GovernanceContext, lang: Language, found?: readonly boolean[]): Validation {
  const subject = buildSubject(rules.shape, op, id, written, context);
  const issues = subject.op === 'update' && subject.changed.length === 0 ? [] : issuesOf(subject, context, rules, lang, found);
  return { issues, attributes: rules.shape.codes, values: subject.held };
}

function issuesOf(subject: Subject, context: GovernanceContext, rules: ClassRules, lang: Language, found: readonly boolean[] | undefined): Issue[] {
  const issues: Issue[] = [];
  itopAttributeIssues(subject, context, lang, issues, found);

  const uniqueness = rules.uniqueness;
  for (let i = 0; i < uniqueness.length; i++) {
    const { rule, test } = uniqueness[i] as ClassRules['uniqueness'][number];
    const violation = test(subject, context);
    if (violation) issues.push(issueOf(rule, violation, subject, lang));
  }

  let localErrors = 0;
  const local = rules.local;
  for (let i = 0; i < local.length; i++) {
    const { rule, test, error } = local[i] as ClassRules['local'][number];
    const violation = test(subject);
    if (!violation) continue;
    if (error) localErrors++;
    issues.push(issueOf(rule, violation, subject, lang));
  }
  const remote = rules.remote;
  if (localErrors > 0 || remote.length === 0) return issues;

  const reader = new Reader(context);
  reader.load(rules, subject);
  for (let i = 0; i < remote.length; i++) {
    const { rule, test, origin } = remote[i] as ClassRules['remote'][number];
    reader.origin = origin;
    const violation = test.evaluate(subject, reader);
    if (violation) issues.push(issueOf(rule, violation, subject, lang));
  }
  return issues;
}

/** What remote rules read: the objects loaded for them, and counts made on behalf of the rule evaluated. */
class Reader implements RemoteReader {
  origin: LookupOrigin = GOVERNANCE;
  /** Per target class of the remote rules (ClassRules.targets), its objects loaded for this write. */
  private loaded: (ReadonlyMap<number, StoredRecord> | undefined)[] | undefined;
  private targets: readonly RemoteTarget[] = [];

  constructor(private readonly context: GovernanceContext) {}

  /**
   * Loads every object the remote rules want: one getMany per class, in the order the classes are first wanted,
   * with the ids in the order first wanted and the ids of the rules that want them.
   */
  load(rules: ClassRules, subject: Subject): void {
    const targets = (this.targets = rules.targets);
    if (targets.length === 0) return;
    if (targets.length === 1) {
      // One class to load from (the common case).
      const target = targets[0] as RemoteTarget;
      const count = wantedBy(rules, target, subject);
      if (count > 0) this.loaded = [this.context.getMany(target.className, target.ids.slice(0, count), rules.loadOrigin(target))];
      return;
    }
    // Every getMany is worked out before the first is made (the scratch space of the targets is then free).
    let calls: { target: number; first: number; ids: number[]; origin: LookupOrigin }[] | undefined;
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t] as RemoteTarget;
      const count = wantedBy(rules, target, subject);
      if (count > 0) (calls ??= []).push({ target: t, first: target.first, ids: target.ids.slice(0, count), origin: rules.loadOrigin(target) });
    }
    if (!calls) return;
    if (calls.length > 1) calls.sort((x, y) => x.first - y.first);
    const loaded: (ReadonlyMap<number, StoredRecord> | undefined)[] = [];
    for (const { target, ids, origin } of calls) loaded[target] = this.context.getMany((targets[target] as RemoteTarget).className, ids, origin);
    this.loaded = loaded;
  }

  object(className: string, id: number): StoredRecord | undefined {
    const loaded = this.loaded;
    if (!loaded) return undefined;
    for (let t = 0; t < this.targets.length; t++) if ((this.targets[t] as RemoteTarget).className === className) return loaded[t]?.get(id);
    return undefined;
  }

  count(className: string, query: CountQuery): number {
    return this.context.count(className, query, this.origin);
  }
}

const GOVERNANCE: LookupOrigin = Object.freeze({ by: 'governance' });

/**
 * Asks the rules of `target` which objects they want: the distinct ids go to `target.ids` (their count is
 * returned), the position of the first rule wanting one to `target.first`, the rules wanting one to
 * `target.wanting` / `target.beyond`.
 */
function wantedBy(rules: ClassRules, target: RemoteTarget, subject: Subject): number {
  const { positions, ids } = target;
  const remote = rules.remote;
  let count = 0;
  target.first = -1;
  target.wanting = 0;
  target.beyond.length = 0;
  for (let k = 0; k < positions.length; k++) {
    const id = (remote[positions[k] as number] as ClassRules['remote'][number]).test.wants(subject);
    if (id === undefined) continue;
    let known = false;
    for (let i = 0; i < count; i++) if (ids[i] === id) known = true;
    if (!known) ids[count++] = id;
    if (target.first === -1) target.first = positions[k] as number;
    if (k < 52) target.wanting += 2 ** k;
    else target.beyond.push(k);
  }
  return count;
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
