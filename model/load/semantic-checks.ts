import { EXTERNAL_KEY_MAGIC_SUFFIXES, KNOWN_ITOP_CLASSES, MAGIC_ATTRIBUTES } from '../itop/known-classes.js';
import type { ClassDefinition, Field, ModelDefinition, RuleDefinition } from '../schema/model.js';
import type { ModelIssue } from './model-error.js';
import { checkSchemaChanges } from './schema-change-checks.js';

/** What a schema cannot say: references between parts of the model, and clashes. */
export function checkModelSemantics(model: ModelDefinition): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const report = (path: string, message: string) => issues.push({ path, message });
  const classes = new Map<string, ClassDefinition>();

  model.classes.forEach((cls) => {
    const at = `classes[${cls.name}]`;
    if (classes.has(cls.name) || KNOWN_ITOP_CLASSES[cls.name]) report(`${at}.name`, `duplicate class name '${cls.name}'`);
    if (!classes.has(cls.parent) && !KNOWN_ITOP_CLASSES[cls.parent]) {
      const later = model.classes.some((other) => other.name === cls.parent);
      report(`${at}.parent`, later ? `parent class '${cls.parent}' must be declared before '${cls.name}'` : `unknown parent class '${cls.parent}': expected a class of the model or a known iTop class (${knownClassList()})`);
    }
    classes.set(cls.name, cls);
  });

  const tables = new Map<string, string>();
  for (const [name, known] of Object.entries(KNOWN_ITOP_CLASSES)) if (known.table) tables.set(known.table, name);
  for (const cls of model.classes) {
    const owner = tables.get(cls.dbTable);
    if (owner && owner !== cls.name) report(`classes[${cls.name}].dbTable`, `table '${cls.dbTable}' is already used by class '${owner}'`);
    tables.set(cls.dbTable, cls.name);
  }

  const scope = new AttributeScope(model);
  for (const cls of model.classes) checkClass(cls, scope, classes, report);
  model.rules.forEach((rule) => checkRule(rule, scope, report));
  checkDuplicates(model.rules.map((r) => r.id), 'rules', 'rule id', report);
  checkDuplicates(model.menus.map((m) => m.id), 'menus', 'menu id', report);
  checkMenus(model, classes, report);
  checkRights(model, classes, report);
  checkBridges(model, scope, report);
  issues.push(...checkSchemaChanges(model));
  return issues;
}

type Report = (path: string, message: string) => void;

/** Answers which attributes a class has, its own and inherited (from the model or from iTop). */
class AttributeScope {
  private readonly modelClasses: Map<string, ClassDefinition>;
  constructor(model: ModelDefinition) {
    this.modelClasses = new Map(model.classes.map((cls) => [cls.name, cls]));
  }
  exists(className: string): boolean {
    return this.modelClasses.has(className) || KNOWN_ITOP_CLASSES[className] !== undefined;
  }
  field(className: string, code: string): Field | undefined {
    for (let name: string | null = className; name; name = this.parentOf(name)) {
      const found = this.modelClasses.get(name)?.fields.find((f) => f.code === code);
      if (found) return found;
    }
    return undefined;
  }
  has(className: string, code: string): boolean {
    if (MAGIC_ATTRIBUTES.includes(code)) return true;
    for (let name: string | null = className; name; name = this.parentOf(name)) {
      const cls = this.modelClasses.get(name);
      const codes = cls ? cls.fields.map((f) => f.code) : KNOWN_ITOP_CLASSES[name]?.attributes ?? [];
      if (codes.includes(code)) return true;
      const keys = cls ? cls.fields.filter((f) => f.type === 'externalKey').map((f) => f.code) : [];
      if (keys.some((key) => EXTERNAL_KEY_MAGIC_SUFFIXES.some((suffix) => key + suffix === code))) return true;
    }
    return false;
  }
  isA(className: string, ancestor: string): boolean {
    for (let name: string | null = className; name; name = this.parentOf(name)) if (name === ancestor) return true;
    return false;
  }
  private parentOf(name: string): string | null {
    return this.modelClasses.get(name)?.parent ?? KNOWN_ITOP_CLASSES[name]?.parent ?? null;
  }
}

function checkClass(cls: ClassDefinition, scope: AttributeScope, classes: Map<string, ClassDefinition>, report: Report): void {
  const at = `classes[${cls.name}]`;
  const own = new Set<string>();
  for (const field of cls.fields) {
    const fat = `${at}.fields[${field.code}]`;
    if (own.has(field.code)) report(`${fat}.code`, `duplicate attribute code '${field.code}' in class '${cls.name}'`);
    else if (MAGIC_ATTRIBUTES.includes(field.code)) report(`${fat}.code`, `'${field.code}' is reserved by iTop`);
    else if (scope.has(cls.parent, field.code)) report(`${fat}.code`, `attribute '${field.code}' is already inherited from '${cls.parent}'`);
    own.add(field.code);
  }
  const hasAttribute = (code: string) => scope.has(cls.name, code);
  const needAttribute = (path: string, code: string) => {
    if (!hasAttribute(code)) report(path, `unknown attribute '${code}': class '${cls.name}' has no such attribute`);
  };

  for (const field of cls.fields) {
    const fat = `${at}.fields[${field.code}]`;
    switch (field.type) {
      case 'enum': {
        const codes = field.values.map((v) => v.code);
        checkDuplicates(codes, `${fat}.values`, 'enum code', report);
        if (field.default !== undefined && !codes.includes(field.default)) report(`${fat}.default`, `default '${field.default}' is not one of the values: ${codes.join(', ')}`);
        break;
      }
      case 'externalKey':
        if (!scope.exists(field.target)) report(`${fat}.target`, `unknown target class '${field.target}': expected a class of the model or a known iTop class (${knownClassList()})`);
        field.dependencies?.forEach((dep, i) => needAttribute(`${fat}.dependencies[${i}]`, dep));
        for (const match of field.filter?.matchAll(/:this->([a-z0-9_]+)/g) ?? []) {
          const code = match[1] ?? '';
          needAttribute(`${fat}.filter`, code);
          if (!MAGIC_ATTRIBUTES.includes(code) && !field.dependencies?.includes(code)) report(`${fat}.dependencies`, `the filter uses ':this->${code}', so '${code}' must be listed in dependencies`);
        }
        break;
      case 'externalField': {
        const key = scope.field(cls.name, field.externalKey);
        if (!key || key.type !== 'externalKey') report(`${fat}.externalKey`, `'${field.externalKey}' is not an external key of class '${cls.name}'`);
        else if (scope.exists(key.target) && !scope.has(key.target, field.targetAttribute)) report(`${fat}.targetAttribute`, `class '${key.target}' has no attribute '${field.targetAttribute}'`);
        break;
      }
      case 'linkedSet': {
        if (!classes.has(field.linkedClass) && !scope.exists(field.linkedClass)) {
          report(`${fat}.linkedClass`, `unknown linked class '${field.linkedClass}'`);
          break;
        }
        const key = scope.field(field.linkedClass, field.externalKeyToMe);
        if (!key || key.type !== 'externalKey') report(`${fat}.externalKeyToMe`, `'${field.externalKeyToMe}' is not an external key of class '${field.linkedClass}'`);
        else if (!scope.isA(cls.name, key.target)) report(`${fat}.externalKeyToMe`, `'${field.linkedClass}.${field.externalKeyToMe}' points at '${key.target}', not at '${cls.name}'`);
        field.dependencies?.forEach((dep, i) => needAttribute(`${fat}.dependencies[${i}]`, dep));
        break;
      }
      default:
        break;
    }
  }

  cls.naming.attributes.forEach((code, i) => needAttribute(`${at}.naming.attributes[${i}]`, code));
  cls.naming.complementary?.forEach((code, i) => needAttribute(`${at}.naming.complementary[${i}]`, code));
  cls.reconciliation.forEach((code, i) => needAttribute(`${at}.reconciliation[${i}]`, code));
  if (cls.imageAttribute) {
    const image = scope.field(cls.name, cls.imageAttribute);
    if (!image) needAttribute(`${at}.imageAttribute`, cls.imageAttribute);
    else if (image.type !== 'image') report(`${at}.imageAttribute`, `image attribute '${cls.imageAttribute}' must be an image`);
  }
  cls.uniquenessRules?.forEach((rule) => rule.attributes.forEach((code, i) => needAttribute(`${at}.uniquenessRules[${rule.id}].attributes[${i}]`, code)));
  if (cls.stateAttribute) {
    const state = scope.field(cls.name, cls.stateAttribute);
    if (!state) needAttribute(`${at}.stateAttribute`, cls.stateAttribute);
    else if (state.type !== 'enum') report(`${at}.stateAttribute`, `state attribute '${cls.stateAttribute}' must be an enum`);
  }
  const presentation = cls.presentation;
  const detailCodes: string[] = [];
  presentation.details.forEach((entry, i) => {
    if (typeof entry === 'string') {
      needAttribute(`${at}.presentation.details[${i}]`, entry);
      detailCodes.push(entry);
    } else {
      entry.fieldsets.forEach((fieldset) =>
        fieldset.attributes.forEach((code, j) => {
          needAttribute(`${at}.presentation.details[${entry.column}].fieldsets[${fieldset.id}].attributes[${j}]`, code);
          detailCodes.push(code);
        }),
      );
    }
  });
  checkDuplicates(detailCodes, `${at}.presentation.details`, 'attribute', report);
  for (const list of ['search', 'defaultSearch', 'list', 'summary'] as const) {
    const codes = presentation[list] ?? [];
    codes.forEach((code, i) => needAttribute(`${at}.presentation.${list}[${i}]`, code));
    checkDuplicates(codes, `${at}.presentation.${list}`, 'attribute', report);
  }
  cls.impactedBy?.forEach((reference) => {
    const key = scope.field(cls.name, reference.attribute);
    if (!key || key.type !== 'externalKey') report(`${at}.impactedBy[${reference.id}].attribute`, `'${reference.attribute}' must be an external key of '${cls.name}'`);
  });
  cls.impacts?.forEach((neighbour) => {
    const nat = `${at}.impacts[${neighbour.id}]`;
    if (neighbour.attribute) needAttribute(`${nat}.attribute`, neighbour.attribute);
    if (neighbour.attribute && neighbour.queryDown) report(nat, 'give either attribute or queryDown, not both');
    if (!neighbour.attribute && !neighbour.queryDown) report(nat, 'expected attribute or queryDown');
    if (!neighbour.attribute && neighbour.direction === 'both' && !neighbour.queryUp) report(`${nat}.queryUp`, "direction 'both' without attribute needs queryUp");
  });
}

function checkRule(rule: RuleDefinition, scope: AttributeScope, report: Report): void {
  const at = `rules[${rule.id}]`;
  if (!scope.exists(rule.class)) {
    report(`${at}.class`, `unknown class '${rule.class}'`);
    return;
  }
  const check = rule.check;
  const need = (path: string, code: string) => {
    if (!scope.field(rule.class, code)) report(path, `unknown attribute '${code}': class '${rule.class}' has no such attribute`);
  };
  const needEnumValues = (path: string, className: string, code: string, values: string[]) => {
    const field = scope.field(className, code);
    if (!field) return report(path, `unknown attribute '${code}': class '${className}' has no such attribute`);
    if (field.type !== 'enum') return report(path, `'${code}' must be an enum attribute of '${className}'`);
    const codes = field.values.map((v) => v.code);
    values.filter((v) => !codes.includes(v)).forEach((v) => report(path, `'${v}' is not a value of '${className}.${code}': expected one of ${codes.join(', ')}`));
  };
  switch (check.kind) {
    case 'text-format':
      need(`${at}.check.field`, check.field);
      if (check.minLength > check.maxLength) report(`${at}.check.minLength`, 'minLength is greater than maxLength');
      break;
    case 'range':
      need(`${at}.check.field`, check.field);
      if (check.min > check.max) report(`${at}.check.min`, 'min is greater than max');
      break;
    case 'url':
      need(`${at}.check.field`, check.field);
      break;
    case 'required-when':
    case 'empty-when':
      check.fields.forEach((code, i) => need(`${at}.check.fields[${i}]`, code));
      for (const [code, values] of Object.entries(check.when)) needEnumValues(`${at}.check.when.${code}`, rule.class, code, values);
      break;
    case 'distinct-fields':
    case 'unique-together':
      check.fields.forEach((code, i) => need(`${at}.check.fields[${i}]`, code));
      if (check.kind === 'unique-together') check.ignoreWhenEmpty.forEach((code, i) => need(`${at}.check.ignoreWhenEmpty[${i}]`, code));
      break;
    case 'referenced-value-not-in': {
      const key = scope.field(rule.class, check.field);
      if (!key || key.type !== 'externalKey') report(`${at}.check.field`, `'${check.field}' must be an external key of '${rule.class}'`);
      else needEnumValues(`${at}.check.attribute`, key.target, check.attribute, check.values);
      break;
    }
  }
  for (const [language, text] of Object.entries(rule.message)) {
    // iTop renders uniqueness messages as TemplateStrings, where `$this->code$` is a placeholder of its own.
    if (check.kind === 'unique-together' && text.includes('$this->')) report(`${at}.message.${language}`, "'$this->' would be read by iTop as a placeholder: use {attribute} placeholders");
    for (const match of text.matchAll(/\{([^}]*)\}/g)) {
      const code = match[1] ?? '';
      if (!scope.field(rule.class, code)) report(`${at}.message.${language}`, `placeholder '{${code}}' is not an attribute of '${rule.class}'`);
    }
  }
}

function checkMenus(model: ModelDefinition, classes: Map<string, ClassDefinition>, report: Report): void {
  const ids = new Set(model.menus.map((m) => m.id));
  const needClass = (path: string, className: string) => {
    if (!classes.has(className)) report(path, `unknown class '${className}': expected a class of the model`);
  };
  for (const menu of model.menus) {
    const at = `menus[${menu.id}]`;
    switch (menu.type) {
      case 'group':
        needClass(`${at}.enableClass`, menu.enableClass);
        continue;
      case 'class-list':
        needClass(`${at}.class`, menu.class);
        break;
      case 'dashboard':
        menu.cells.forEach((cell, i) =>
          cell.forEach((dashlet, j) => {
            const dat = `${at}.cells[${i}][${j}]`;
            if (dashlet.type === 'header') return;
            needClass(`${dat}.class`, dashlet.class);
            if (dashlet.type === 'group-by' && classes.has(dashlet.class) && !classes.get(dashlet.class)?.fields.some((f) => f.code === dashlet.groupBy)) {
              report(`${dat}.groupBy`, `unknown attribute '${dashlet.groupBy}': class '${dashlet.class}' has no such attribute`);
            }
          }),
        );
        checkDuplicates(menu.cells.flat().flatMap((d) => (d.type === 'badge' ? [] : [d.id])), `${at}.cells`, 'dashlet id', report);
        break;
      default:
        break;
    }
    if (!ids.has(menu.parent)) report(`${at}.parent`, `unknown parent menu '${menu.parent}'`);
  }
  model.dashboardExtensions?.forEach((extension, i) =>
    extension.dashlets.forEach((dashlet, j) => needClass(`dashboardExtensions[${i}].dashlets[${j}].class`, dashlet.class)),
  );
}

function checkRights(model: ModelDefinition, classes: Map<string, ClassDefinition>, report: Report): void {
  const groups = new Set(model.userRights.groups.map((g) => g.id));
  checkDuplicates(model.userRights.groups.map((g) => g.id), 'userRights.groups', 'group id', report);
  checkDuplicates(model.userRights.profiles.map((p) => String(p.id)), 'userRights.profiles', 'profile id', report);
  for (const group of model.userRights.groups) {
    group.classes.forEach((name, i) => {
      if (!classes.has(name) && !KNOWN_ITOP_CLASSES[name]) report(`userRights.groups[${group.id}].classes[${i}]`, `unknown class '${name}': expected a class of the model or a known iTop class`);
    });
  }
  for (const profile of model.userRights.profiles) {
    profile.grants.forEach((grant) => {
      if (!groups.has(grant.group)) report(`userRights.profiles[${profile.id}].grants[${grant.group}]`, `unknown group '${grant.group}'`);
    });
  }
}

function checkBridges(model: ModelDefinition, scope: AttributeScope, report: Report): void {
  checkDuplicates([model.module.code, ...(model.bridges ?? []).map((b) => b.code)], 'bridges', 'module code', report);
  for (const bridge of model.bridges ?? []) {
    const at = `bridges[${bridge.code}]`;
    if (!model.classes.some((cls) => cls.name === bridge.class)) {
      report(`${at}.class`, `unknown class '${bridge.class}': expected a class of the model`);
      continue;
    }
    const keys = new Map<string, string>();
    for (const field of bridge.fields) {
      const fat = `${at}.fields[${field.code}]`;
      if (scope.has(bridge.class, field.code)) report(`${fat}.code`, `class '${bridge.class}' already has an attribute '${field.code}'`);
      if (field.type === 'externalKey') {
        if (!bridge.foreignClasses[field.target] && !scope.exists(field.target)) report(`${fat}.target`, `unknown target class '${field.target}': declare it in foreignClasses`);
        keys.set(field.code, field.target);
        field.dependencies?.forEach((dep, i) => {
          if (!scope.has(bridge.class, dep)) report(`${fat}.dependencies[${i}]`, `unknown attribute '${dep}': class '${bridge.class}' has no such attribute`);
        });
      } else {
        const target = keys.get(field.externalKey);
        if (!target) report(`${fat}.externalKey`, `'${field.externalKey}' is not an external key declared before it in this bridge`);
        else if (bridge.foreignClasses[target] && !bridge.foreignClasses[target]?.includes(field.targetAttribute)) report(`${fat}.targetAttribute`, `'${field.targetAttribute}' is not listed in foreignClasses.${target}`);
      }
    }
    const mirrorTarget = keys.get(bridge.mirror.key);
    if (!mirrorTarget) report(`${at}.mirror.key`, `'${bridge.mirror.key}' is not an external key of this bridge`);
    else if (bridge.foreignClasses[mirrorTarget] && !bridge.foreignClasses[mirrorTarget]?.includes(bridge.mirror.attribute)) report(`${at}.mirror.attribute`, `'${bridge.mirror.attribute}' is not listed in foreignClasses.${mirrorTarget}`);
    if (!scope.field(bridge.class, bridge.mirror.into)) report(`${at}.mirror.into`, `unknown attribute '${bridge.mirror.into}': class '${bridge.class}' has no such attribute`);
    const details = model.classes.find((cls) => cls.name === bridge.class)?.presentation.details ?? [];
    const inForm = details.some((entry) => typeof entry !== 'string' && entry.fieldsets.some((fieldset) => fieldset.attributes.includes(bridge.showBefore)));
    if (!inForm) report(`${at}.showBefore`, `'${bridge.showBefore}' is not in a fieldset of the details form of '${bridge.class}'`);
  }
}

function checkDuplicates(values: string[], path: string, what: string, report: Report): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) report(path, `duplicate ${what} '${value}'`);
    seen.add(value);
  }
}

function knownClassList(): string {
  return Object.keys(KNOWN_ITOP_CLASSES).filter((name) => name !== 'DBObject').join(', ');
}
