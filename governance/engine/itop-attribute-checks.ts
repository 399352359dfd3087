/**
 * iTop's own attribute checks, mirrored from iTop 3.2.0 `DBObject::DoCheckToWrite` → `CheckValue` for every
 * attribute of `ListChanges()` (core/dbobject.class.php@3.2.0:2063-2168, 2465-2480):
 *
 * 1. empty (`IsNull`: '' for strings, null for enums/integers, 0 for external keys) → "Null not allowed"
 *    when the attribute is mandatory (`is_null_allowed=false`), else accepted;            → ITOP-MANDATORY
 * 2. external key → the target object must exist (`MetaModel::IsObjectInDB`);            → ITOP-EXTKEY
 * 3. enum → the value must be one of the codes (`array_key_exists`, case-sensitive);       → ITOP-ENUM
 * 4. format (`CheckFormat`: `preg_match('/' . pattern . '/', value)`), on the held value:
 *    - IP address: `AttributeIPAddress::GetValidationPattern()` (attributedef@3.2.0:5397) → ITOP-IPADDRESS
 *    - URL: `'^' . AttributeURL::DEFAULT_VALIDATION_PATTERN . '$'` (attributedef@3.2.0:8144, 8204) → ITOP-URL
 * String length limits (255, URL 2048) are not mirrored.
 *
 * No integer syntax check: ITOP_CHECK_IDS.integer (ITOP-INTEGER) is never reported. `AttributeInteger` does not
 * override `CheckFormat` (AttributeDefinition's returns true, attributedef@3.2.0:920), and its `MakeRealValue`
 * (attributedef@3.2.0:2963-2974) has already turned the written value into `(int)` of it when CheckValue runs.
 * Its `GetValidationPattern()` (`^[0-9]+$`) serves the console and portal forms only: over REST, CSV or
 * synchronisation "abc" is 0, "12abc" is 12 and "-1" is -1, and the governance rules (AE-4) judge those numbers.
 *
 * Messages follow iTop's `Core:CheckValueError` of each language; the reason stays in English as iTop writes it.
 */
import type { Language, LocalizedText } from '../../model/schema/model.js';
import { ITOP_CHECK_IDS, renderMessage } from '../plan.js';
import type { GovernanceContext, LookupOrigin } from './context.js';
import type { FieldSlot, Subject } from './subject.js';
import type { Issue, StoredValue } from './types.js';
import type { WritableField } from './values.js';

const OCTET = '(\\d|[1-9]\\d|1\\d\\d|2[0-4]\\d|25[0-5])';
/** `AttributeIPAddress::GetValidationPattern()` of iTop 3.2.0 (the PHP builds it from `$sNum`), verbatim. */
export const ITOP_IPADDRESS_PATTERN = `^(${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET})$`;

/** `AttributeURL::DEFAULT_VALIDATION_PATTERN` of iTop 3.2.0, verbatim (PHP single-quoted: `\$` is a backslash and a dollar). */
export const ITOP_URL_DEFAULT_VALIDATION_PATTERN =
  String.raw`(https?|ftp)\://([a-zA-Z0-9+!*(),;?&=\$_.-]+(\:[a-zA-Z0-9+!*(),;?&=\$_.-]+)?@)?([a-zA-Z0-9-.]{3,})(\:[0-9]{2,5})?(/([a-zA-Z0-9:%+\$_-]\.?)+)*/?(\?[a-zA-Z+&\$_.-][a-zA-Z0-9;:[\]@&%=+/\$_.,-]*)?(#[a-zA-Z0-9_.-][a-zA-Z0-9+\$_.-]*)?`;

/** `AttributeURL::GetValidationPattern()` without an XML validation_pattern. */
export const ITOP_URL_PATTERN = `^${ITOP_URL_DEFAULT_VALIDATION_PATTERN}$`;

/**
 * A PCRE pattern as `preg_match("/$pattern/", $value)` runs it, as a JS RegExp. The patterns above use only
 * syntax both engines read alike (ASCII classes, no flags); the one difference is the final `$`, which in PCRE
 * (no D modifier) also matches before a trailing newline: `$` at the very end becomes `\n?$`.
 */
export function pcreToRegExp(pattern: string): RegExp {
  const body = pattern.endsWith('$') && !pattern.endsWith('\\$') ? `${pattern.slice(0, -1)}\\n?$` : pattern;
  return new RegExp(body);
}

const IPADDRESS = pcreToRegExp(ITOP_IPADDRESS_PATTERN);
const URL_FORMAT = pcreToRegExp(ITOP_URL_PATTERN);

export function matchesItopIpAddress(value: string): boolean {
  return IPADDRESS.test(value);
}
export function matchesItopUrl(value: string): boolean {
  return URL_FORMAT.test(value);
}

/** `Core:CheckValueError` of iTop 3.2.0 (dictionaries/{en,de,fr}.dictionary.itop.core.php). */
const CHECK_VALUE_ERROR: LocalizedText = {
  en: "Unexpected value for attribute '{label}' ({code}) : {reason}",
  de: "Ungültiger Attributwert '{label}' ({code}) : {reason}",
  fr: "Valeur de l'attribut incorrecte '{label}' ({code}) : {reason}",
};

interface Failure {
  ruleId: string;
  reason: string;
}

/** iTop's CheckValue on one changed attribute (its held value), compiled once per attribute: undefined when it passes. */
export type AttributeCheck = (value: StoredValue, context: GovernanceContext) => Failure | undefined;

const NULL_NOT_ALLOWED: Failure = Object.freeze({ ruleId: ITOP_CHECK_IDS.mandatory, reason: 'Null not allowed' });

/** The check iTop's CheckValue applies to one changed attribute of this field (see the header). */
export function compileAttributeCheck(field: WritableField): AttributeCheck {
  const empty = field.mandatory ? NULL_NOT_ALLOWED : undefined;
  switch (field.type) {
    case 'externalKey': {
      const origin: LookupOrigin = Object.freeze({ by: 'itop', attribute: field.code });
      const target = field.target;
      return (value, context) => {
        if (value === null || value === '' || value === 0) return empty;
        return context.get(target, Number(value), origin) ? undefined : { ruleId: ITOP_CHECK_IDS.externalKey, reason: `Target object not found (${target}::${String(value)})` };
      };
    }
    case 'enum': {
      const codes = new Set<StoredValue>(field.values.map((v) => v.code));
      return (value) => {
        if (value === null || value === '') return empty;
        return codes.has(value) ? undefined : { ruleId: ITOP_CHECK_IDS.enum, reason: `Value not allowed [${String(value)}]` };
      };
    }
    case 'ipAddress':
      return (value) => {
        if (value === null || value === '') return empty;
        return matchesItopIpAddress(String(value)) ? undefined : { ruleId: ITOP_CHECK_IDS.ipAddress, reason: `Wrong format [${String(value)}]` };
      };
    case 'url':
      return (value) => {
        if (value === null || value === '') return empty;
        return matchesItopUrl(String(value)) ? undefined : { ruleId: ITOP_CHECK_IDS.url, reason: `Wrong format [${String(value)}]` };
      };
    case 'integer': // no CheckFormat: see the header
    case 'string':
    case 'text':
      return (value) => (value === null || value === '' ? empty : undefined);
  }
}

/**
 * iTop's attribute checks on the changes of a write (see the header), appended to `issues`. `found[i]`: the
 * external key of slot i holds an object the caller has just found in the context (its check passes).
 */
export function itopAttributeIssues(subject: Subject, context: GovernanceContext, lang: Language, issues: Issue[], found?: readonly boolean[]): void {
  const changed = subject.changed;
  const held = subject.held;
  for (let i = 0; i < changed.length; i++) {
    const slot = changed[i] as FieldSlot;
    if (found !== undefined && found[slot.index] === true && slot.field.type === 'externalKey') continue;
    const failure = slot.check(held[slot.index] as StoredValue, context);
    if (!failure) continue;
    issues.push({
      ruleId: failure.ruleId,
      severity: 'error',
      field: slot.code,
      message: renderMessage(CHECK_VALUE_ERROR[lang], { label: slot.field.label[lang], code: slot.code, reason: failure.reason }),
    });
  }
}
