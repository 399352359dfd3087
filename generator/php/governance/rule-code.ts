/**
 * PHP statements for each kind of generated rule. Semantics: SPEC §3 and governance/engine/validate.ts (the
 * TypeScript engine follows the same text; both must report the same rule ids for the same write).
 *
 * Every snippet reads the written object through `$oObject` (`Get`, `IsNew`, `ListChanges`, `GetKey`) and
 * appends issues to `$aIssues`. Every model string goes through phpString; regular expressions are built from
 * numbers (code points), never from model text.
 */
import type { Field, ModelDefinition } from '../../../model/schema/model.js';
import type { ReferencedByCheck, PlannedRule } from '../../../governance/plan.js';
import { phpString } from '../php-string.js';
import { codePointClass, codePointsOf, phpCommentText, phpStringArray } from './php-syntax.js';

/** Private helpers of the governance class a snippet calls; only the helpers used are emitted. */
export type Helper = 'IsEmpty' | 'IsEmptyKey' | 'IsOneOf' | 'IsDecimalInteger' | 'IsValidUrl' | 'HasError';

/** Collects the helpers the generated code calls. */
export class HelperUse {
  readonly used = new Set<Helper>();

  call(helper: Helper, ...args: string[]): string {
    this.used.add(helper);
    return `self::${helper}(${args.join(', ')})`;
  }
}

/** Field definitions of a model class, inherited ones (from model ancestors) included. */
export function fieldsOf(model: ModelDefinition, className: string): Map<string, Field> {
  const byName = new Map(model.classes.map((cls) => [cls.name, cls]));
  const fields = new Map<string, Field>();
  for (let cls = byName.get(className); cls; cls = byName.get(cls.parent)) {
    for (const field of cls.fields) if (!fields.has(field.code)) fields.set(field.code, field);
  }
  return fields;
}

/** Everything a snippet needs besides the rule. */
export interface SnippetContext {
  /** The model, for the classes that remote rules read (their attributes' declaring classes). */
  model: ModelDefinition;
  fields: Map<string, Field>;
  helpers: HelperUse;
}

const get = (code: string): string => `$oObject->Get(${phpString(code)})`;

/** `// AE-1 (error): <English summary>` */
export function ruleComment(rule: PlannedRule): string {
  const origin = rule.derivedFrom ? `, derived from ${rule.derivedFrom}` : '';
  return `// ${rule.id} (${rule.severity}${origin}): ${phpCommentText(rule.summary.en)}`;
}

/**
 * The rule's message from the dictionaries. `Dict::Format` fills the placeholders (values are arguments, never
 * part of the format); it is also used when the text holds a `%`, which the dictionary stores doubled for sprintf.
 */
export function messageExpression(rule: PlannedRule): string {
  const hasPercent = Object.values(rule.message).some((text) => text.includes('%'));
  if (rule.placeholders.length === 0 && !hasPercent) return `Dict::S(${phpString(rule.messageKey)})`;
  return `Dict::Format(${[phpString(rule.messageKey), ...rule.placeholders.map(get)].join(', ')})`;
}

/** `$aIssues[] = array('rule' => …, 'severity' => …, 'field' => …, 'message' => …);` */
export function issueStatement(rule: PlannedRule, field: string): string {
  const entries = [
    `'rule' => ${phpString(rule.id)}`,
    `'severity' => ${phpString(rule.severity)}`,
    `'field' => ${phpString(field)}`,
    `'message' => ${messageExpression(rule)}`,
  ];
  return `$aIssues[] = array(${entries.join(', ')});`;
}

/** iTop's IsNull for the attribute's type: '' / null, and 0 for external keys. */
function isEmpty(code: string, ctx: SnippetContext, value = get(code)): string {
  return ctx.fields.get(code)?.type === 'externalKey' ? ctx.helpers.call('IsEmptyKey', value) : ctx.helpers.call('IsEmpty', value);
}

function conditionExpression(when: Record<string, string[]>, ctx: SnippetContext): string {
  return Object.entries(when)
    .map(([code, values]) => ctx.helpers.call('IsOneOf', get(code), phpStringArray(values)))
    .join(' && ');
}

/** Statements of one local rule (plan `local: true`). */
export function localRuleCode(rule: PlannedRule, ctx: SnippetContext): string[] {
  const check = rule.check;
  const lines = [ruleComment(rule)];
  switch (check.kind) {
    case 'text-format': {
      const forbidden = codePointsOf(check.forbiddenCharacters);
      const conditions = [
        '($iLength !== false) && ($iLength >= ' + check.minLength + ') && ($iLength <= ' + check.maxLength + ')',
        `(preg_match('/^[${codePointClass(check.allowedRanges)}]*$/Du', $sValue) === 1)`,
      ];
      if (forbidden.length > 0) conditions.push(`(preg_match('/[${codePointClass(forbidden.map((p) => [p, p] as const))}]/u', $sValue) === 0)`);
      if (check.forbidSurroundingSpaces) conditions.push(`(substr($sValue, 0, 1) !== ' ') && (substr($sValue, -1) !== ' ')`);
      lines.push(
        `$sValue = (string) ${get(check.field)};`,
        `if ($sValue !== '')`,
        '{',
        '\t// Length in characters (code points of the UTF-8 value); invalid UTF-8 fails (preg_* return false).',
        `\t$iLength = preg_match_all('/./su', $sValue);`,
        ...conditions.map((condition, i) => (i === 0 ? `\t$bValid = ${condition}` : `\t\t&& ${condition}`) + (i === conditions.length - 1 ? ';' : '')),
        '\tif (!$bValid)',
        '\t{',
        `\t\t${issueStatement(rule, check.field)}`,
        '\t}',
        '}',
      );
      return lines;
    }
    case 'required-when':
    case 'empty-when': {
      // One issue per rule, on the first offending field in declaration order: an if / elseif chain.
      lines.push(`if (${conditionExpression(check.when, ctx)})`, '{');
      check.fields.forEach((code, i) => {
        const test = check.kind === 'required-when' ? isEmpty(code, ctx) : `!${isEmpty(code, ctx)}`;
        lines.push(`\t${i === 0 ? 'if' : 'elseif'} (${test})`, '\t{', `\t\t${issueStatement(rule, code)}`, '\t}');
      });
      lines.push('}');
      return lines;
    }
    case 'range':
      lines.push(
        `$mValue = ${get(check.field)};`,
        '// An integer attribute holds an int (iTop\'s MakeRealValue cast the written value with (int)) or null.',
        `if (${ctx.helpers.call('IsDecimalInteger', '$mValue')} && (((int) $mValue < ${check.min}) || ((int) $mValue > ${check.max})))`,
        '{',
        `\t${issueStatement(rule, check.field)}`,
        '}',
      );
      return lines;
    case 'url':
      lines.push(
        `$sValue = (string) ${get(check.field)};`,
        `if (($sValue !== '') && !${ctx.helpers.call('IsValidUrl', '$sValue', phpStringArray(check.schemes), check.forbidCredentials ? 'true' : 'false')})`,
        '{',
        `\t${issueStatement(rule, check.field)}`,
        '}',
      );
      return lines;
    case 'distinct-fields': {
      const [first, second] = check.fields;
      lines.push(
        `if (!${isEmpty(first, ctx)} && !${isEmpty(second, ctx)} && ((string) ${get(first)} === (string) ${get(second)}))`,
        '{',
        `\t${issueStatement(rule, second)}`,
        '}',
      );
      return lines;
    }
    default:
      throw new Error(`rule ${rule.id}: kind '${check.kind}' is not a local rule`);
  }
}

/** `LNK-2` → `Lnk2`, for variable names. */
function ruleVariablePart(ruleId: string): string {
  return ruleId
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('');
}

/**
 * Statements of the rules that query the database (plan `local: false`, generated PHP), in plan order, with
 * the budget of SPEC §3 / ITOP-REFERENCE §8.3:
 * - referenced-value-not-in: on create, and on update only for keys among ListChanges() (an update leaving the
 *   keys alone costs nothing and is not blocked by legacy data); one raw SQL query per target class, through
 *   iTop's DB layer, reads the attributes the rules of the class read for every referenced id (names from
 *   MetaModel, ids cast to int, no silo filter, like AllowAllData).
 * - referenced-by: on update only, when the attribute changed to one of the values; one COUNT (CountExceeds).
 */
export function remoteRulesCode(rules: PlannedRule[], ctx: SnippetContext): string[] {
  const lines: string[] = ['$aChanges = $oObject->ListChanges();'];
  const byTarget = new Map<string, PlannedRule[]>();
  for (const rule of rules) {
    if (rule.check.kind !== 'referenced-value-not-in') continue;
    const target = targetClassOf(rule, ctx);
    byTarget.set(target, [...(byTarget.get(target) ?? []), rule]);
  }
  for (const [target, group] of byTarget) lines.push('', ...referencedValueGroupCode(target, group, ctx));
  for (const rule of rules) {
    if (rule.check.kind === 'referenced-by') lines.push('', ...referencedByCode(rule, rule.check, ctx.helpers));
    else if (rule.check.kind !== 'referenced-value-not-in') throw new Error(`rule ${rule.id}: kind '${rule.check.kind}' is not a rule that queries the database`);
  }
  return lines;
}

function targetClassOf(rule: PlannedRule, ctx: SnippetContext): string {
  if (rule.check.kind !== 'referenced-value-not-in') throw new Error(`rule ${rule.id} is not referenced-value-not-in`);
  const field = ctx.fields.get(rule.check.field);
  if (field?.type !== 'externalKey') throw new Error(`rule ${rule.id}: '${rule.check.field}' is not an external key of ${rule.class}`);
  return field.target;
}

/**
 * The model class that declares an attribute of a class (the class itself or a model ancestor). Rules may only
 * read enum attributes of model classes (model/load/semantic-checks.ts), so the walk always ends on one.
 */
function declaringClassOf(model: ModelDefinition, className: string, code: string): string {
  const byName = new Map(model.classes.map((cls) => [cls.name, cls]));
  for (let cls = byName.get(className); cls; cls = byName.get(cls.parent)) {
    if (cls.fields.some((field) => field.code === code)) return cls.name;
  }
  throw new Error(`'${code}' is not an attribute of the model class '${className}' or of its model ancestors`);
}

/** `role` → `Role`, `ae_role` → `AeRole`, for variable names. */
function attributeVariablePart(code: string): string {
  return code
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * Why the referenced objects are read by raw SQL, in the generated code. Measured on the iTop 3.2.0 bench
 * (verify2/instr.sh: microtime around the check inside a 2,000-link CSV import, medians of 3 imports): 0.42 ms a
 * call with the DBObjectSet of `SELECT <Target> WHERE id IN (:ids)` + OptimizeColumnLoad (iTop adds the
 * friendlyname and obsolescence columns, DISTINCT and ORDER BY friendlyname), 0.14 ms with the raw SELECT.
 */
const RAW_SQL_COMMENT = [
  'Raw SQL through iTop\'s own DB layer rather than a DBObjectSet: measured on iTop 3.2.0 in a 2,000-link CSV',
  'import, this check cost 0.42 ms a call with a DBObjectSet (id IN, OptimizeColumnLoad: iTop adds the friendlyname',
  'and obsolescence columns, DISTINCT and ORDER BY friendlyname), 0.14 ms with this SELECT. Safe: every id is cast',
  'to int, the table and column names come from MetaModel (table prefix included), the query only reads, and it',
  'needs no silo filter: governance is global (as AllowAllData), an object out of the user\'s silos still counts.',
];

function referencedValueGroupCode(target: string, rules: PlannedRule[], ctx: SnippetContext): string[] {
  const refs = rules.flatMap((rule) =>
    rule.check.kind === 'referenced-value-not-in' ? [{ rule, check: rule.check, flag: `$bCheck${ruleVariablePart(rule.id)}` }] : [],
  );
  const attributes = [...new Set(refs.map(({ check }) => check.attribute))];
  // One table holds them all (the one of the class declaring them): one SELECT, no join.
  const declaring = [...new Set(attributes.map((code) => declaringClassOf(ctx.model, target, code)))];
  if (declaring.length !== 1) {
    throw new Error(
      `rules ${refs.map(({ rule }) => rule.id).join(', ')}: the ${target} attributes they read (${attributes.join(', ')}) are declared by ` +
        `different classes (${declaring.join(', ')}), so they live in different tables; the generated lookup reads one table`,
    );
  }
  for (const code of attributes) {
    // Attribute codes become SQL aliases and array keys; the model schema allows only these characters.
    if (!/^[a-z][a-z0-9_]*$/.test(code)) throw new Error(`attribute code '${code}' cannot be an SQL alias`);
  }
  const first = attributes[0] as string;
  const loaded = `$a${target}ById`;
  const lines: string[] = [];
  for (const { rule, check, flag } of refs) {
    lines.push(ruleComment(rule), `${flag} = ($oObject->IsNew() || array_key_exists(${phpString(check.field)}, $aChanges)) && !${isEmpty(check.field, ctx)};`);
  }
  lines.push(
    `// One query reads the ${attributes.join(', ')} of every ${target} the rules above need. A referenced object that is`,
    "// not found is skipped: iTop's own external-key check reports it.",
    ...RAW_SQL_COMMENT.map((line) => `// ${line}`),
    `${loaded} = array();`,
    `if (${refs.map(({ flag }) => flag).join(' || ')})`,
    '{',
    '\t$aIds = array();',
  );
  for (const { check, flag } of refs) {
    if (refs.length === 1) lines.push(`\t$aIds[] = (int) ${get(check.field)};`);
    else lines.push(`\tif (${flag})`, '\t{', `\t\t$aIds[] = (int) ${get(check.field)};`, '\t}');
  }
  const columnVariable = (code: string) => `$s${attributeVariablePart(code)}Column`;
  lines.push(
    `\t$sTable = MetaModel::DBGetTable(${phpString(target)}, ${phpString(first)});`,
    `\t$sKey = MetaModel::DBGetKey(MetaModel::GetAttributeOrigin(${phpString(target)}, ${phpString(first)}));`,
  );
  for (const code of attributes) {
    lines.push(`\t$aExpressions = MetaModel::GetAttributeDef(${phpString(target)}, ${phpString(code)})->GetSQLExpressions();`, `\t${columnVariable(code)} = $aExpressions[''];`);
  }
  const selected = attributes.map((code) => `, \`'.${columnVariable(code)}.'\` AS \`${code}\``).join('');
  lines.push(
    `\t$sSQL = 'SELECT \`'.$sKey.'\` AS \`id\`${selected} FROM \`'.$sTable.'\` WHERE \`'.$sKey.'\` IN ('.implode(',', array_unique($aIds)).')';`,
    '\tforeach (CMDBSource::QueryToArray($sSQL) as $aRow)',
    '\t{',
    `\t\t${loaded}[(int) $aRow['id']] = $aRow;`,
    '\t}',
    '}',
  );
  for (const { rule, check, flag } of refs) {
    lines.push(
      '',
      `// ${rule.id}: the ${check.attribute} of the ${phpCommentText(check.field)} object must not be ${phpCommentText(check.values.join(' or '))}.`,
      `$iKey = (int) ${get(check.field)};`,
      `if (${flag} && isset(${loaded}[$iKey]) && ${ctx.helpers.call('IsOneOf', `${loaded}[$iKey][${phpString(check.attribute)}]`, phpStringArray(check.values))})`,
      '{',
      `\t${issueStatement(rule, check.field)}`,
      '}',
    );
  }
  return lines;
}

function referencedByCode(rule: PlannedRule, check: ReferencedByCheck, helpers: HelperUse): string[] {
  const oql = `SELECT ${check.referencingClass} WHERE ${check.referencingField} = :id`;
  return [
    ruleComment(rule),
    `// Only an update that changes ${check.attribute} to ${phpCommentText(check.values.join(' or '))} is checked: one count of the ${check.referencingClass} objects referencing this one.`,
    `if (!$oObject->IsNew() && array_key_exists(${phpString(check.attribute)}, $aChanges) && ${helpers.call('IsOneOf', get(check.attribute), phpStringArray(check.values))})`,
    '{',
    `\t$oSearch = DBObjectSearch::FromOQL(${phpString(oql)});`,
    '\t$oSearch->AllowAllData();',
    `\t$oSet = new DBObjectSet($oSearch, array(), array('id' => $oObject->GetKey()));`,
    '\tif ($oSet->CountExceeds(0))',
    '\t{',
    `\t\t${issueStatement(rule, check.attribute)}`,
    '\t}',
    '}',
  ];
}

/** PHP source of each private helper (one tab of indentation inside the class). */
export const HELPER_CODE: Record<Helper, string[]> = {
  IsEmpty: [
    '/**',
    ' * iTop\'s empty value of a string, text, enum or integer attribute.',
    ' *',
    ' * @param mixed $mValue',
    ' *',
    ' * @return bool',
    ' */',
    'private static function IsEmpty($mValue)',
    '{',
    "\treturn ($mValue === null) || ($mValue === '');",
    '}',
  ],
  IsEmptyKey: [
    '/**',
    ' * iTop\'s empty value of an external key: no object (0), or nothing given.',
    ' *',
    ' * @param mixed $mValue',
    ' *',
    ' * @return bool',
    ' */',
    'private static function IsEmptyKey($mValue)',
    '{',
    "\treturn ($mValue === null) || ($mValue === '') || ($mValue === 0) || ($mValue === '0');",
    '}',
  ],
  IsOneOf: [
    '/**',
    ' * Whether a value is one of the listed codes (exact, case-sensitive comparison; an empty value never is).',
    ' *',
    ' * @param mixed $mValue',
    ' * @param string[] $aCodes',
    ' *',
    ' * @return bool',
    ' */',
    'private static function IsOneOf($mValue, $aCodes)',
    '{',
    '\treturn ($mValue !== null) && in_array((string) $mValue, $aCodes, true);',
    '}',
  ],
  IsDecimalInteger: [
    '/**',
    ' * Whether a value is a decimal integer: an int (what an integer attribute holds), or digits with an optional sign.',
    ' *',
    ' * @param mixed $mValue',
    ' *',
    ' * @return bool',
    ' */',
    'private static function IsDecimalInteger($mValue)',
    '{',
    "\treturn is_int($mValue) || (is_string($mValue) && (preg_match('/^[+-]?[0-9]+$/D', $mValue) === 1));",
    '}',
  ],
  IsValidUrl: [
    '/**',
    ' * Whether a URL is absolute, `scheme://authority...`, with its scheme (as written, case-sensitive) among the',
    ' * allowed ones, a non-empty host, no whitespace anywhere and, if credentials are forbidden, no `user@` or',
    ' * `user:password@` in the authority.',
    ' *',
    ' * @param string $sUrl',
    ' * @param string[] $aSchemes',
    ' * @param bool $bForbidCredentials',
    ' *',
    ' * @return bool',
    ' */',
    'private static function IsValidUrl($sUrl, $aSchemes, $bForbidCredentials)',
    '{',
    "\tif (preg_match('/[ \\t\\n\\x0B\\f\\r]/', $sUrl) === 1)",
    '\t{',
    '\t\treturn false;',
    '\t}',
    "\tif (preg_match('~^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?#]*)~', $sUrl, $aMatches) !== 1)",
    '\t{',
    '\t\treturn false;',
    '\t}',
    '\tif (!in_array($aMatches[1], $aSchemes, true))',
    '\t{',
    '\t\treturn false;',
    '\t}',
    '\t$sAuthority = $aMatches[2];',
    "\t$iAt = strrpos($sAuthority, '@');",
    '\tif ($iAt !== false)',
    '\t{',
    '\t\tif ($bForbidCredentials)',
    '\t\t{',
    '\t\t\treturn false;',
    '\t\t}',
    '\t\t$sAuthority = (string) substr($sAuthority, $iAt + 1);',
    '\t}',
    "\tif (substr($sAuthority, 0, 1) === '[')",
    '\t{',
    '\t\t// IPv6 literal: the host runs up to the closing bracket.',
    "\t\t$iEnd = strpos($sAuthority, ']');",
    "\t\t$sHost = ($iEnd === false) ? '' : (string) substr($sAuthority, 0, $iEnd + 1);",
    '\t}',
    '\telse',
    '\t{',
    "\t\t$sHost = preg_replace('/:[^:]*$/D', '', $sAuthority);",
    '\t}',
    "\treturn $sHost !== '';",
    '}',
  ],
  HasError: [
    '/**',
    ' * Whether one of the issues has the severity error.',
    ' *',
    ' * @param array[] $aIssues',
    ' *',
    ' * @return bool',
    ' */',
    'private static function HasError($aIssues)',
    '{',
    '\tforeach ($aIssues as $aIssue)',
    '\t{',
    "\t\tif ($aIssue['severity'] === 'error')",
    '\t\t{',
    '\t\t\treturn true;',
    '\t\t}',
    '\t}',
    '\treturn false;',
    '}',
  ],
};
