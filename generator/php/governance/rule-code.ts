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
 *   keys alone costs nothing and is not blocked by legacy data); one query per target class loads every object
 *   the rules of the class read (`id IN (:ids)`, only the attributes read, AllowAllData).
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

function referencedValueGroupCode(target: string, rules: PlannedRule[], ctx: SnippetContext): string[] {
  const refs = rules.flatMap((rule) =>
    rule.check.kind === 'referenced-value-not-in' ? [{ rule, check: rule.check, flag: `$bCheck${ruleVariablePart(rule.id)}` }] : [],
  );
  const attributes = [...new Set(refs.map(({ check }) => check.attribute))];
  const loaded = `$a${target}ById`;
  const lines: string[] = [];
  for (const { rule, check, flag } of refs) {
    lines.push(ruleComment(rule), `${flag} = ($oObject->IsNew() || array_key_exists(${phpString(check.field)}, $aChanges)) && !${isEmpty(check.field, ctx)};`);
  }
  lines.push(
    `// One query loads every ${target} the rules above read, with only the attributes they read.`,
    `${loaded} = array();`,
    `if (${refs.map(({ flag }) => flag).join(' || ')})`,
    '{',
  );
  let ids = `array((int) ${get(refs[0]?.check.field ?? '')})`;
  if (refs.length > 1) {
    lines.push('\t$aIds = array();');
    for (const { check, flag } of refs) lines.push(`\tif (${flag})`, '\t{', `\t\t$aIds[] = (int) ${get(check.field)};`, '\t}');
    ids = 'array_values(array_unique($aIds))';
  }
  lines.push(
    `\t$oSearch = DBObjectSearch::FromOQL(${phpString(`SELECT ${target} WHERE id IN (:ids)`)});`,
    '\t$oSearch->AllowAllData();',
    `\t$oSet = new DBObjectSet($oSearch, array(), array('ids' => ${ids}));`,
    `\t$oSet->OptimizeColumnLoad(array(${phpString(target)} => ${phpStringArray(attributes)}));`,
    '\twhile ($oReferenced = $oSet->Fetch())',
    '\t{',
    `\t\t${loaded}[(int) $oReferenced->GetKey()] = $oReferenced;`,
    '\t}',
    '}',
  );
  for (const { rule, check, flag } of refs) {
    lines.push(
      '',
      `// ${rule.id}: a referenced object that is not found is iTop's own external-key check.`,
      `$iKey = (int) ${get(check.field)};`,
      `if (${flag} && isset(${loaded}[$iKey]) && ${ctx.helpers.call('IsOneOf', `${loaded}[$iKey]->Get(${phpString(check.attribute)})`, phpStringArray(check.values))})`,
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
